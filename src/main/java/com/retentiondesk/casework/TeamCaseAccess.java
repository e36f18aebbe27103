package com.retentiondesk.casework;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.springframework.stereotype.Component;

/**
 * Who may read a case's process instance: its team. Supervisors have no definition-wide grant to read
 * instances (a supervisor of one team must not read another team's customers); each case grants its
 * team group READ on its process instance when it opens, so the team's supervisor sees it in Cockpit
 * and through the REST API, and the team's managers, who already see its tasks, see the case too.
 * <p>
 * The grant is written in the transaction that starts the process, without the caller's authorization
 * check: a case opens from a scan, a billing event of the integration user or a manager's completed
 * task, and none of them may grant anything themselves. The engine deletes the row with the instance.
 */
@Component
public class TeamCaseAccess {

	private final CommandExecutor commands;

	TeamCaseAccess(ProcessEngine engine) {
		this.commands = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getCommandExecutorTxRequired();
	}

	/** Grants the team READ on the case's process instance (joins the caller's transaction). */
	public void grant(String processInstanceId, String teamGroup) {
		grantAll(Map.of(processInstanceId, teamGroup));
	}

	/** Grants each process instance's team READ on it, in one command: process instance id → team group. */
	public void grantAll(Map<String, String> teamByProcessInstance) {
		if (teamByProcessInstance.isEmpty()) {
			return;
		}
		commands.execute((CommandContext context) -> {
			List<AuthorizationEntity> grants = new ArrayList<>(teamByProcessInstance.size());
			teamByProcessInstance.forEach((instance, team) -> grants.add(readGrant(instance, team)));
			for (AuthorizationEntity grant : grants) {
				context.getDbEntityManager().insert(grant);
			}
			return null;
		});
	}

	static AuthorizationEntity readGrant(String processInstanceId, String teamGroup) {
		AuthorizationEntity grant = new AuthorizationEntity(Authorization.AUTH_TYPE_GRANT);
		grant.setGroupId(teamGroup);
		grant.setResource(Resources.PROCESS_INSTANCE);
		grant.setResourceId(processInstanceId);
		grant.addPermission(Permissions.READ);
		return grant;
	}
}
