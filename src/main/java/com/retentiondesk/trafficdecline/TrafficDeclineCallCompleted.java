package com.retentiondesk.trafficdecline;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import com.retentiondesk.calendar.WorkCalendar;
import com.retentiondesk.casework.CaseBriefs;
import com.retentiondesk.casework.CaseVariables;
import com.retentiondesk.casework.ContactLog;
import com.retentiondesk.casework.TaskCaller;
import com.retentiondesk.contact.CompetitorReport;
import com.retentiondesk.contact.CompetitorReports;
import com.retentiondesk.contact.ContactAttempt;
import com.retentiondesk.contact.ContactChannel;
import com.retentiondesk.customer.Customers;

/**
 * Complete listener of {@code Task_TrafficDeclineCall} (its form is already checked by
 * {@link TrafficDeclineCallForm}): logs the contact and any competitor news, writes what comes next
 * ({@link TrafficDeclineCallPolicy}) and clears the form for another call.
 */
@Component("trafficDeclineCallCompleted")
class TrafficDeclineCallCompleted implements TaskListener {

	private final ContactLog contacts;
	private final CompetitorReports competitors;
	private final Customers customers;
	private final CaseBriefs briefs;
	private final IdentityService identity;
	private final TrafficDeclineCallPolicy policy;
	private final WorkCalendar calendar;
	private final Clock clock;

	TrafficDeclineCallCompleted(ContactLog contacts, CompetitorReports competitors, Customers customers,
			CaseBriefs briefs, IdentityService identity, TrafficDeclineSettings settings, WorkCalendar calendar,
			Clock clock) {
		this.contacts = contacts;
		this.competitors = competitors;
		this.customers = customers;
		this.briefs = briefs;
		this.identity = identity;
		this.policy = new TrafficDeclineCallPolicy(calendar, settings.maxUnreachableAttempts());
		this.calendar = calendar;
		this.clock = clock;
	}

	@Override
	public void notify(DelegateTask task) {
		TrafficDeclineCall call = TrafficDeclineCall.parse(task.getVariables());
		String customerNo = CaseVariables.customerNo(task);
		long caseId = CaseVariables.caseId(task);
		String caller = TaskCaller.of(task, identity);
		LocalDateTime now = LocalDateTime.now(clock);
		String outcome = call.action() == null ? call.result().name() : call.result().name() + ":" + call.action().name();
		String notes = call.said() == null ? call.notes()
				: "客户反映: " + call.said() + (call.notes() == null ? "" : "; " + call.notes());
		contacts.record(new ContactAttempt(customerNo, caseId, task.getId(), caller, now, ContactChannel.PHONE, outcome,
				notes));
		if (call.competitor() != null) {
			competitors.save(new CompetitorReport(customerNo, caseId, task.getId(), call.competitor(), caller, now));
		}
		int before = CaseVariables.intOf(task, TrafficDeclineProcess.UNREACHABLE_ATTEMPTS);
		TrafficDeclineCallPolicy.Decision decision = policy.decide(call, before,
				LocalDate.now(clock.withZone(calendar.zone())));
		task.setVariable(TrafficDeclineProcess.UNREACHABLE_ATTEMPTS, decision.unreachableAttempts());
		task.setVariable(TrafficDeclineProcess.NEXT, decision.next().name());
		if (decision.next() == TrafficDeclineCallPolicy.Next.CALL_AGAIN) {
			CaseVariables.setInstant(task, TrafficDeclineProcess.NEXT_CALL_AT, decision.nextCallAt());
			CaseVariables.setCallDue(task, decision.callDue());
		}
		if (decision.outcomeReason() != null) {
			CaseVariables.setOutcomeReason(task, decision.outcomeReason());
		}
		briefs.store(task, briefs.refreshed(customers.findById(customerNo).orElseThrow(), briefs.of(task)));
		task.getExecution().getProcessInstance().removeVariables(TrafficDeclineProcess.FORM_FIELDS);
	}
}
