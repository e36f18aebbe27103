package com.retentiondesk.customer;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;

import org.springframework.data.domain.Persistable;

/**
 * A star-rated customer served by a phone manager. Identified by the BSS customer number, which is
 * also the business key of every retention case of the customer.
 */
@Entity
@Table(name = "customer")
public class Customer implements Persistable<String> {

	@Id
	@Column(name = "customer_no")
	private String customerNo;

	private String name;
	private String serviceNo;
	@Enumerated(EnumType.STRING)
	private Network network;
	@Enumerated(EnumType.STRING)
	private Segment segment;
	private int starLevel;
	@Enumerated(EnumType.STRING)
	private PaymentType paymentType;
	private BigDecimal balance;
	private int arrearsMonths;
	@Enumerated(EnumType.STRING)
	private LineStatus lineStatus;
	private LocalDate birthday;
	private String idType;
	private String idNo;
	private String address;
	private String secondPhone;
	private String email;
	private LocalDate joinedOn;
	private String managerId;
	private LocalDateTime createdAt;
	private LocalDateTime updatedAt;
	/** When and how the customer opted out of care and marketing SMS (回复TD退订); null while they have not. */
	private LocalDateTime smsOptOutAt;
	private String smsOptOutVia;
	/** Who confirmed each basic with the customer, and when; Hibernate leaves it null when all its columns are. */
	@Embedded
	private ProfileVerifications verifications;
	/** 1 when all five basics are there / all verified: indexed for the figures and the scan (V30). */
	private int profileComplete;
	private int profileVerified;
	@Version
	private int version;

	// assigned ids: tell Spring Data (and so Hibernate's batch inserts) which entities are new
	@Transient
	private boolean isNew;

	protected Customer() {
	}

	public static Customer create(CustomerData data, LocalDateTime now) {
		Customer customer = new Customer();
		customer.customerNo = data.customerNo();
		customer.createdAt = now;
		customer.isNew = true;
		customer.apply(data);
		customer.updatedAt = now;
		return customer;
	}

	/**
	 * Takes over the master data of an import row.
	 *
	 * @return whether anything changed (an unchanged row leaves the row and its version alone)
	 */
	public boolean update(CustomerData data, LocalDateTime now) {
		if (!customerNo.equals(data.customerNo())) {
			throw new IllegalArgumentException("data of " + data.customerNo() + " given to " + customerNo);
		}
		if (data.equals(toData())) {
			return false;
		}
		apply(data);
		updatedAt = now;
		return true;
	}

	/**
	 * Books a payment reported by billing: the balance rises, and a postpaid customer whose debt is
	 * paid off is no longer in arrears.
	 */
	public void applyPayment(BigDecimal amount, LocalDateTime now) {
		if (amount.signum() <= 0) {
			throw new IllegalArgumentException("a payment must be positive, not " + amount);
		}
		balance = balance.add(amount);
		if (paymentType == PaymentType.POSTPAID && balance.signum() >= 0) {
			arrearsMonths = 0;
		}
		updatedAt = now;
	}

	/** Billing changed the state of the line (suspension, reactivation). */
	public void changeLineStatus(LineStatus status, LocalDateTime now) {
		lineStatus = status;
		updatedAt = now;
	}

	/** The customer moved from PHS to CDMA: the new line is the customer's service number now. */
	public void upgradeToCdma(String newServiceNo, LocalDateTime now) {
		if (network == Network.CDMA && newServiceNo.equals(serviceNo)) {
			return;
		}
		network = Network.CDMA;
		serviceNo = newServiceNo;
		lineStatus = LineStatus.ACTIVE;
		updatedAt = now;
	}

	/**
	 * The customer opted out of care and marketing SMS ({@code via}: how, e.g. 短信回复“TD”); a second
	 * opt-out keeps the first one's time. Service notices (arrears, line) still go to them.
	 */
	public void optOutOfSms(LocalDateTime at, String via) {
		if (smsOptOutAt == null) {
			smsOptOutAt = at;
			smsOptOutVia = via;
			updatedAt = at;
		}
	}

	public boolean isSmsOptedOut() {
		return smsOptOutAt != null;
	}

	public LocalDateTime getSmsOptOutAt() {
		return smsOptOutAt;
	}

	public String getSmsOptOutVia() {
		return smsOptOutVia;
	}

	/** A contact number learned later (e.g. by a supervisor) becomes the second contact number. */
	public void changeSecondPhone(String phone, LocalDateTime now) {
		changeProfile(ProfileField.SECOND_PHONE, phone, now);
	}

	// --- the profile the managers keep (issue 28) ---

	/** The current value of a profile field; null while it is missing. */
	public String profileValue(ProfileField field) {
		return switch (field) {
			case NAME -> name;
			case ID_TYPE -> idType;
			case ID_NO -> idNo;
			case ADDRESS -> address;
			case SECOND_PHONE -> secondPhone;
			case EMAIL -> email;
		};
	}

	/**
	 * Changes a profile field; a basic field's verification goes with its old value.
	 *
	 * @return whether the value changed
	 * @throws IllegalArgumentException for an empty name (the customer always has one)
	 */
	public boolean changeProfile(ProfileField field, String value, LocalDateTime now) {
		String newValue = value == null || value.isBlank() ? null : value.trim();
		if (java.util.Objects.equals(newValue, profileValue(field))) {
			return false;
		}
		switch (field) {
			case NAME -> {
				if (newValue == null) {
					throw new IllegalArgumentException("姓名不能为空");
				}
				name = newValue;
			}
			case ID_TYPE -> idType = newValue;
			case ID_NO -> idNo = newValue;
			case ADDRESS -> address = newValue;
			case SECOND_PHONE -> secondPhone = newValue;
			case EMAIL -> email = newValue;
		}
		if (field.isBasic()) {
			setVerification(field, null, null);
		}
		updatedAt = now;
		refreshProfileFlags();
		return true;
	}

	/**
	 * The manager confirmed the field's current value with the customer on a reached call.
	 *
	 * @throws IllegalStateException for a missing value or a field that is not one of the basics
	 */
	public void verify(ProfileField field, String by, LocalDateTime at) {
		if (!field.isBasic()) {
			throw new IllegalStateException(field + " is not verified");
		}
		if (profileValue(field) == null) {
			throw new IllegalStateException("“" + field.label() + "”未填写,不能核实");
		}
		setVerification(field, by, at);
		updatedAt = at;
	}

	/** Whether the basic field's current value was confirmed with the customer. */
	public boolean isVerified(ProfileField field) {
		return verifiedAt(field) != null;
	}

	/** Who verified the field, or null. */
	public String verifiedBy(ProfileField field) {
		return verifications().by(field);
	}

	/** When the field was verified, or null. */
	public LocalDateTime verifiedAt(ProfileField field) {
		return verifications().at(field);
	}

	private void setVerification(ProfileField field, String by, LocalDateTime at) {
		verifications().set(field, by, at);
		refreshProfileFlags();
	}

	private ProfileVerifications verifications() {
		if (verifications == null) {
			verifications = new ProfileVerifications();
		}
		return verifications;
	}

	/** Whether all five basics are there (完备). */
	public boolean isProfileComplete() {
		return profileComplete == 1;
	}

	/** Whether all five basics are verified (真实). */
	public boolean isProfileVerified() {
		return profileVerified == 1;
	}

	private void refreshProfileFlags() {
		profileComplete = ProfileField.BASICS.stream().allMatch(f -> profileValue(f) != null) ? 1 : 0;
		profileVerified = ProfileField.BASICS.stream().allMatch(this::isVerified) ? 1 : 0;
	}

	public CustomerData toData() {
		return new CustomerData(customerNo, name, serviceNo, network, segment, starLevel, paymentType, balance,
				arrearsMonths, lineStatus, managerId, birthday, idType, idNo, address, secondPhone, email, joinedOn);
	}

	private void apply(CustomerData data) {
		// an import that changes a verified basic drops its verification (CustomerImport keeps verified values)
		for (ProfileField field : ProfileField.BASICS) {
			if (!java.util.Objects.equals(profileValue(field), ImportedProfile.valueOf(data, field))) {
				setVerification(field, null, null);
			}
		}
		name = data.name();
		serviceNo = data.serviceNo();
		network = data.network();
		segment = data.segment();
		starLevel = data.starLevel();
		paymentType = data.paymentType();
		// normalise the scale so that 12.5 and 12.50 compare equal on the next import
		balance = data.balance().setScale(2);
		arrearsMonths = data.arrearsMonths();
		lineStatus = data.lineStatus();
		managerId = data.managerId();
		birthday = data.birthday();
		idType = data.idType();
		idNo = data.idNo();
		address = data.address();
		secondPhone = data.secondPhone();
		email = data.email();
		joinedOn = data.joinedOn();
		refreshProfileFlags();
	}

	@Override
	public String getId() {
		return customerNo;
	}

	@Override
	public boolean isNew() {
		return isNew;
	}

	@PostLoad
	@PostPersist
	void markNotNew() {
		isNew = false;
	}

	public String getCustomerNo() {
		return customerNo;
	}

	public String getName() {
		return name;
	}

	public String getServiceNo() {
		return serviceNo;
	}

	public Network getNetwork() {
		return network;
	}

	public Segment getSegment() {
		return segment;
	}

	public int getStarLevel() {
		return starLevel;
	}

	public PaymentType getPaymentType() {
		return paymentType;
	}

	public BigDecimal getBalance() {
		return balance;
	}

	public int getArrearsMonths() {
		return arrearsMonths;
	}

	public LineStatus getLineStatus() {
		return lineStatus;
	}

	public String getManagerId() {
		return managerId;
	}

	public String getEmail() {
		return email;
	}

	public LocalDate getJoinedOn() {
		return joinedOn;
	}

	public String getSecondPhone() {
		return secondPhone;
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof Customer that && Objects.equals(customerNo, that.customerNo);
	}

	@Override
	public int hashCode() {
		return Objects.hashCode(customerNo);
	}
}
