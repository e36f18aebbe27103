package com.retentiondesk.billing;

import java.time.LocalDateTime;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A suspension or reactivation of a customer's line that billing reported (unique per time). */
@Entity
@Table(name = "line_event")
public class LineEvent {

	/** What happened to the line. */
	public enum Kind {
		SINGLE_STOP, DOUBLE_STOP, REACTIVATED, ACTIVATED
	}

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;
	private String customerNo;
	@Enumerated(EnumType.STRING)
	private Kind kind;
	private LocalDateTime occurredAt;
	private LocalDateTime receivedAt;

	protected LineEvent() {
	}

	public LineEvent(String customerNo, Kind kind, LocalDateTime occurredAt, LocalDateTime receivedAt) {
		this.customerNo = customerNo;
		this.kind = kind;
		this.occurredAt = occurredAt;
		this.receivedAt = receivedAt;
	}

	public Kind getKind() {
		return kind;
	}
}
