package com.retentiondesk.arrears;

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
import com.retentiondesk.contact.ContactAttempt;
import com.retentiondesk.casework.ContactLog;
import com.retentiondesk.contact.ContactChannel;
import com.retentiondesk.customer.Customer;
import com.retentiondesk.customer.Customers;

/**
 * Complete listener of {@code Task_FirstReminderCall} and {@code Task_SecondReminderCall} (whose form
 * {@link ArrearsCallForm} has already checked): writes the contact log, asks
 * {@link ArrearsFollowUpPolicy} when the case next wakes up and writes that to the case.
 */
@Component("arrearsCallCompleted")
class ArrearsCallCompleted implements TaskListener {

	private final ContactLog contacts;
	private final Customers customers;
	private final CaseBriefs briefs;
	private final ArrearsFollowUpPolicy policy;
	private final IdentityService identity;
	private final Clock clock;

	ArrearsCallCompleted(ContactLog contacts, Customers customers, CaseBriefs briefs, WorkCalendar calendar,
			ArrearsSettings settings, IdentityService identity, Clock clock) {
		this.contacts = contacts;
		this.customers = customers;
		this.briefs = briefs;
		this.policy = settings.followUpPolicy(calendar);
		this.identity = identity;
		this.clock = clock;
	}

	@Override
	public void notify(DelegateTask task) {
		ArrearsCallForm form = ArrearsCallForm.parse(task.getVariables(), LocalDate.now(clock));
		String customerNo = CaseVariables.customerNo(task);
		contacts.record(new ContactAttempt(customerNo, CaseVariables.caseId(task), task.getId(), TaskCaller.of(task, identity),
				LocalDateTime.now(clock), ContactChannel.PHONE, form.outcome().name(), form.notes()));

		if (ArrearsProcess.TASK_FIRST_CALL.equals(task.getTaskDefinitionKey())) {
			ArrearsFollowUpPolicy.AfterFirstCall next = policy.afterFirstCall(form.promisedDate(), clock.instant());
			CaseVariables.setInstant(task, ArrearsProcess.FOLLOW_UP_AT, next.followUpAt());
			CaseVariables.setInstant(task, ArrearsProcess.SECOND_CALL_DUE, next.secondCallDue());
		} else {
			CaseVariables.setInstant(task, ArrearsProcess.FINAL_WAIT_AT, policy.afterSecondCall(form.promisedDate(), clock.instant()));
		}
		Customer customer = customers.findById(customerNo).orElseThrow();
		briefs.store(task, briefs.refreshed(customer, briefs.of(task)));
		// the next call starts with an empty form; the values stay in history and the contact log
		task.getExecution().getProcessInstance().removeVariables(List.of(ArrearsProcess.CALL_OUTCOME,
				ArrearsProcess.PROMISED_PAYMENT_DATE, ArrearsProcess.PAYMENT_CHANNEL, ArrearsProcess.CALL_NOTES));
	}
}
