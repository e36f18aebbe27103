package com.retentiondesk.casework;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Start listener of a case's supervisor tasks ({@code ${supervisorRouting}}: 处理逾期升级, 无备用联系方式,
 * 即将到期未挽留): names the supervisor of the case's team now, as {@code supervisorId} (the assignee) and
 * {@code supervisorGroup} (the candidates), just before the task reads them. A case opens without them
 * (issue 32: a case's variables are its routing facts and ids, and most cases never reach a supervisor),
 * and a team that has changed supervisor since the case opened routes to the current one.
 */
@Component("supervisorRouting")
public class SupervisorRouting implements ExecutionListener {

	private final Staff staff;
	private final TeamSupervisors teamSupervisors;

	SupervisorRouting(Staff staff, TeamSupervisors teamSupervisors) {
		this.staff = staff;
		this.teamSupervisors = teamSupervisors;
	}

	@Override
	public void notify(DelegateExecution execution) {
		String team = CaseVariables.stringOf(execution, CaseVariables.TEAM_GROUP);
		execution.setVariable(CaseVariables.SUPERVISOR_ID, supervisorOf(team));
		execution.setVariable(CaseVariables.SUPERVISOR_GROUP, teamSupervisors.groupOf(team));
	}

	/** The team's supervisor (the one who receives its escalation mails); null if the team has none. */
	public String supervisorOf(String team) {
		return staff.supervisorOf(team).orElse(null);
	}
}
