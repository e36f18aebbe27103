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

	/**
	 * PENDING until the server accepted it, then SENT; an SMS then moves on with its delivery receipts to
	 * DELIVERED or FAILED (the SMS centre's error code in {@code smscError}). UNKNOWN: the link dropped before
	 * the SMS centre answered the submit, OPTED_OUT: a care or marketing SMS not sent because the customer
	 * replied TD. SENDING: a bulk care SMS claimed right before it goes to the gateway ({@link SmsBatchSender});
	 * one still SENDING after a crash may have gone out and becomes UNKNOWN. Only PENDING is ever sent (again).
	 */
	public enum Status {
		PENDING, SENDING, SENT, DELIVERED, FAILED, UNKNOWN, OPTED_OUT;

		/** How the contact log and the admin's list say it. */
		public String label() {
			return switch (this) {
				case PENDING -> "待发送";
				case SENDING -> "正在提交短信中心";
				case SENT -> "已提交短信中心";
				case DELIVERED -> "已送达";
				case FAILED -> "未送达";
				case UNKNOWN -> "发送结果未知(链路中断,不重发)";
				case OPTED_OUT -> "客户已退订,未发送";
			};
		}
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
	@Enumerated(EnumType.STRING)
	private SmsCategory category;
	private String customerNo;
	private Long caseId;
	private Integer parts;
	private String gateway;
	private String smscError;
	private LocalDateTime settledAt;
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

	/** An SMS of a customer (the contact log and opt-out go by the customer, the receipts by the case). */
	OutboxMessage(String messageKey, SmsCategory category, String customerNo, Long caseId, String recipient,
			String label, String body, LocalDateTime createdAt) {
		this(messageKey, Channel.SMS, recipient, label, category.textOf(body), createdAt);
		this.category = category;
		this.customerNo = customerNo;
		this.caseId = caseId;
	}

	/** Whether the message left the PENDING state: it is never sent again. */
	boolean isSent() {
		return status != Status.PENDING;
	}

	/** A submitted SMS in {@code parts} parts through {@code gateway}. */
	void markSubmitted(LocalDateTime at, int parts, String gateway) {
		markSent(at);
		this.parts = parts;
		this.gateway = gateway;
	}

	/** The SMS's final outcome (a receipt, a dropped link, an opt-out); false if it had one already. */
	boolean settle(Status outcome, String error, LocalDateTime at) {
		if (status == Status.DELIVERED || status == Status.FAILED || status == Status.OPTED_OUT) {
			return false;
		}
		status = outcome;
		smscError = error;
		settledAt = at;
		return true;
	}

	void markSent(LocalDateTime at) {
		if (isSent()) {
			throw new IllegalStateException("message " + messageKey + " was already " + status + " at " + sentAt);
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

	public Long getId() {
		return id;
	}

	public Status getStatus() {
		return status;
	}

	public SmsCategory getCategory() {
		return category == null ? SmsCategory.SERVICE : category;
	}

	public String getCustomerNo() {
		return customerNo;
	}

	public Long getCaseId() {
		return caseId;
	}

	public Integer getParts() {
		return parts;
	}

	public String getGateway() {
		return gateway;
	}

	public String getSmscError() {
		return smscError;
	}

	public LocalDateTime getSettledAt() {
		return settledAt;
	}

	public LocalDateTime getCreatedAt() {
		return createdAt;
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
