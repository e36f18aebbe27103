package com.retentiondesk.birthday;

import java.time.LocalDate;
import java.time.LocalDateTime;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One customer's birthday and its greeting: written with the greeting case (one per customer and birthday),
 * completed with the manager's record of the greeting.
 */
@Entity
@Table(name = "birthday_greeting")
class BirthdayGreeting {

	/** How the manager greeted the customer. */
	enum Channel {
		PHONE, SMS
	}

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;
	private String customerNo;
	private LocalDate birthdayOn;
	private Long caseId;
	private String managerId;
	private LocalDate dueOn;
	@Enumerated(EnumType.STRING)
	private Channel channel;
	private Boolean reached;
	private String note;
	private String greetedBy;
	private LocalDateTime greetedAt;

	protected BirthdayGreeting() {
	}

	BirthdayGreeting(String customerNo, LocalDate birthdayOn, long caseId, String managerId, LocalDate dueOn) {
		this.customerNo = customerNo;
		this.birthdayOn = birthdayOn;
		this.caseId = caseId;
		this.managerId = managerId;
		this.dueOn = dueOn;
	}

	/** The manager's record of the greeting; a greeting is recorded once (a retried completion changes nothing). */
	boolean record(Channel channel, Boolean reached, String note, String by, LocalDateTime at) {
		if (greetedAt != null) {
			return false;
		}
		this.channel = channel;
		this.reached = reached;
		this.note = note;
		this.greetedBy = by;
		this.greetedAt = at;
		return true;
	}

	String getCustomerNo() {
		return customerNo;
	}

	LocalDate getBirthdayOn() {
		return birthdayOn;
	}

	Long getCaseId() {
		return caseId;
	}

	String getManagerId() {
		return managerId;
	}

	LocalDate getDueOn() {
		return dueOn;
	}

	Channel getChannel() {
		return channel;
	}

	Boolean getReached() {
		return reached;
	}

	String getNote() {
		return note;
	}

	String getGreetedBy() {
		return greetedBy;
	}

	LocalDateTime getGreetedAt() {
		return greetedAt;
	}
}
