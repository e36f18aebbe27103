package com.retentiondesk.casework;

import java.math.BigDecimal;
import java.time.LocalDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * One retention case of a customer: the row that the database constraint "one open case per
 * customer and case type" guards, and that the KPIs count. Its process instance does the work.
 */
@Entity
@Table(name = "retention_case")
public class RetentionCase {

	static final int BRIEF_LENGTH = 4000;

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;
	@Enumerated(EnumType.STRING)
	private CaseType caseType;
	private String customerNo;
	private String managerId;
	private LocalDateTime openedAt;
	private LocalDateTime closedAt;
	@Enumerated(EnumType.STRING)
	private CaseOutcome outcome;
	private String outcomeReason;
	// 1 while open, NULL when closed: the unique key (customer_no, case_type, open_flag) needs it
	@Column(name = "open_flag")
	private Integer openFlag;
	private String processInstanceId;
	private Long agreementId;
	private String campaign;
	/** The usage month ("2026-11") a usage-warning case is about: one case per customer, type and month. */
	private String usageMonth;
	private BigDecimal amountOwed;
	private BigDecimal amountRecovered;
	private LocalDateTime firstContactAt;
	private int escalations;
	/** The case brief (客户情况, {@link CaseBrief#text()}); null for a case opened before V35 (its variable holds it). */
	private String brief;
	@Version
	private int version;

	protected RetentionCase() {
	}

	public RetentionCase(CaseType caseType, String customerNo, String managerId, LocalDateTime openedAt) {
		this.caseType = caseType;
		this.customerNo = customerNo;
		this.managerId = managerId;
		this.openedAt = openedAt;
		this.openFlag = 1;
	}

	/** The case brief as the forms show it ({@link CaseBriefs#store}); cut to the column's 4,000 characters. */
	void describe(String brief) {
		this.brief = brief == null || brief.length() <= BRIEF_LENGTH ? brief : brief.substring(0, BRIEF_LENGTH);
	}

	public String getBrief() {
		return brief;
	}

	/** The agreement an expiry case is about. */
	public void concern(Long agreementId) {
		this.agreementId = agreementId;
	}

	/** The usage month ("2026-11") a traffic-decline or package-advice case is about. */
	public void aboutUsageMonth(String month) {
		this.usageMonth = month;
	}

	public String getUsageMonth() {
		return usageMonth;
	}

	/** A call reached or tried the customer: the first one is remembered (time to first contact). */
	public void contacted(LocalDateTime at) {
		if (firstContactAt == null || at.isBefore(firstContactAt)) {
			firstContactAt = at;
		}
	}

	public LocalDateTime getFirstContactAt() {
		return firstContactAt;
	}

	/** What the customer owed when an arrears case opened. */
	public void owe(BigDecimal amount) {
		this.amountOwed = amount;
	}

	/** A payment while the case is open counts as recovered. */
	public void recover(BigDecimal amount) {
		if (isOpen()) {
			amountRecovered = amountRecovered == null ? amount : amountRecovered.add(amount);
		}
	}

	public BigDecimal getAmountOwed() {
		return amountOwed;
	}

	public BigDecimal getAmountRecovered() {
		return amountRecovered;
	}

	/** The dispatch campaign an upgrade case was opened for. */
	public void forCampaign(String campaign) {
		this.campaign = campaign;
	}

	public String getCampaign() {
		return campaign;
	}

	public Long getAgreementId() {
		return agreementId;
	}

	public void attachProcess(String processInstanceId) {
		if (this.processInstanceId != null) {
			throw new IllegalStateException("case " + id + " already runs process " + this.processInstanceId);
		}
		this.processInstanceId = processInstanceId;
	}

	/** Closes the case; a case is closed once only. */
	public void close(CaseOutcome outcome, LocalDateTime at) {
		close(outcome, null, at);
	}

	/** Closes the case with the reason for its outcome (churn reason, decline reason). */
	public void close(CaseOutcome outcome, String reason, LocalDateTime at) {
		if (!isOpen()) {
			throw new IllegalStateException("case " + id + " is already closed as " + this.outcome);
		}
		this.outcome = outcome;
		this.outcomeReason = reason == null || reason.length() <= 255 ? reason : reason.substring(0, 255);
		this.closedAt = at;
		this.openFlag = null;
	}

	public void recordEscalation() {
		escalations++;
	}

	public boolean isOpen() {
		return openFlag != null;
	}

	public Long getId() {
		return id;
	}

	public CaseType getCaseType() {
		return caseType;
	}

	public String getCustomerNo() {
		return customerNo;
	}

	public String getManagerId() {
		return managerId;
	}

	public LocalDateTime getOpenedAt() {
		return openedAt;
	}

	public LocalDateTime getClosedAt() {
		return closedAt;
	}

	public CaseOutcome getOutcome() {
		return outcome;
	}

	public String getOutcomeReason() {
		return outcomeReason;
	}

	public String getProcessInstanceId() {
		return processInstanceId;
	}

	public int getEscalations() {
		return escalations;
	}
}
