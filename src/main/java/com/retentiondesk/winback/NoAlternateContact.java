package com.retentiondesk.winback;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import com.retentiondesk.calendar.WorkCalendar;
import com.retentiondesk.casework.CaseBriefs;
import com.retentiondesk.casework.CaseVariables;
import com.retentiondesk.casework.FormRejectedException;
import com.retentiondesk.casework.FormValues;
import com.retentiondesk.casework.TaskFormRules;
import com.retentiondesk.customer.Customer;
import com.retentiondesk.customer.Customers;

/**
 * {@code Task_NoAlternateContact} (无备用联系方式, for the supervisor): a number the supervisor found
 * becomes the customer's second contact number and the manager tries it; no number ends the case lost.
 */
@Component("noAlternateContactCompleted")
class NoAlternateContact implements TaskListener, TaskFormRules {

	private static final Pattern PHONE = Pattern.compile("[0-9+\\- ]{3,32}");

	private final Customers customers;
	private final WorkCalendar calendar;
	private final Clock clock;
	private final CaseBriefs briefs;

	NoAlternateContact(Customers customers, WorkCalendar calendar, Clock clock, CaseBriefs briefs) {
		this.briefs = briefs;
		this.customers = customers;
		this.calendar = calendar;
		this.clock = clock;
	}

	@Override
	public Set<String> taskDefinitionKeys() {
		return Set.of(WinbackProcess.TASK_NO_ALTERNATE_CONTACT);
	}

	@Override
	public void check(Map<String, Object> values) {
		String number = FormValues.text(values, WinbackProcess.NEW_CONTACT_NUMBER);
		if (number != null && !PHONE.matcher(number).matches()) {
			throw new FormRejectedException("“新获得的联系电话”不是电话号码: " + number);
		}
		FormValues.text(values, WinbackProcess.SUPERVISOR_NOTES, "处理说明", 1000);
	}

	@Override
	public void notify(DelegateTask task) {
		String number = FormValues.text(task.getVariables(), WinbackProcess.NEW_CONTACT_NUMBER);
		if (number == null) {
			task.setVariable(WinbackProcess.HAS_ALTERNATE_NUMBER, false);
			task.setVariable(CaseVariables.OUTCOME_REASON, "无备用联系方式");
			return;
		}
		Customer customer = customers.findById(CaseVariables.customerNo(task)).orElseThrow();
		customer.changeSecondPhone(number, LocalDateTime.now(clock));
		task.setVariable(WinbackProcess.HAS_ALTERNATE_NUMBER, true);
		task.setVariable(CaseVariables.CALL_DUE, Date.from(calendar.endOfWorkingDay(clock.instant())));
		briefs.store(task, briefs.of(task).withCaseLine(WinbackCases.ALTERNATE_NUMBER_LINE, number));
	}
}
