package com.retentiondesk.expiry;

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
import com.retentiondesk.expiry.ExpiryProcess.Next;

/**
 * Complete listener of {@code Task_RetentionCall} (its form {@link ExpiryCallForm} is already
 * checked): writes the contact log and competitor intelligence and decides what comes next:
 * accepted → renew; thinking → call back at the agreed date (default in 7 days); unreachable → again
 * the next working day, at most three attempts; declined → closed with the reason.
 */
@Component("expiryCallCompleted")
class ExpiryCallCompleted implements TaskListener {

	private final ContactLog contacts;
	private final CompetitorReports competitors;
	private final Customers customers;
	private final CaseBriefs briefs;
	private final WorkCalendar calendar;
	private final ExpirySettings settings;
	private final IdentityService identity;
	private final Clock clock;

	ExpiryCallCompleted(ContactLog contacts, CompetitorReports competitors, Customers customers,
			CaseBriefs briefs, WorkCalendar calendar, ExpirySettings settings, IdentityService identity, Clock clock) {
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
		LocalDate today = LocalDate.now(clock.withZone(calendar.zone()));
		ExpiryCallForm form = ExpiryCallForm.parse(task.getVariables(), today);
		String customerNo = (String) task.getVariable(CaseVariables.CUSTOMER_NO);
		long caseId = ((Number) task.getVariable(CaseVariables.CASE_ID)).longValue();
		String caller = TaskCaller.of(task, identity);
		LocalDateTime now = LocalDateTime.now(clock);
		String notes = form.declineLabel() == null ? form.notes()
				: "拒绝原因: " + form.declineLabel() + (form.notes() == null ? "" : "; " + form.notes());
		contacts.record(new ContactAttempt(customerNo, caseId, task.getId(), caller, now, ContactChannel.PHONE,
				form.result().name(), notes));
		if (form.competitor() != null) {
			competitors.save(new CompetitorReport(customerNo, caseId, task.getId(), form.competitor(), caller, now));
		}

		Next next = switch (form.result()) {
			case ACCEPTED -> Next.RETAINED;
			case DECLINED -> Next.DECLINED;
			case THINKING -> callAgain(task, calendar.startOfCalling(
					form.callbackDate() != null ? form.callbackDate() : today.plus(settings.callback())));
			case UNREACHABLE -> {
				int attempts = ((Number) task.getVariable(ExpiryProcess.UNREACHABLE_ATTEMPTS)).intValue() + 1;
				task.setVariable(ExpiryProcess.UNREACHABLE_ATTEMPTS, attempts);
				yield attempts >= settings.maxUnreachableAttempts() ? Next.UNREACHABLE
						: callAgain(task, calendar.startOfCalling(calendar.nextWorkingDay(today)));
			}
		};
		task.setVariable(ExpiryProcess.NEXT, next.name());
		if (next == Next.DECLINED) {
			task.setVariable(CaseVariables.OUTCOME_REASON, form.declineLabel());
		} else if (next == Next.UNREACHABLE) {
			task.setVariable(CaseVariables.OUTCOME_REASON, settings.maxUnreachableAttempts() + "次均未接通");
		}
		String brief = (String) task.getVariable(CaseVariables.CASE_BRIEF);
		List<String> caseLines = brief == null ? List.of()
				: brief.lines().filter(l -> l.startsWith("到期协议") || l.startsWith("推荐方案") || l.startsWith("话术"))
						.toList();
		task.setVariable(CaseVariables.CASE_BRIEF, briefs.brief(customers.findById(customerNo).orElseThrow(), caseLines));
		task.getExecution().getProcessInstance().removeVariables(List.of(ExpiryProcess.CALL_RESULT,
				ExpiryProcess.CALLBACK_DATE, ExpiryProcess.DECLINE_REASON, ExpiryProcess.COMPETITOR_NAME,
				ExpiryProcess.DECLINE_TEXT, ExpiryProcess.CALL_NOTES));
	}

	private Next callAgain(DelegateTask task, Instant at) {
		task.setVariable(ExpiryProcess.NEXT_CALL_AT, Date.from(at));
		task.setVariable(CaseVariables.CALL_DUE, Date.from(calendar.endOfWorkingDay(at)));
		return Next.CALL_AGAIN;
	}
}
