package com.retentiondesk.arrears;

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
import com.retentiondesk.contact.ContactAttempt;
import com.retentiondesk.casework.ContactLog;
import com.retentiondesk.contact.ContactChannel;
import com.retentiondesk.customer.Customer;
import com.retentiondesk.customer.Customers;

/**
 * Complete listener of {@code Task_FirstReminderCall} and {@code Task_SecondReminderCall} (whose form
 * {@link ArrearsCallForm} has already checked): writes the contact log, and computes
 * when the case next wakes up: the day after a promised payment date, or after the follow-up period,
 * always in calling hours on a working day.
 */
@Component("arrearsCallCompleted")
class ArrearsCallCompleted implements TaskListener {

	private final ContactLog contacts;
	private final Customers customers;
	private final CaseBriefs briefs;
	private final WorkCalendar calendar;
	private final ArrearsSettings settings;
	private final IdentityService identity;
	private final Clock clock;

	ArrearsCallCompleted(ContactLog contacts, Customers customers, CaseBriefs briefs, WorkCalendar calendar,
			ArrearsSettings settings, IdentityService identity, Clock clock) {
		this.contacts = contacts;
		this.customers = customers;
		this.briefs = briefs;
		this.calendar = calendar;
		this.settings = settings;
		this.identity = identity;
		this.clock = clock;
	}

	@Override
	public void notify(DelegateTask task) {
		ArrearsCallForm form = ArrearsCallForm.parse(task.getVariables(), LocalDate.now(clock));
		String customerNo = (String) task.getVariable(CaseVariables.CUSTOMER_NO);
		long caseId = ((Number) task.getVariable(CaseVariables.CASE_ID)).longValue();
		contacts.record(new ContactAttempt(customerNo, caseId, task.getId(), TaskCaller.of(task, identity), LocalDateTime.now(clock),
				ContactChannel.PHONE, form.outcome().name(), form.notes()));

		Instant wakeUp = form.promisedDate() != null
				? calendar.startOfCalling(form.promisedDate().plusDays(1))
				: calendar.nextCallingTime(clock.instant().atZone(calendar.zone())
						.plus(ArrearsProcess.TASK_FIRST_CALL.equals(task.getTaskDefinitionKey()) ? settings.followUp()
								: settings.finalWait())
						.toInstant());
		if (ArrearsProcess.TASK_FIRST_CALL.equals(task.getTaskDefinitionKey())) {
			task.setVariable(ArrearsProcess.FOLLOW_UP_AT, Date.from(wakeUp));
			task.setVariable(ArrearsProcess.SECOND_CALL_DUE, Date.from(calendar.endOfWorkingDay(wakeUp)));
		} else {
			task.setVariable(ArrearsProcess.FINAL_WAIT_AT, Date.from(wakeUp));
		}
		Customer customer = customers.findById(customerNo).orElseThrow();
		String brief = (String) task.getVariable(CaseVariables.CASE_BRIEF);
		task.setVariable(CaseVariables.CASE_BRIEF, briefs.brief(customer, caseLines(brief)));
		// the next call starts with an empty form; the values stay in history and the contact log
		task.getExecution().getProcessInstance().removeVariables(List.of(ArrearsProcess.CALL_OUTCOME,
				ArrearsProcess.PROMISED_PAYMENT_DATE, ArrearsProcess.PAYMENT_CHANNEL, ArrearsProcess.CALL_NOTES));
	}

	/** Keeps the case's own lines (payment type, amount) of the brief written when the case opened. */
	private static List<String> caseLines(String brief) {
		if (brief == null) {
			return List.of();
		}
		return brief.lines().filter(line -> line.startsWith("付费类型")).toList();
	}
}
