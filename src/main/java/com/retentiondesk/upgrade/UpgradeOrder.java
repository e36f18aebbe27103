package com.retentiondesk.upgrade;

import java.time.LocalDate;
import java.time.LocalDateTime;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An upgrade order: the handset and appointment a PHS customer accepted; activated by billing later. */
@Entity
@Table(name = "upgrade_order")
public class UpgradeOrder {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;
	private Long caseId;
	private String customerNo;
	private String handsetModel;
	private LocalDate appointmentOn;
	private boolean storeVisit;
	private String orderedBy;
	private LocalDateTime orderedAt;
	private String newServiceNo;
	private LocalDateTime activatedAt;

	protected UpgradeOrder() {
	}

	UpgradeOrder(Long caseId, String customerNo, String handsetModel, LocalDate appointmentOn, boolean storeVisit,
			String orderedBy, LocalDateTime orderedAt) {
		this.caseId = caseId;
		this.customerNo = customerNo;
		this.handsetModel = handsetModel;
		this.appointmentOn = appointmentOn;
		this.storeVisit = storeVisit;
		this.orderedBy = orderedBy;
		this.orderedAt = orderedAt;
	}

	void activate(String newServiceNo, LocalDateTime at) {
		if (activatedAt == null) {
			this.newServiceNo = newServiceNo;
			this.activatedAt = at;
		}
	}

	public String getHandsetModel() {
		return handsetModel;
	}

	public LocalDate getAppointmentOn() {
		return appointmentOn;
	}

	public boolean isStoreVisit() {
		return storeVisit;
	}

	public String getNewServiceNo() {
		return newServiceNo;
	}

	public LocalDateTime getActivatedAt() {
		return activatedAt;
	}
}
