package com.retentiondesk.inbound;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import com.retentiondesk.calendar.WorkCalendar;
import com.retentiondesk.casework.CaseVariables;
import com.retentiondesk.casework.ContactLog;
import com.retentiondesk.casework.TaskCaller;
import com.retentiondesk.contact.ContactAttempt;
import com.retentiondesk.contact.ContactChannel;

/**
 * Complete listener of {@code Task_InboundCallback} (its form already checked by {@link InboundForms}): logs the
 * call, marks the case's front-desk calls called back when the customer was reached, or else plans the next
 * attempt ({@code desk.inbound.retry-after} of calling time later) until {@code desk.inbound.max-attempts}.
 */
@Component("inboundCallbackCompleted")
class InboundCallbackCompleted implements TaskListener {

	enum Next {
		REACHED, CALL_AGAIN, UNREACHABLE
	}

	private final ContactLog contacts;
	private final InboundCalls calls;
	private final IdentityService identity;
	private final WorkCalendar calendar;
	private final InboundSettings settings;
	private final Clock clock;

	InboundCallbackCompleted(ContactLog contacts, InboundCalls calls, IdentityService identity, WorkCalendar calendar,
			InboundSettings settings, Clock clock) {
		this.contacts = contacts;
		this.calls = calls;
		this.identity = identity;
		this.calendar = calendar;
		this.settings = settings;
		this.clock = clock;
	}

	@Override
	public void notify(DelegateTask task) {
		InboundForms.Callback call = InboundForms.callback(task.getVariables());
		long caseId = CaseVariables.caseId(task);
		LocalDateTime now = LocalDateTime.now(clock);
		String caller = TaskCaller.of(task, identity);
		contacts.record(new ContactAttempt(CaseVariables.customerNo(task), caseId, task.getId(), caller, now,
				ContactChannel.PHONE, call.result().name(), call.notes() == null ? "来电回电" : "来电回电: " + call.notes()));
		Next next;
		if (call.result() == InboundForms.Result.REACHED) {
			calls.calledBack(caseId, now);
			next = Next.REACHED;
		} else {
			int attempts = CaseVariables.intOf(task, InboundProcess.UNREACHABLE_ATTEMPTS) + 1;
			task.setVariable(InboundProcess.UNREACHABLE_ATTEMPTS, attempts);
			if (attempts < settings.maxAttempts()) {
				Instant again = calendar.addCallingTime(clock.instant(), settings.retryAfter());
				CaseVariables.setInstant(task, InboundProcess.NEXT_CALL_AT, again);
				CaseVariables.setCallDue(task, calendar.addCallingTime(again, settings.callbackWithin()));
				next = Next.CALL_AGAIN;
			} else {
				CaseVariables.setOutcomeReason(task, "回电" + attempts + "次未接通");
				next = Next.UNREACHABLE;
			}
		}
		task.setVariable(InboundProcess.CALLBACK_NEXT, next.name());
		task.getExecution().getProcessInstance().removeVariables(InboundProcess.FORM_FIELDS);
	}
}
