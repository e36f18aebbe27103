package com.retentiondesk.notification;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One submitted part of an outbox SMS with the SMS centre's message id, which its delivery receipt names. */
@Entity
@Table(name = "sms_part")
class SmsPart {

	enum Status {
		SUBMITTED, DELIVERED, FAILED
	}

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;
	private Long outboxId;
	private int partNo;
	private String smscMessageId;
	@Enumerated(EnumType.STRING)
	private Status status;
	private String smscError;

	protected SmsPart() {
	}

	SmsPart(Long outboxId, int partNo, String smscMessageId) {
		this.outboxId = outboxId;
		this.partNo = partNo;
		this.smscMessageId = smscMessageId;
		this.status = Status.SUBMITTED;
	}

	void receipt(boolean delivered, String error) {
		status = delivered ? Status.DELIVERED : Status.FAILED;
		smscError = delivered ? null : error;
	}

	Long getOutboxId() {
		return outboxId;
	}

	Status getStatus() {
		return status;
	}

	String getSmscError() {
		return smscError;
	}

	int getPartNo() {
		return partNo;
	}
}
