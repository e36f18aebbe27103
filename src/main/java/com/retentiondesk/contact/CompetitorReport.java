package com.retentiondesk.contact;

import java.time.LocalDateTime;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A competitor (and its offer) that a customer named on a call: intelligence for marketing. */
@Entity
@Table(name = "competitor_report")
public class CompetitorReport {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;
	private String customerNo;
	private Long caseId;
	private String taskId;
	private String competitor;
	private String reportedBy;
	private LocalDateTime reportedAt;

	protected CompetitorReport() {
	}

	public CompetitorReport(String customerNo, Long caseId, String taskId, String competitor, String reportedBy,
			LocalDateTime reportedAt) {
		this.customerNo = customerNo;
		this.caseId = caseId;
		this.taskId = taskId;
		this.competitor = competitor;
		this.reportedBy = reportedBy;
		this.reportedAt = reportedAt;
	}

	public String getCustomerNo() {
		return customerNo;
	}

	public String getCompetitor() {
		return competitor;
	}

	public String getReportedBy() {
		return reportedBy;
	}
}
