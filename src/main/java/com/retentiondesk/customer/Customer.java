package com.retentiondesk.customer;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Objects;

import jakarta.persistence.Column;
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
		secondPhone = phone;
		updatedAt = now;
	}

	public CustomerData toData() {
		return new CustomerData(customerNo, name, serviceNo, network, segment, starLevel, paymentType, balance,
				arrearsMonths, lineStatus, managerId, birthday, idType, idNo, address, secondPhone, email, joinedOn);
	}

	private void apply(CustomerData data) {
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
