package com.retentiondesk.birthday;

import java.time.Clock;
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
 * Complete listener of {@code Task_BirthdayGreeting} (its form is already checked by {@link BirthdayGreetingForm}):
 * records the greeting on its {@code birthday_greeting} row, logs a greeting call in the contact log (an SMS greeting
 * is logged by the SMS outbox when it goes out), and says whether an SMS follows and when: at once in calling hours,
 * else at the next calling time.
 */
@Component("birthdayGreetingCompleted")
class BirthdayGreetingCompleted implements TaskListener {

	private final ContactLog contacts;
	private final BirthdayGreetings greetings;
	private final IdentityService identity;
	private final WorkCalendar calendar;
	private final Clock clock;

	BirthdayGreetingCompleted(ContactLog contacts, BirthdayGreetings greetings, IdentityService identity,
			WorkCalendar calendar, Clock clock) {
		this.contacts = contacts;
		this.greetings = greetings;
		this.identity = identity;
		this.calendar = calendar;
		this.clock = clock;
	}

	@Override
	public void notify(DelegateTask task) {
		BirthdayGreetingCall call = BirthdayGreetingCall.parse(task.getVariables());
		String customerNo = CaseVariables.customerNo(task);
		long caseId = CaseVariables.caseId(task);
		String caller = TaskCaller.of(task, identity);
		LocalDateTime now = LocalDateTime.now(clock);
		if (call.channel() == BirthdayGreeting.Channel.PHONE) {
			contacts.record(new ContactAttempt(customerNo, caseId, task.getId(), caller, now, ContactChannel.PHONE,
					call.reached() ? "REACHED" : "UNREACHABLE",
					"生日祝福电话" + (call.reached() ? "" : "(未接通, 改发祝福短信)")
							+ (call.note() == null ? "" : ": " + call.note())));
		}
		BirthdayGreeting greeting = greetings.findByCaseId(caseId)
				.orElseThrow(() -> new IllegalStateException("no birthday greeting for case " + caseId));
		greeting.record(call.channel(), call.reached(), call.note(), caller, now);
		greetings.save(greeting);
		task.setVariable(BirthdayProcess.SEND_SMS, call.bySms());
		if (call.bySms()) {
			CaseVariables.setInstant(task, BirthdayProcess.SMS_AT, calendar.nextCallingTime(clock.instant()));
		}
		CaseVariables.setOutcomeReason(task, call.channel() == BirthdayGreeting.Channel.SMS ? "短信祝福"
				: call.reached() ? "电话祝福" : "电话未接通, 短信祝福");
		task.getExecution().getProcessInstance().removeVariables(BirthdayProcess.FORM_FIELDS);
	}
}
