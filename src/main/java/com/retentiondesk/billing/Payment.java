package com.retentiondesk.billing;

import java.math.BigDecimal;
import java.time.LocalDateTime;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A payment that billing reported (unique per customer, time and amount). */
@Entity
@Table(name = "payment")
public class Payment {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;
	private String customerNo;
	private BigDecimal amount;
	private LocalDateTime paidAt;
	private LocalDateTime receivedAt;

	protected Payment() {
	}

	public Payment(String customerNo, BigDecimal amount, LocalDateTime paidAt, LocalDateTime receivedAt) {
		this.customerNo = customerNo;
		this.amount = amount;
		this.paidAt = paidAt;
		this.receivedAt = receivedAt;
	}

	public String getCustomerNo() {
		return customerNo;
	}

	public BigDecimal getAmount() {
		return amount;
	}

	public LocalDateTime getPaidAt() {
		return paidAt;
	}
}
