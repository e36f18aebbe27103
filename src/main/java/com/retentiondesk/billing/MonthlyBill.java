package com.retentiondesk.billing;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.Objects;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A customer's bill of one month as the monthly usage feed reports it: the amount, the calls, the
 * minutes and the package the customer was on (null: none). One row per customer and month.
 */
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
	private Integer minutes;
	private String packageCode;
	private LocalDateTime updatedAt;

	protected MonthlyBill() {
	}

	public MonthlyBill(String customerNo, YearMonth month, BigDecimal amount, int callCount) {
		this(customerNo, month, amount, callCount, null, null, null);
	}

	public MonthlyBill(String customerNo, YearMonth month, BigDecimal amount, int callCount, Integer minutes,
			String packageCode, LocalDateTime updatedAt) {
		this.customerNo = customerNo;
		this.billMonth = month.toString();
		this.amount = amount;
		this.callCount = callCount;
		this.minutes = minutes;
		this.packageCode = packageCode;
		this.updatedAt = updatedAt;
	}

	/**
	 * Takes the feed's figures for the month again.
	 *
	 * @return whether anything changed (a resent feed changes nothing)
	 */
	public boolean update(BigDecimal amount, int callCount, Integer minutes, String packageCode, LocalDateTime now) {
		if (this.amount.compareTo(amount) == 0 && this.callCount == callCount && Objects.equals(this.minutes, minutes)
				&& Objects.equals(this.packageCode, packageCode)) {
			return false;
		}
		this.amount = amount;
		this.callCount = callCount;
		this.minutes = minutes;
		this.packageCode = packageCode;
		this.updatedAt = now;
		return true;
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

	/** The minutes called, if the feed reported them. */
	public Integer getMinutes() {
		return minutes;
	}

	/** The package the customer was on that month, or null. */
	public String getPackageCode() {
		return packageCode;
	}
}
