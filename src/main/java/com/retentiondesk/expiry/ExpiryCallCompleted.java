package com.retentiondesk.expiry;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import com.retentiondesk.calendar.WorkCalendar;
import com.retentiondesk.casework.OfferCallPolicy;
import com.retentiondesk.casework.OfferCalls;

/**
 * Complete listener of {@code Task_RetentionCall} (its form is already checked by
 * {@link ExpiryCallForm}): an offer call ({@link OfferCalls}); accepted renews the agreement.
 */
@Component("expiryCallCompleted")
class ExpiryCallCompleted implements TaskListener {

	private final OfferCalls offerCalls;
	private final OfferCallPolicy policy;
	private final Clock clock;

	ExpiryCallCompleted(OfferCalls offerCalls, ExpirySettings settings, WorkCalendar calendar, Clock clock) {
		this.offerCalls = offerCalls;
		this.policy = new OfferCallPolicy(calendar, settings.callback(), settings.maxUnreachableAttempts());
		this.clock = clock;
	}

	@Override
	public void notify(DelegateTask task) {
		task.setVariable(ExpiryProcess.NEXT, offerCalls.complete(task,
				ExpiryCallForm.parse(task.getVariables(), LocalDate.now(clock)), policy, List.of()).name());
	}
}
