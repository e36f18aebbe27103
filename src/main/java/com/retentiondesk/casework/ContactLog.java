package com.retentiondesk.casework;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.retentiondesk.contact.ContactAttempt;
import com.retentiondesk.contact.ContactAttempts;
import com.retentiondesk.contact.ContactChannel;

/** Writes the contact log of a case, and on the case the time of its first call. */
@Component
public class ContactLog {

	private final ContactAttempts contacts;
	private final RetentionCases cases;

	ContactLog(ContactAttempts contacts, RetentionCases cases) {
		this.contacts = contacts;
		this.cases = cases;
	}

	@Transactional
	public ContactAttempt record(ContactAttempt attempt) {
		if (attempt.getChannel() == ContactChannel.PHONE && attempt.getCaseId() != null) {
			cases.findById(attempt.getCaseId()).ifPresent(file -> file.contacted(attempt.getAttemptedAt()));
		}
		return contacts.save(attempt);
	}
}
