package com.retentiondesk.contract;

import java.time.LocalDate;
import java.time.LocalDateTime;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A recharge-binding or handset-subsidy agreement of a customer, with its end date. */
@Entity
@Table(name = "agreement")
public class Agreement {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;
	private String customerNo;
	@Enumerated(EnumType.STRING)
	private AgreementType agreementType;
	private LocalDate endDate;
	private LocalDateTime createdAt;

	protected Agreement() {
	}

	public Agreement(String customerNo, AgreementType agreementType, LocalDate endDate, LocalDateTime createdAt) {
		this.customerNo = customerNo;
		this.agreementType = agreementType;
		this.endDate = endDate;
		this.createdAt = createdAt;
	}

	public Long getId() {
		return id;
	}

	public String getCustomerNo() {
		return customerNo;
	}

	public AgreementType getAgreementType() {
		return agreementType;
	}

	public LocalDate getEndDate() {
		return endDate;
	}
}
