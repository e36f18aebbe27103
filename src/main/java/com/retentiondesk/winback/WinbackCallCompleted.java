package com.retentiondesk.winback;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import com.retentiondesk.calendar.WorkCalendar;
import com.retentiondesk.casework.CaseBriefs;
import com.retentiondesk.casework.CaseVariables;
import com.retentiondesk.casework.TaskCaller;
import com.retentiondesk.contact.CompetitorReport;
import com.retentiondesk.contact.CompetitorReports;
import com.retentiondesk.contact.ContactAttempt;
import com.retentiondesk.casework.ContactLog;
import com.retentiondesk.contact.ContactChannel;
import com.retentiondesk.customer.Customers;
import com.retentiondesk.winback.WinbackCallForm.Decision;
import com.retentiondesk.winback.WinbackProcess.Next;

/**
 * Complete listener of {@code Task_ImmediateCall} and {@code Task_AlternateContactCall} (their form
 * {@link WinbackCallForm} is already checked): writes the contact log and competitor intelligence, asks
 * {@link WinbackCallPolicy} what comes next (wait, retry or lost) and writes that to the case.
 */
@Component("winbackCallCompleted")
class WinbackCallCompleted implements TaskListener {

	private final ContactLog contacts;
	private final CompetitorReports competitors;
	private final Customers customers;
	private final CaseBriefs briefs;
	private final WinbackCallPolicy policy;
	private final IdentityService identity;
	private final Clock clock;

	WinbackCallCompleted(ContactLog contacts, CompetitorReports competitors, Customers customers,
			CaseBriefs briefs, WorkCalendar calendar, WinbackSettings settings, IdentityService identity, Clock clock) {
		this.contacts = contacts;
		this.competitors = competitors;
		this.customers = customers;
		this.briefs = briefs;
		this.policy = settings.callPolicy(calendar);
		this.identity = identity;
		this.clock = clock;
	}

	@Override
	public void notify(DelegateTask task) {
		WinbackCallForm form = WinbackCallForm.parse(task.getVariables(), LocalDate.now(clock));
		String customerNo = CaseVariables.customerNo(task);
		long caseId = CaseVariables.caseId(task);
		String caller = TaskCaller.of(task, identity);
		LocalDateTime now = LocalDateTime.now(clock);
		contacts.record(new ContactAttempt(customerNo, caseId, task.getId(), caller, now, ContactChannel.PHONE,
				form.reached() ? "REACHED" + (form.decision() == null ? "" : ":" + form.decision()) : "NOT_REACHED",
				notes(form)));
		if (form.competitor() != null) {
			competitors.save(new CompetitorReport(customerNo, caseId, task.getId(), form.competitor(), caller, now));
		}

		boolean churned = form.decision() == Decision.CHURNED;
		WinbackCallPolicy.Decision decision;
		if (WinbackProcess.TASK_IMMEDIATE_CALL.equals(task.getTaskDefinitionKey())) {
			decision = policy.afterImmediateCall(churned, form.reasonLabel(), clock.instant());
			CaseVariables.setInstant(task, WinbackProcess.SINGLE_STOP_WAIT_UNTIL, decision.singleStopWaitUntil());
		} else {
			decision = policy.afterAlternateCall(churned, form.reasonLabel(), form.promisedDate(),
					CaseVariables.intOf(task, WinbackProcess.ATTEMPTS), clock.instant());
			task.setVariable(WinbackProcess.ATTEMPTS, decision.attempts());
			if (decision.next() == Next.RETRY) {
				CaseVariables.setInstant(task, WinbackProcess.NEXT_ATTEMPT_AT, decision.nextAttemptAt());
				CaseVariables.setCallDue(task, decision.callDue());
			}
		}
		task.setVariable(WinbackProcess.NEXT, decision.next().name());
		if (decision.lostReason() != null) {
			CaseVariables.setOutcomeReason(task, decision.lostReason());
		}
		briefs.store(task, briefs.refreshed(customers.findById(customerNo).orElseThrow(), briefs.of(task)));
		// the next call starts with an empty form; the values stay in history and the contact log
		task.getExecution().getProcessInstance().removeVariables(List.of(WinbackProcess.CONTACT_OUTCOME,
				WinbackProcess.STOP_REASON, WinbackProcess.COMPETITOR_NAME, WinbackProcess.STOP_REASON_TEXT,
				WinbackProcess.SOLUTION_OFFERED, WinbackProcess.CUSTOMER_DECISION, WinbackProcess.PROMISED_DATE,
				WinbackProcess.CALL_NOTES));
	}

	private static String notes(WinbackCallForm form) {
		StringBuilder notes = new StringBuilder();
		if (form.reasonLabel() != null) {
			notes.append("原因: ").append(form.reasonLabel());
		}
		if (form.solution() != null) {
			notes.append(notes.isEmpty() ? "" : "; ").append("方案: ").append(form.solution());
		}
		if (form.notes() != null) {
			notes.append(notes.isEmpty() ? "" : "; ").append(form.notes());
		}
		String text = notes.toString();
		return text.isEmpty() ? null : text.substring(0, Math.min(text.length(), 1000));
	}
}
