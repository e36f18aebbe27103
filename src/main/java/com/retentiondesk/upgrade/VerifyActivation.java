package com.retentiondesk.upgrade;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import com.retentiondesk.calendar.WorkCalendar;
import com.retentiondesk.casework.CaseVariables;
import com.retentiondesk.casework.FormRejectedException;
import com.retentiondesk.casework.FormValues;
import com.retentiondesk.casework.TaskCaller;
import com.retentiondesk.casework.TaskFormRules;
import com.retentiondesk.contact.ContactAttempt;
import com.retentiondesk.casework.ContactLog;
import com.retentiondesk.contact.ContactChannel;
import com.retentiondesk.upgrade.UpgradeProcess.Verification;

/**
 * {@code Task_VerifyActivation} (核实开通): checks the form, logs the contact, and decides: confirmed
 * → upgraded; cancelled → declined; not yet → verify again after the activation wait.
 */
@Component("verifyActivationCompleted")
class VerifyActivation implements TaskListener, TaskFormRules {

	private final ContactLog contacts;
	private final WorkCalendar calendar;
	private final UpgradeSettings settings;
	private final IdentityService identity;
	private final Clock clock;

	VerifyActivation(ContactLog contacts, WorkCalendar calendar, UpgradeSettings settings,
			IdentityService identity, Clock clock) {
		this.contacts = contacts;
		this.calendar = calendar;
		this.settings = settings;
		this.identity = identity;
		this.clock = clock;
	}

	@Override
	public Set<String> taskDefinitionKeys() {
		return Set.of(UpgradeProcess.TASK_VERIFY_ACTIVATION);
	}

	@Override
	public void check(Map<String, Object> values) {
		if (FormValues.choice(values, UpgradeProcess.VERIFICATION, Verification.class, "核实结果") == null) {
			throw new FormRejectedException("请选择“核实结果”");
		}
		FormValues.text(values, UpgradeProcess.VERIFY_NOTES, "核实说明", 1000);
	}

	@Override
	public void notify(DelegateTask task) {
		Map<String, Object> values = task.getVariables();
		check(values);
		Verification verification = FormValues.choice(values, UpgradeProcess.VERIFICATION, Verification.class, "核实结果");
		contacts.record(new ContactAttempt(CaseVariables.customerNo(task),
				CaseVariables.caseId(task), task.getId(), TaskCaller.of(task, identity),
				LocalDateTime.now(clock), ContactChannel.PHONE, "VERIFY:" + verification,
				FormValues.text(values, UpgradeProcess.VERIFY_NOTES)));
		task.setVariable(UpgradeProcess.VERIFY_NEXT, verification.name());
		if (verification == Verification.CANCELLED) {
			task.setVariable(CaseVariables.OUTCOME_REASON, "客户取消升级");
		} else if (verification == Verification.NOT_YET) {
			LocalDate next = LocalDate.now(clock.withZone(calendar.zone())).plus(settings.activationWait());
			task.setVariable(UpgradeProcess.ACTIVATION_DUE_AT, Date.from(calendar.startOfCalling(next)));
		}
		task.getExecution().getProcessInstance().removeVariables(
				java.util.List.of(UpgradeProcess.VERIFICATION, UpgradeProcess.VERIFY_NOTES));
	}
}
