package com.retentiondesk.contact;

import java.time.LocalDateTime;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One contact with a customer (销售记录制度): who, when, through which channel, with what outcome. */
@Entity
@Table(name = "contact_attempt")
public class ContactAttempt {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;
	private String customerNo;
	private Long caseId;
	private String taskId;
	private String managerId;
	private LocalDateTime attemptedAt;
	@Enumerated(EnumType.STRING)
	private ContactChannel channel;
	private String outcome;
	private String notes;

	protected ContactAttempt() {
	}

	public ContactAttempt(String customerNo, Long caseId, String taskId, String managerId, LocalDateTime attemptedAt,
			ContactChannel channel, String outcome, String notes) {
		this.customerNo = customerNo;
		this.caseId = caseId;
		this.taskId = taskId;
		this.managerId = managerId;
		this.attemptedAt = attemptedAt;
		this.channel = channel;
		this.outcome = outcome;
		this.notes = notes;
	}

	public Long getId() {
		return id;
	}

	public String getCustomerNo() {
		return customerNo;
	}

	public Long getCaseId() {
		return caseId;
	}

	public String getTaskId() {
		return taskId;
	}

	public String getManagerId() {
		return managerId;
	}

	public LocalDateTime getAttemptedAt() {
		return attemptedAt;
	}

	public ContactChannel getChannel() {
		return channel;
	}

	public String getOutcome() {
		return outcome;
	}

	public String getNotes() {
		return notes;
	}
}
