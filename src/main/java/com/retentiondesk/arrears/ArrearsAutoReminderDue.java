package com.retentiondesk.arrears;

import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

import com.retentiondesk.calendar.WorkCalendar;
import com.retentiondesk.casework.CaseVariables;

/**
 * Start listener of {@code StartEvent_AutoReminder}, in each instance of {@code SubProcess_AutoReminders}:
 * writes when this reminder goes out ({@code autoReminderAt}, local to the instance, which its timer
 * reads), from the first reminder's time and the instance's number ({@link ArrearsAutoReminderPolicy}).
 */
@Component("arrearsAutoReminderDue")
class ArrearsAutoReminderDue implements ExecutionListener {

	private final ArrearsAutoReminderPolicy policy;

	ArrearsAutoReminderDue(ArrearsSettings settings, WorkCalendar calendar) {
		this.policy = settings.autoReminderPolicy(calendar);
	}

	@Override
	public void notify(DelegateExecution execution) {
		int index = ArrearsAutoReminder.number(execution) - 1;
		execution.setVariableLocal(ArrearsProcess.AUTO_REMINDER_AT, Date.from(
				policy.reminderAt(CaseVariables.instantOf(execution, ArrearsProcess.FIRST_REMINDER_AT), index)));
	}
}
