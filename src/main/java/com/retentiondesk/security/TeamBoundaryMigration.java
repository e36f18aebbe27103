package com.retentiondesk.security;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import com.retentiondesk.casework.CaseVariables;
import com.retentiondesk.casework.TeamCaseAccess;
import com.retentiondesk.casework.TeamSupervisors;
import com.retentiondesk.tasklist.TaskTally;
import com.retentiondesk.web.DeskGroups;

/**
 * Brings a database of a version before team boundaries (issue 24, finding 3) to them, once: supervisors
 * there may read every process instance ({@code PROCESS_INSTANCE *} READ) and every instance and its
 * history through the definitions (READ_INSTANCE, READ_HISTORY on {@code PROCESS_DEFINITION *}). This
 * grants each open case's team READ on its instance, as a case opened now does, then takes the wide
 * grants away. Ended cases' history is then read through the desk's team-scoped reports only.
 * <p>
 * One transaction, which starts by deleting the wide instance grant: a second node starting at the same
 * time waits for that row and then finds nothing to do (the engine's optimistic lock), so the grants
 * are written once. Cases opened meanwhile by the new version already have theirs and are skipped.
 */
@Component
@Order(3)
class TeamBoundaryMigration implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(TeamBoundaryMigration.class);
	private static final int PAGE = 1_000;

	private final AuthorizationService authorizations;
	private final RuntimeService runtime;
	private final TeamCaseAccess teamAccess;
	private final TransactionTemplate transaction;
	private final TaskService tasks;
	private final TeamSupervisors teamSupervisors;
	private final TaskTally tally;

	TeamBoundaryMigration(ProcessEngine engine, TeamCaseAccess teamAccess, TransactionTemplate transaction,
			TeamSupervisors teamSupervisors, TaskTally tally) {
		this.authorizations = engine.getAuthorizationService();
		this.runtime = engine.getRuntimeService();
		this.tasks = engine.getTaskService();
		this.teamAccess = teamAccess;
		this.transaction = transaction;
		this.teamSupervisors = teamSupervisors;
		this.tally = tally;
	}

	@Override
	public void run(ApplicationArguments args) {
		// every team's supervisors group exists before a supervisor logs in (the groups of a session are read then)
		teamSupervisors.syncAll();
		if (migrate() >= 0) {
			giveOpenCasesTheirSupervisorGroup();
		}
		moveSupervisorTasksToTheirTeam();
	}

	/**
	 * Open cases of a version before the teams' supervisor groups: their supervisor tasks (escalations,
	 * reviews) were offered to {@code supervisors}, so every team's supervisor could read them. Each open
	 * one is offered to its team's supervisors instead (an instance still on an older process version may
	 * create another later, so this runs at each start). Idempotent: nothing left to move is one query on
	 * the candidate links' group index.
	 *
	 * @return the tasks moved
	 */
	int moveSupervisorTasksToTheirTeam() {
		int moved = 0;
		List<Task> offeredToAll = tasks.createTaskQuery().taskCandidateGroup(DeskGroups.SUPERVISORS).includeAssignedTasks()
				.active().list();
		for (Task task : offeredToAll) {
			Object team = task.getProcessInstanceId() == null ? null
					: runtime.getVariable(task.getProcessInstanceId(), CaseVariables.TEAM_GROUP);
			if (team instanceof String teamGroup) {
				String group = teamSupervisors.groupOf(teamGroup);
				transaction.executeWithoutResult(status -> {
					tasks.addCandidateGroup(task.getId(), group);
					tasks.deleteCandidateGroup(task.getId(), DeskGroups.SUPERVISORS);
					// the engine keeps the grant of a candidate group it removes: take it away too
					authorizations.createAuthorizationQuery().resourceType(Resources.TASK).resourceId(task.getId())
							.groupIdIn(DeskGroups.SUPERVISORS).list()
							.forEach(grant -> authorizations.deleteAuthorization(grant.getId()));
				});
				moved++;
			}
		}
		if (moved > 0) {
			tally.reconcile();
		}
		if (moved > 0) {
			log.info("team boundaries: {} open supervisor tasks offered to their team's supervisors instead of every "
					+ "supervisor", moved);
		}
		return moved;
	}

	/**
	 * The open cases of a version before the teams' supervisor groups get the variable their later
	 * supervisor tasks name ({@code supervisorGroup}), should they move to the current version. Once, with
	 * the rest of this migration: only a database of such a version lacks it (no scan of the variables at
	 * every start).
	 */
	private void giveOpenCasesTheirSupervisorGroup() {
		Set<String> have = new HashSet<>();
		runtime.createVariableInstanceQuery().variableName(CaseVariables.SUPERVISOR_GROUP).list()
				.forEach(v -> have.add(v.getProcessInstanceId()));
		int variables = 0;
		for (VariableInstance team : runtime.createVariableInstanceQuery().variableName(CaseVariables.TEAM_GROUP).list()) {
			if (team.getValue() instanceof String teamGroup && !have.contains(team.getProcessInstanceId())
					&& team.getProcessInstanceId().equals(team.getExecutionId())) {
				runtime.setVariable(team.getProcessInstanceId(), CaseVariables.SUPERVISOR_GROUP,
						teamSupervisors.groupOf(teamGroup));
				variables++;
			}
		}
		log.info("team boundaries: {} open cases given their supervisorGroup", variables);
	}

	/** @return the number of cases whose team was granted their instance, or -1 when there was nothing to do */
	int migrate() {
		try {
			Integer granted = transaction.execute(status -> migrateInTransaction());
			return granted == null ? -1 : granted;
		} catch (OptimisticLockingException migratedByAnotherNode) {
			log.info("team boundaries: another node has just brought this database to them");
			return -1;
		}
	}

	private Integer migrateInTransaction() {
		Authorization wideInstanceGrant = supervisorsGrant(Resources.PROCESS_INSTANCE.resourceType());
		if (wideInstanceGrant == null) {
			return null;
		}
		authorizations.deleteAuthorization(wideInstanceGrant.getId());
		Authorization definitions = supervisorsGrant(Resources.PROCESS_DEFINITION.resourceType());
		if (definitions != null) {
			definitions.removePermission(Permissions.READ_INSTANCE);
			definitions.removePermission(Permissions.READ_HISTORY);
			authorizations.saveAuthorization(definitions);
		}
		Set<String> alreadyGranted = new HashSet<>();
		authorizations.createAuthorizationQuery().resourceType(Resources.PROCESS_INSTANCE).list()
				.forEach(grant -> alreadyGranted.add(grant.getResourceId()));
		int granted = 0;
		for (int first = 0;; first += PAGE) {
			List<VariableInstance> teams = runtime.createVariableInstanceQuery().variableName(CaseVariables.TEAM_GROUP)
					.orderByActivityInstanceId().asc().listPage(first, PAGE);
			Map<String, String> page = new LinkedHashMap<>();
			for (VariableInstance team : teams) {
				boolean caseVariable = team.getProcessInstanceId().equals(team.getExecutionId());
				if (caseVariable && team.getValue() instanceof String group && !alreadyGranted.contains(team.getProcessInstanceId())) {
					page.put(team.getProcessInstanceId(), group);
				}
			}
			teamAccess.grantAll(page);
			granted += page.size();
			if (teams.size() < PAGE) {
				break;
			}
		}
		log.info("team boundaries: {} open cases granted to their team; supervisors no longer read every team's cases",
				granted);
		return granted;
	}

	private Authorization supervisorsGrant(int resourceType) {
		// with READ: the supervisors' CREATE on process instances (weather alerts, issue 27) is no wide read grant
		return authorizations.createAuthorizationQuery().authorizationType(Authorization.AUTH_TYPE_GRANT)
				.groupIdIn(DeskGroups.SUPERVISORS).resourceType(resourceType).resourceId("*")
				.hasPermission(Permissions.READ).singleResult();
	}
}
