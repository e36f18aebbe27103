package com.retentiondesk.expiry;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import com.retentiondesk.casework.OfferCalls;

/**
 * Complete listener of {@code Task_RetentionCall} (its form is already checked by
 * {@link ExpiryCallForm}): an offer call ({@link OfferCalls}); accepted renews the agreement.
 */
@Component("expiryCallCompleted")
class ExpiryCallCompleted implements TaskListener {

	private final OfferCalls offerCalls;
	private final ExpirySettings settings;
	private final Clock clock;

	ExpiryCallCompleted(OfferCalls offerCalls, ExpirySettings settings, Clock clock) {
		this.offerCalls = offerCalls;
		this.settings = settings;
		this.clock = clock;
	}

	@Override
	public void notify(DelegateTask task) {
		task.setVariable(ExpiryProcess.NEXT, offerCalls.complete(task,
				ExpiryCallForm.parse(task.getVariables(), LocalDate.now(clock)), settings.callback(),
				settings.maxUnreachableAttempts(), List.of("到期协议", "推荐方案", "话术"), List.of()).name());
	}
}
