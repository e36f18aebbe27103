package com.retentiondesk.winback;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Date;
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
 * {@link WinbackCallForm} is already checked): writes the contact log and competitor intelligence,
 * and decides what comes next: after the single-stop call, wait (or lost if the customer left);
 * after an alternate-number call, another attempt in {@code retryAfter} (or the day after a promised
 * date) until {@code maxAttempts}, then lost with the churn reason.
 */
@Component("winbackCallCompleted")
class WinbackCallCompleted implements TaskListener {

	private final ContactLog contacts;
	private final CompetitorReports competitors;
	private final Customers customers;
	private final CaseBriefs briefs;
	private final WorkCalendar calendar;
	private final WinbackSettings settings;
	private final IdentityService identity;
	private final Clock clock;

	WinbackCallCompleted(ContactLog contacts, CompetitorReports competitors, Customers customers,
			CaseBriefs briefs, WorkCalendar calendar, WinbackSettings settings, IdentityService identity, Clock clock) {
		this.contacts = contacts;
		this.competitors = competitors;
		this.customers = customers;
		this.briefs = briefs;
		this.calendar = calendar;
		this.settings = settings;
		this.identity = identity;
		this.clock = clock;
	}

	@Override
	public void notify(DelegateTask task) {
		WinbackCallForm form = WinbackCallForm.parse(task.getVariables(), LocalDate.now(clock));
		String customerNo = (String) task.getVariable(CaseVariables.CUSTOMER_NO);
		long caseId = ((Number) task.getVariable(CaseVariables.CASE_ID)).longValue();
		String caller = TaskCaller.of(task, identity);
		LocalDateTime now = LocalDateTime.now(clock);
		contacts.record(new ContactAttempt(customerNo, caseId, task.getId(), caller, now, ContactChannel.PHONE,
				form.reached() ? "REACHED" + (form.decision() == null ? "" : ":" + form.decision()) : "NOT_REACHED",
				notes(form)));
		if (form.competitor() != null) {
			competitors.save(new CompetitorReport(customerNo, caseId, task.getId(), form.competitor(), caller, now));
		}

		Next next;
		if (WinbackProcess.TASK_IMMEDIATE_CALL.equals(task.getTaskDefinitionKey())) {
			next = form.decision() == Decision.CHURNED ? Next.LOST : Next.WAIT;
			task.setVariable(WinbackProcess.SINGLE_STOP_WAIT_UNTIL, Date.from(calendar.nextCallingTime(
					clock.instant().atZone(calendar.zone()).plus(settings.singleStopWait()).toInstant())));
		} else {
			int attempts = ((Number) task.getVariable(WinbackProcess.ATTEMPTS)).intValue() + 1;
			task.setVariable(WinbackProcess.ATTEMPTS, attempts);
			if (form.decision() == Decision.CHURNED || attempts >= settings.maxAttempts()) {
				next = Next.LOST;
			} else {
				next = Next.RETRY;
				Instant nextAttempt = form.promisedDate() != null
						? calendar.startOfCalling(form.promisedDate().plusDays(1))
						: calendar.nextCallingTime(clock.instant().atZone(calendar.zone()).plus(settings.retryAfter())
								.toInstant());
				task.setVariable(WinbackProcess.NEXT_ATTEMPT_AT, Date.from(nextAttempt));
				task.setVariable(CaseVariables.CALL_DUE, Date.from(calendar.endOfWorkingDay(nextAttempt)));
			}
		}
		task.setVariable(WinbackProcess.NEXT, next.name());
		if (next == Next.LOST) {
			task.setVariable(CaseVariables.OUTCOME_REASON, form.reasonLabel() != null ? form.reasonLabel()
					: "尝试" + settings.maxAttempts() + "次均未能联系或挽留");
		}
		String brief = (String) task.getVariable(CaseVariables.CASE_BRIEF);
		List<String> caseLines = brief == null ? List.of()
				: brief.lines().filter(l -> l.startsWith("停机类型") || l.startsWith("备用联系电话")).toList();
		task.setVariable(CaseVariables.CASE_BRIEF, briefs.brief(customers.findById(customerNo).orElseThrow(), caseLines));
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
