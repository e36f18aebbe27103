package com.retentiondesk.care;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Complete listener of {@code Task_ApproveMessage}: the template becomes APPROVED or REJECTED, with the user who
 * completed the task (the engine authentication of Tasklist or REST, else the task's assignee) and the time.
 */
@Component("recordMessageApproval")
class RecordApprovalListener implements TaskListener {

	private final CareTemplates templates;

	RecordApprovalListener(CareTemplates templates) {
		this.templates = templates;
	}

	@Override
	public void notify(DelegateTask task) {
		Authentication caller = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
		String by = caller != null ? caller.getUserId() : task.getAssignee();
		Object note = task.getVariable(CareProcess.DECISION_NOTE);
		boolean approved = Boolean.TRUE.equals(ApproveMessageForm.approved(task.getVariable(CareProcess.APPROVED)));
		templates.decide(((Number) task.getVariable(CareProcess.TEMPLATE_ID)).longValue(), approved,
				by == null ? "unknown" : by, note == null || note.toString().isBlank() ? null : note.toString().trim());
		task.setVariable(CareProcess.APPROVED, approved);
	}
}
