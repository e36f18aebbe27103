package com.retentiondesk.upgrade;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import com.retentiondesk.casework.CaseVariables;
import com.retentiondesk.notification.Notifications;

/**
 * {@code ServiceTask_MailOrderConfirmation}: sends the order confirmation that {@link RecordUpgradeOrder} queued (none if the customer has no
 * e-mail address), on a branch of its own, so that the case goes on while the mail server is down.
 */
@Component("mailOrderConfirmation")
class MailOrderConfirmation implements JavaDelegate {

	private final Notifications notifications;

	MailOrderConfirmation(Notifications notifications) {
		this.notifications = notifications;
	}

	@Override
	public void execute(DelegateExecution execution) {
		notifications.deliverQueued(RecordUpgradeOrder.confirmationKey(CaseVariables.caseId(execution)));
	}
}
