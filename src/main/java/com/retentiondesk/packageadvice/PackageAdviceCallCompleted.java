package com.retentiondesk.packageadvice;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import com.retentiondesk.calendar.WorkCalendar;
import com.retentiondesk.casework.OfferCall;
import com.retentiondesk.casework.OfferCallPolicy;
import com.retentiondesk.casework.OfferCalls;

/**
 * Complete listener of {@code Task_PackageAdviceCall} (its form is already checked by
 * {@link PackageAdviceCallForm}): an offer call ({@link OfferCalls}).
 */
@Component("packageAdviceCallCompleted")
class PackageAdviceCallCompleted implements TaskListener {

	private final OfferCalls offerCalls;
	private final OfferCallPolicy policy;
	private final Clock clock;

	PackageAdviceCallCompleted(OfferCalls offerCalls, PackageAdviceSettings settings, WorkCalendar calendar, Clock clock) {
		this.offerCalls = offerCalls;
		this.policy = new OfferCallPolicy(calendar, settings.callback(), settings.maxUnreachableAttempts());
		this.clock = clock;
	}

	@Override
	public void notify(DelegateTask task) {
		OfferCall.Next next = offerCalls.complete(task,
				PackageAdviceCallForm.parse(task.getVariables(), LocalDate.now(clock)), policy, List.of());
		task.setVariable(PackageAdviceProcess.NEXT, next.name());
	}
}
