package com.retentiondesk.upgrade;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import com.retentiondesk.casework.OfferCall;
import com.retentiondesk.calendar.WorkCalendar;
import com.retentiondesk.casework.OfferCallPolicy;
import com.retentiondesk.casework.OfferCalls;

/**
 * Complete listener of {@code Task_UpgradeCall} (its form is already checked by
 * {@link UpgradeCallForm}): an offer call ({@link OfferCalls}); accepted records the upgrade order,
 * which still needs the handset and appointment fields.
 */
@Component("upgradeCallCompleted")
class UpgradeCallCompleted implements TaskListener {

	private static final List<String> ORDER_FIELDS = List.of(UpgradeProcess.HANDSET_MODEL,
			UpgradeProcess.APPOINTMENT_DATE, UpgradeProcess.STORE_VISIT);

	private final OfferCalls offerCalls;
	private final OfferCallPolicy policy;
	private final Clock clock;

	UpgradeCallCompleted(OfferCalls offerCalls, UpgradeSettings settings, WorkCalendar calendar, Clock clock) {
		this.offerCalls = offerCalls;
		this.policy = new OfferCallPolicy(calendar, settings.callback(), settings.maxUnreachableAttempts());
		this.clock = clock;
	}

	@Override
	public void notify(DelegateTask task) {
		OfferCall.Next next = offerCalls.complete(task, UpgradeCallForm.parse(task.getVariables(), LocalDate.now(clock)),
				policy, List.of());
		task.setVariable(UpgradeProcess.NEXT, next.name());
		if (next != OfferCall.Next.ACCEPTED) {
			// another call starts with an empty form
			task.getExecution().getProcessInstance().removeVariables(ORDER_FIELDS);
		}
	}
}
