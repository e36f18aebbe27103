package com.retentiondesk.notification;

import java.time.LocalDateTime;

import org.springframework.stereotype.Component;

import com.retentiondesk.contact.ContactAttempt;
import com.retentiondesk.contact.ContactAttempts;
import com.retentiondesk.contact.ContactChannel;
import com.retentiondesk.customer.Customer;
import com.retentiondesk.customer.Customers;

/**
 * The contact log of customers' SMS: one line when the SMS centre took the message (SENT) and one for its
 * outcome (DELIVERED, FAILED with the SMS centre's error code, UNKNOWN, OPTED_OUT), written by 系统 in the
 * caller's transaction; and whether a customer opted out.
 */
@Component
class SmsContactLog {

	/** The system's user id in the contact log (casework.Staff.SYSTEM, which this package cannot use). */
	static final String SYSTEM = "system";

	private final ContactAttempts contacts;
	private final Customers customers;

	SmsContactLog(ContactAttempts contacts, Customers customers) {
		this.contacts = contacts;
		this.customers = customers;
	}

	boolean optedOut(String customerNo) {
		return customerNo != null && customers.findById(customerNo).map(Customer::isSmsOptedOut).orElse(false);
	}

	void record(OutboxMessage message, OutboxMessage.Status status, LocalDateTime at) {
		if (message.getCustomerNo() == null) {
			return;
		}
		String label = message.getSubject() == null ? "短信" : message.getSubject();
		String notes = status == OutboxMessage.Status.SENT ? label
				: label + ": " + status.label() + (message.getSmscError() == null ? ""
						: " (短信中心错误码 " + message.getSmscError() + ")");
		contacts.save(new ContactAttempt(message.getCustomerNo(), message.getCaseId(), null, SYSTEM, at,
				ContactChannel.SMS, status.name(), notes));
	}

	/** A reply's line in the customer's contact log (e.g. the opt-out). */
	void reply(Customer customer, LocalDateTime at, String outcome, String notes) {
		contacts.save(new ContactAttempt(customer.getCustomerNo(), null, null, SYSTEM, at, ContactChannel.SMS, outcome,
				notes));
	}
}
