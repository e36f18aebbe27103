package com.retentiondesk.expiry;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import com.retentiondesk.casework.CaseVariables;
import com.retentiondesk.notification.Notifications;

/**
 * {@code ServiceTask_MailRenewalConfirmation}: sends the renewal confirmation that {@link RenewAgreement} queued (none if the customer has no
 * e-mail address), on a branch of its own, so that the case goes on while the mail server is down.
 */
@Component("mailRenewalConfirmation")
class MailRenewalConfirmation implements JavaDelegate {

	private final Notifications notifications;

	MailRenewalConfirmation(Notifications notifications) {
		this.notifications = notifications;
	}

	@Override
	public void execute(DelegateExecution execution) {
		notifications.deliverQueued(RenewAgreement.confirmationKey(CaseVariables.caseId(execution)));
	}
}
