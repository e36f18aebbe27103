package com.retentiondesk.notification;

import java.time.LocalDateTime;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** An e-mail or SMS to send, identified by a key that makes queueing and sending idempotent. */
@Entity
@Table(name = "outbox_message")
public class OutboxMessage {

	public enum Status {
		PENDING, SENT
	}

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;
	private String messageKey;
	@Enumerated(EnumType.STRING)
	private Channel channel;
	private String recipient;
	private String subject;
	private String body;
	@Enumerated(EnumType.STRING)
	private Status status;
	private int attempts;
	private String lastError;
	private LocalDateTime createdAt;
	private LocalDateTime sentAt;
	@Version
	private int version;

	protected OutboxMessage() {
	}

	OutboxMessage(String messageKey, Channel channel, String recipient, String subject, String body,
			LocalDateTime createdAt) {
		this.messageKey = messageKey;
		this.channel = channel;
		this.recipient = recipient;
		this.subject = subject;
		this.body = body;
		this.status = Status.PENDING;
		this.createdAt = createdAt;
	}

	boolean isSent() {
		return status == Status.SENT;
	}

	void markSent(LocalDateTime at) {
		if (isSent()) {
			throw new IllegalStateException("message " + messageKey + " was already sent at " + sentAt);
		}
		status = Status.SENT;
		sentAt = at;
		attempts++;
		lastError = null;
	}

	void markFailed(String error) {
		attempts++;
		lastError = error == null ? null : error.substring(0, Math.min(error.length(), 1000));
	}

	public String getMessageKey() {
		return messageKey;
	}

	public Channel getChannel() {
		return channel;
	}

	public String getRecipient() {
		return recipient;
	}

	public String getSubject() {
		return subject;
	}

	public String getBody() {
		return body;
	}

	public int getAttempts() {
		return attempts;
	}

	public String getLastError() {
		return lastError;
	}

	public LocalDateTime getSentAt() {
		return sentAt;
	}
}
