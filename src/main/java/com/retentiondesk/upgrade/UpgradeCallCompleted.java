package com.retentiondesk.upgrade;

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
import com.retentiondesk.upgrade.UpgradeProcess.Next;

/**
 * Complete listener of {@code Task_UpgradeCall} (its form {@link UpgradeCallForm} is already checked):
 * writes the contact log and competitor intelligence and decides what comes next: accepted → order;
 * thinking → call back at the agreed date (default in 7 days); unreachable → again the next working
 * day, at most three attempts; declined → closed with the reason.
 */
@Component("upgradeCallCompleted")
class UpgradeCallCompleted implements TaskListener {

	private final ContactLog contacts;
	private final CompetitorReports competitors;
	private final Customers customers;
	private final CaseBriefs briefs;
	private final WorkCalendar calendar;
	private final UpgradeSettings settings;
	private final IdentityService identity;
	private final Clock clock;

	UpgradeCallCompleted(ContactLog contacts, CompetitorReports competitors, Customers customers,
			CaseBriefs briefs, WorkCalendar calendar, UpgradeSettings settings, IdentityService identity, Clock clock) {
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
		UpgradeCallForm form = UpgradeCallForm.parse(task.getVariables(), today);
		String customerNo = (String) task.getVariable(CaseVariables.CUSTOMER_NO);
		long caseId = ((Number) task.getVariable(CaseVariables.CASE_ID)).longValue();
		String caller = TaskCaller.of(task, identity);
		LocalDateTime now = LocalDateTime.now(clock);
		String notes = form.reasonLabel() == null ? form.notes()
				: "拒绝原因: " + form.reasonLabel() + (form.notes() == null ? "" : "; " + form.notes());
		contacts.record(new ContactAttempt(customerNo, caseId, task.getId(), caller, now, ContactChannel.PHONE,
				form.result().name(), notes));
		if (form.competitor() != null) {
			competitors.save(new CompetitorReport(customerNo, caseId, task.getId(), form.competitor(), caller, now));
		}
		Next next = switch (form.result()) {
			case ACCEPTED -> Next.ORDERED;
			case DECLINED -> Next.DECLINED;
			case THINKING -> callAgain(task, calendar.startOfCalling(
					form.callbackDate() != null ? form.callbackDate() : today.plus(settings.callback())));
			case UNREACHABLE -> {
				int attempts = ((Number) task.getVariable(UpgradeProcess.UNREACHABLE_ATTEMPTS)).intValue() + 1;
				task.setVariable(UpgradeProcess.UNREACHABLE_ATTEMPTS, attempts);
				yield attempts >= settings.maxUnreachableAttempts() ? Next.UNREACHABLE
						: callAgain(task, calendar.startOfCalling(calendar.nextWorkingDay(today)));
			}
		};
		task.setVariable(UpgradeProcess.NEXT, next.name());
		if (next == Next.DECLINED) {
			task.setVariable(CaseVariables.OUTCOME_REASON, form.reasonLabel());
		} else if (next == Next.UNREACHABLE) {
			task.setVariable(CaseVariables.OUTCOME_REASON, settings.maxUnreachableAttempts() + "次均未接通");
		}
		String brief = (String) task.getVariable(CaseVariables.CASE_BRIEF);
		List<String> caseLines = brief == null ? List.of()
				: brief.lines().filter(l -> l.startsWith("派单") || l.startsWith("近3个月")).toList();
		task.setVariable(CaseVariables.CASE_BRIEF, briefs.brief(customers.findById(customerNo).orElseThrow(), caseLines));
		if (next != Next.ORDERED) {
			// the order step still needs model and appointment; other outcomes start the next call empty
			task.getExecution().getProcessInstance().removeVariables(List.of(UpgradeProcess.CALL_RESULT,
					UpgradeProcess.HANDSET_MODEL, UpgradeProcess.APPOINTMENT_DATE, UpgradeProcess.STORE_VISIT,
					UpgradeProcess.CALLBACK_DATE, UpgradeProcess.DECLINE_REASON, UpgradeProcess.COMPETITOR_NAME,
					UpgradeProcess.DECLINE_TEXT, UpgradeProcess.CALL_NOTES));
		}
	}

	private Next callAgain(DelegateTask task, Instant at) {
		task.setVariable(UpgradeProcess.NEXT_CALL_AT, Date.from(at));
		task.setVariable(CaseVariables.CALL_DUE, Date.from(calendar.endOfWorkingDay(at)));
		return Next.CALL_AGAIN;
	}
}
