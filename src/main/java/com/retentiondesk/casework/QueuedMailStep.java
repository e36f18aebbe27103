package com.retentiondesk.casework;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import com.retentiondesk.notification.Notifications;

/**
 * A step of its own that sends what an earlier step of the case queued ({@link Notifications#queue}):
 * while the mail server is down it retries and then shows as an incident of this step alone, and no user
 * task of the case waits for it. Subclasses name the keys of their messages.
 */
public abstract class QueuedMailStep implements JavaDelegate {

	private final Notifications notifications;

	protected QueuedMailStep(Notifications notifications) {
		this.notifications = notifications;
	}

	/** The keys of this step's messages of a case start so (and no other message's). */
	protected abstract String keyPrefix(long caseId);

	@Override
	public void execute(DelegateExecution execution) {
		notifications.deliverQueued(keyPrefix(CaseVariables.caseId(execution)));
	}
}
