package com.retentiondesk.billing;

import java.math.BigDecimal;
import java.time.YearMonth;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A customer's bill of one month: the amount and the number of calls (for the usage rules). */
@Entity
@Table(name = "monthly_bill")
public class MonthlyBill {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;
	private String customerNo;
	private String billMonth;
	private BigDecimal amount;
	private int callCount;

	protected MonthlyBill() {
	}

	public MonthlyBill(String customerNo, YearMonth month, BigDecimal amount, int callCount) {
		this.customerNo = customerNo;
		this.billMonth = month.toString();
		this.amount = amount;
		this.callCount = callCount;
	}

	public String getCustomerNo() {
		return customerNo;
	}

	public YearMonth getMonth() {
		return YearMonth.parse(billMonth);
	}

	public BigDecimal getAmount() {
		return amount;
	}

	public int getCallCount() {
		return callCount;
	}
}
