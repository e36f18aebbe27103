package com.retentiondesk.expiry;

import org.springframework.stereotype.Component;

import com.retentiondesk.casework.QueuedMailStep;
import com.retentiondesk.notification.Notifications;

/**
 * {@code ServiceTask_MailRenewalConfirmation}: sends the renewal confirmation that {@link RenewAgreement} queued (none if the customer has no
 * e-mail address), on a branch of its own, so that the case goes on while the mail server is down.
 */
@Component("mailRenewalConfirmation")
class MailRenewalConfirmation extends QueuedMailStep {

	MailRenewalConfirmation(Notifications notifications) {
		super(notifications);
	}

	@Override
	protected String keyPrefix(long caseId) {
		return RenewAgreement.confirmationKey(caseId);
	}
}
