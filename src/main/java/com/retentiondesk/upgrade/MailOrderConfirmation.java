package com.retentiondesk.upgrade;

import org.springframework.stereotype.Component;

import com.retentiondesk.casework.QueuedMailStep;
import com.retentiondesk.notification.Notifications;

/**
 * {@code ServiceTask_MailOrderConfirmation}: sends the order confirmation that {@link RecordUpgradeOrder} queued (none if the customer has no
 * e-mail address), on a branch of its own, so that the case goes on while the mail server is down.
 */
@Component("mailOrderConfirmation")
class MailOrderConfirmation extends QueuedMailStep {

	MailOrderConfirmation(Notifications notifications) {
		super(notifications);
	}

	@Override
	protected String keyPrefix(long caseId) {
		return RecordUpgradeOrder.confirmationKey(caseId);
	}
}
