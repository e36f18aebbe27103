package com.retentiondesk.casework;

import org.springframework.stereotype.Component;

import com.retentiondesk.notification.Notifications;

/**
 * {@code ServiceTask_MailSupervisor} of every case process: sends the escalation mails that
 * {@link EscalateOverdueTaskDelegate} queued for the case. Its own asynchronous step: while the mail
 * server is down it retries and then shows as an incident of its own, and the supervisor's task is
 * already there.
 */
@Component("mailSupervisor")
class MailSupervisorDelegate extends QueuedMailStep {

	MailSupervisorDelegate(Notifications notifications) {
		super(notifications);
	}

	@Override
	protected String keyPrefix(long caseId) {
		return EscalateOverdueTaskDelegate.mailKeyPrefix(caseId);
	}
}
