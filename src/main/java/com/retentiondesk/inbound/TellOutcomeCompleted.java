package com.retentiondesk.inbound;

import java.time.Clock;
import java.time.LocalDateTime;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import com.retentiondesk.casework.CaseVariables;
import com.retentiondesk.casework.ContactLog;
import com.retentiondesk.casework.TaskCaller;
import com.retentiondesk.contact.ContactAttempt;
import com.retentiondesk.contact.ContactChannel;

/**
 * Complete listener of {@code Task_TellOutcome}: logs the call with the result told, and writes
 * {@value InboundProcess#TELL_RESULT} for the gateway after the task (the form fields are cleared).
 */
@Component("tellOutcomeCompleted")
class TellOutcomeCompleted implements TaskListener {

	private final ContactLog contacts;
	private final IdentityService identity;
	private final Clock clock;

	TellOutcomeCompleted(ContactLog contacts, IdentityService identity, Clock clock) {
		this.contacts = contacts;
		this.identity = identity;
		this.clock = clock;
	}

	@Override
	public void notify(DelegateTask task) {
		InboundForms.Told told = InboundForms.told(task.getVariables());
		String notes = "告知处理结果" + (told.outcome() == null ? "" : ": " + told.outcome())
				+ (told.notes() == null ? "" : "; " + told.notes());
		contacts.record(new ContactAttempt(CaseVariables.customerNo(task), CaseVariables.caseId(task), task.getId(),
				TaskCaller.of(task, identity), LocalDateTime.now(clock), ContactChannel.PHONE, told.result().name(),
				notes));
		if (told.result() == InboundForms.Result.UNREACHABLE) {
			CaseVariables.setOutcomeReason(task, "未能告知处理结果");
		}
		task.getExecution().getProcessInstance().removeVariables(InboundProcess.FORM_FIELDS);
		task.setVariable(InboundProcess.TELL_RESULT, told.result().name());
	}
}
