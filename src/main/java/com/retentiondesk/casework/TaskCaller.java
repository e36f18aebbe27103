package com.retentiondesk.casework;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;

/** Who completed a task: the logged-in user, else its assignee, else the case's manager. */
public final class TaskCaller {

	private TaskCaller() {
	}

	public static String of(DelegateTask task, IdentityService identity) {
		Authentication current = identity.getCurrentAuthentication();
		if (current != null && current.getUserId() != null) {
			return current.getUserId();
		}
		return task.getAssignee() != null ? task.getAssignee() : CaseVariables.managerId(task);
	}
}
