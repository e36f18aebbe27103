package com.retentiondesk.security;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.task.TaskQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import com.retentiondesk.care.CareProcess;
import com.retentiondesk.survey.SurveyProcess;
import com.retentiondesk.web.DeskGroups;

import com.retentiondesk.tasklist.TaskListVariables;

/**
 * Creates, on every start and in every profile, what the desk needs in the identity store: the
 * groups, their application and process grants, and the Chinese Tasklist filters with READ for the
 * groups that use them. Idempotent: what exists is left as it is, so administrators' changes survive.
 * <p>
 * Task access itself is not granted here: the engine grants each task to its assignee and candidate
 * group (the manager's team), so a manager sees the tasks of their customers and their team only.
 */
@Component
@Order(1)
public class IdentitySetup implements ApplicationRunner {

	public static final String FILTER_MY_TASKS = "我的任务";
	public static final String FILTER_TEAM_TASKS = "本组任务";
	public static final String FILTER_DUE_TODAY = "今日到期";
	public static final String FILTER_ESCALATED = "已升级";
	public static final String FILTER_SURVEYS = "满意度回访";
	/**
	 * The escalation tasks' keys as a LIKE pattern, its underscore escaped: unescaped, "_" matches any
	 * character, so the database could use only "Task" of the prefix and read every task (180 ms against
	 * 10 ms at 100,000 open tasks, with the index of db/engine V5).
	 */
	public static final String ESCALATED_KEYS = DeskGroups.ESCALATION_TASK_PREFIX.replace("_", "\\_") + "%";
	/** The pattern that versions before it stored in the 已升级 filter. */
	private static final String ESCALATED_KEYS_BEFORE = DeskGroups.ESCALATION_TASK_PREFIX + "%";

	private static final Logger log = LoggerFactory.getLogger(IdentitySetup.class);

	private final IdentityService identity;
	private final AuthorizationService authorizations;
	private final FilterService filters;
	private final TaskService tasks;

	IdentitySetup(ProcessEngine engine) {
		this.identity = engine.getIdentityService();
		this.authorizations = engine.getAuthorizationService();
		this.filters = engine.getFilterService();
		this.tasks = engine.getTaskService();
	}

	@Override
	public void run(ApplicationArguments args) {
		group(DeskGroups.PHONE_MANAGERS, "电话经理", "WORKFLOW");
		group(DeskGroups.SUPERVISORS, "主管", "WORKFLOW");
		group(DeskGroups.INTEGRATION, "计费/营业系统接口", "SYSTEM");
		group(DeskGroups.SURVEYORS, "10000客服", "WORKFLOW");
		// marketing reads competitor news through the desk API only: no application, definition or filter grant,
		// and no task has it as candidate group, so its members see no case task anywhere
		group(DeskGroups.MARKETING, "市场部", "WORKFLOW");

		grant(DeskGroups.PHONE_MANAGERS, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
		grant(DeskGroups.PHONE_MANAGERS, Resources.PROCESS_DEFINITION, "*", Permissions.READ);
		grant(DeskGroups.SUPERVISORS, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
		grant(DeskGroups.SUPERVISORS, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
		// the definitions only: each case grants its team READ on its instance (casework.TeamCaseAccess),
		// so a supervisor reads their own team's cases and no other's (TeamBoundaryMigration for older databases)
		grant(DeskGroups.SUPERVISORS, Resources.PROCESS_DEFINITION, "*", Permissions.READ);
		grant(DeskGroups.SUPERVISORS, Resources.DECISION_DEFINITION, "*", Permissions.READ);
		// supervisors start weather alerts for their teams (Tasklist's start form or REST; the process checks the teams)
		grant(DeskGroups.SUPERVISORS, Resources.PROCESS_INSTANCE, "*", Permissions.CREATE);
		grant(DeskGroups.SUPERVISORS, Resources.PROCESS_DEFINITION, CareProcess.WEATHER_KEY, Permissions.READ,
				Permissions.CREATE_INSTANCE);
		// surveyors: Tasklist and the survey's definition only; their tasks come from the candidate group
		// surveyors, which no case task has, so they see survey tasks and nothing of the cases
		grant(DeskGroups.SURVEYORS, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
		grant(DeskGroups.SURVEYORS, Resources.PROCESS_DEFINITION, SurveyProcess.CUSTOMER_PROCESS_KEY, Permissions.READ);
		// names instead of user ids in Tasklist (assignee, candidate groups) and in the case briefs
		for (String staff : List.of(DeskGroups.PHONE_MANAGERS, DeskGroups.SUPERVISORS)) {
			grant(staff, Resources.USER, "*", Permissions.READ);
			grant(staff, Resources.GROUP, "*", Permissions.READ);
		}

		List<String> everyone = List.of(DeskGroups.PHONE_MANAGERS, DeskGroups.SUPERVISORS);
		filter(FILTER_MY_TASKS, -10, "分配给我的任务",
				List.of(DeskGroups.PHONE_MANAGERS, DeskGroups.SUPERVISORS, DeskGroups.SURVEYORS),
				tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}").orderByDueDate().asc());
		filter(FILTER_TEAM_TASKS, 0, "本组的全部任务(含同事已认领的)", everyone,
				tasks.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks()
						.orderByDueDate().asc());
		filter(FILTER_DUE_TODAY, 10, "今天到期或已逾期的本组任务", everyone,
				tasks.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks()
						.dueBeforeExpression("${dateTime().withTimeAtStartOfDay().plusDays(1).toDate()}")
						.orderByDueDate().asc());
		filter(FILTER_ESCALATED, 20, "逾期升级给主管的任务,最早的在前", List.of(DeskGroups.SUPERVISORS),
				tasks.createTaskQuery().taskDefinitionKeyLike(ESCALATED_KEYS)
						.taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks()
						.orderByTaskCreateTime().asc());
		filter(FILTER_SURVEYS, 30, "满意度回访任务,到期早的在前", List.of(DeskGroups.SURVEYORS),
				tasks.createTaskQuery().taskDefinitionKey(SurveyProcess.TASK_SURVEY)
						.taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks()
						.orderByDueDate().asc());
	}

	private static Map<String, String> orderedMap(String... keysAndValues) {
		Map<String, String> map = new LinkedHashMap<>();
		for (int i = 0; i < keysAndValues.length; i += 2) {
			map.put(keysAndValues[i], keysAndValues[i + 1]);
		}
		return Collections.unmodifiableMap(map);
	}

	private void group(String id, String name, String type) {
		if (identity.createGroupQuery().groupId(id).count() == 0) {
			Group group = identity.newGroup(id);
			group.setName(name);
			group.setType(type);
			identity.saveGroup(group);
			log.info("created group {}", id);
		}
	}

	void grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
		boolean exists = authorizations.createAuthorizationQuery()
				.authorizationType(Authorization.AUTH_TYPE_GRANT)
				.groupIdIn(groupId)
				.resourceType(resource)
				.resourceId(resourceId)
				.count() > 0;
		if (exists) {
			return;
		}
		Authorization authorization = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
		authorization.setGroupId(groupId);
		authorization.setResource(resource);
		authorization.setResourceId(resourceId);
		for (Permission permission : permissions) {
			authorization.addPermission(permission);
		}
		authorizations.saveAuthorization(authorization);
	}

	private void filter(String name, int priority, String description, List<String> readers, TaskQuery query) {
		Filter filter = filters.createFilterQuery().filterName(name).singleResult();
		if (filter == null) {
			Map<String, Object> properties = new LinkedHashMap<>();
			properties.put("description", description);
			properties.put("priority", priority);
			properties.put("refresh", true);
			properties.put("variables", TaskListVariables.COLUMNS.entrySet().stream()
					.map(column -> Map.of("name", column.getKey(), "label", column.getValue()))
					.toList());
			filter = filters.newTaskFilter(name).setProperties(properties).setQuery(query);
			filters.saveFilter(filter);
			log.info("created Tasklist filter {}", name);
		} else if (filter.getQuery() instanceof TaskQueryImpl stored && ESCALATED_KEYS_BEFORE.equals(stored.getKeyLike())) {
			// written by an earlier version: only the pattern changes, anything an administrator changed stays
			stored.taskDefinitionKeyLike(ESCALATED_KEYS);
			filters.saveFilter(filter.setQuery(stored));
			log.info("Tasklist filter {}: escalation keys now matched as {}", name, ESCALATED_KEYS);
		}
		for (String group : readers) {
			grant(group, Resources.FILTER, filter.getId(), Permissions.READ);
		}
	}
}
