package com.retentiondesk.casework;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import com.retentiondesk.notification.Notifications;

/**
 * {@code ServiceTask_MailSupervisor} of every case process: sends the escalation mails that
 * {@link EscalateOverdueTaskDelegate} queued for the case. Its own asynchronous step: while the mail
 * server is down it retries and then shows as an incident of its own, and the supervisor's task is
 * already there.
 */
@Component("mailSupervisor")
class MailSupervisorDelegate implements JavaDelegate {

	private final Notifications notifications;

	MailSupervisorDelegate(Notifications notifications) {
		this.notifications = notifications;
	}

	@Override
	public void execute(DelegateExecution execution) {
		notifications.deliverQueued(EscalateOverdueTaskDelegate.mailKeyPrefix(CaseVariables.caseId(execution)));
	}
}
