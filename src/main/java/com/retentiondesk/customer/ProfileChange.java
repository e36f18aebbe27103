package com.retentiondesk.customer;

import java.time.LocalDateTime;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One change of a customer's profile field (资料变更记录): who, when, the old and the new value, on which call. */
@Entity
@Table(name = "profile_change")
public class ProfileChange {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;
	private String customerNo;
	@Enumerated(EnumType.STRING)
	private ProfileField field;
	private String oldValue;
	private String newValue;
	private String changedBy;
	private LocalDateTime changedAt;
	private String taskId;

	protected ProfileChange() {
	}

	ProfileChange(String customerNo, ProfileField field, String oldValue, String newValue, String changedBy,
			LocalDateTime changedAt, String taskId) {
		this.customerNo = customerNo;
		this.field = field;
		this.oldValue = oldValue;
		this.newValue = newValue;
		this.changedBy = changedBy;
		this.changedAt = changedAt;
		this.taskId = taskId;
	}

	public String getCustomerNo() {
		return customerNo;
	}

	public ProfileField getField() {
		return field;
	}

	public String getOldValue() {
		return oldValue;
	}

	public String getNewValue() {
		return newValue;
	}

	public String getChangedBy() {
		return changedBy;
	}

	public LocalDateTime getChangedAt() {
		return changedAt;
	}

	public String getTaskId() {
		return taskId;
	}
}
