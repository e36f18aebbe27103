package com.retentiondesk.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import com.retentiondesk.DeskTest;
import com.retentiondesk.Fixtures;
import com.retentiondesk.arrears.ArrearsCases;
import com.retentiondesk.arrears.ArrearsProcess;
import com.retentiondesk.customer.Customers;

/**
 * The task queries that {@link TaskAuthorizationCheck} rewrites keep the engine's access rules: a
 * manager's own and team's tasks, nothing of another team's; a grant on the process definition or a
 * global grant opens every task of the process, as in the engine. Checked through /engine-rest, with
 * the rewrite counted so the test knows it ran.
 */
@DeskTest
class TaskAuthorizationCheckAccessTest {

	private static final String OUTSIDER = "tacOutsider";
	/** The engine's order of due dates (none first on H2 and MySQL). */
	private static final Comparator<Date> BY_DUE_DATE = Comparator.nullsFirst(Comparator.naturalOrder());

	@Autowired
	TestRestTemplate http;
	@Autowired
	ArrearsCases arrears;
	@Autowired
	Customers customers;
	@Autowired
	TaskService tasks;
	@Autowired
	IdentityService identity;
	@Autowired
	AuthorizationService authorizations;
	@Autowired
	DataSource dataSource;
	@Autowired
	TaskAuthorizationCheck check;

	private static String team1Task;
	private static String team2Task;
	private String grantId;

	@BeforeEach
	void openOneCasePerTeam() {
		if (team1Task == null) {
			team1Task = openCase("TAC001", "manager2");
			team2Task = openCase("TAC002", "manager6");
			User outsider = identity.newUser(OUTSIDER);
			outsider.setFirstName("外");
			outsider.setLastName("人");
			outsider.setPassword(Fixtures.PASSWORD);
			identity.saveUser(outsider);
			identity.createMembership(OUTSIDER, "phone-managers");
		}
	}

	@AfterEach
	void removeGrant() {
		if (grantId != null) {
			authorizations.deleteAuthorization(grantId);
			grantId = null;
		}
	}

	@Test
	void shouldShowAManagerTheirTeamsTasksOnly() {
		long before = TaskAuthorizationCheck.rewrites();

		List<String> seenByTeam1 = taskIds("manager1");
		List<String> seenByTeam2 = taskIds("manager5");

		assertThat(seenByTeam1).contains(team1Task).doesNotContain(team2Task);
		assertThat(seenByTeam2).contains(team2Task).doesNotContain(team1Task);
		assertThat(taskIds(OUTSIDER)).doesNotContain(team1Task, team2Task);
		assertThat(count("manager1")).isEqualTo(seenByTeam1.size());
		// three lists and a count went through the rewrite
		assertThat(TaskAuthorizationCheck.rewrites() - before).isGreaterThanOrEqualTo(4);
	}

	@Test
	void shouldAnswerAsBeforeWithTheRewriteSwitchedOff() {
		String query = "/engine-rest/task?includeAssignedTasks=true&maxResults=1000&candidateGroups=team1&sortBy=dueDate"
				+ "&sortOrder=asc&processDefinitionKey=" + ArrearsProcess.PROCESS_KEY;
		String countQuery = query.replace("/engine-rest/task?", "/engine-rest/task/count?");
		List<String> rewritten = get("manager1", query);
		int rewrittenCount = countOf("manager1", countQuery);
		long before = TaskAuthorizationCheck.rewrites();

		check.setRewriting(false);
		try {
			assertThat(get("manager1", query)).containsExactlyInAnyOrderElementsOf(rewritten).contains(team1Task);
			assertThat(countOf("manager1", countQuery)).isEqualTo(rewrittenCount);
			assertThat(get("manager5", query)).isEmpty();
			// the engine's own statements ran
			assertThat(TaskAuthorizationCheck.rewrites()).isEqualTo(before);
		} finally {
			check.setRewriting(true);
		}
		get("manager1", query);
		assertThat(TaskAuthorizationCheck.rewrites()).isGreaterThan(before);
	}

	@Test
	void shouldFindTheSameTeamTasksAsTheEngineOnceEach() {
		// a team task that is also offered to the supervisors: two links that match supervisor1's groups
		String shared = openCase("TAC003", "manager3");
		tasks.addCandidateGroup(shared, "supervisors");
		String query = "&candidateGroups=supervisors,team1&processDefinitionKey=" + ArrearsProcess.PROCESS_KEY
				+ "&sortBy=dueDate&sortOrder=asc";
		List<String> expectedAll = tasks.createTaskQuery().processDefinitionKey(ArrearsProcess.PROCESS_KEY)
				.taskCandidateGroupIn(List.of("supervisors", "team1")).includeAssignedTasks().orderByDueDate().asc().list()
				.stream().map(t -> t.getId()).toList();
		List<String> expectedUnassigned = tasks.createTaskQuery().processDefinitionKey(ArrearsProcess.PROCESS_KEY)
				.taskCandidateGroupIn(List.of("supervisors", "team1")).orderByDueDate().asc().list()
				.stream().map(t -> t.getId()).toList();

		List<String> all = get("supervisor1", "/engine-rest/task?includeAssignedTasks=true&maxResults=1000" + query);
		List<String> unassigned = get("supervisor1", "/engine-rest/task?maxResults=1000" + query);

		// the same tasks, each once, by due date (tasks due at the same moment may come in either order)
		assertThat(all).containsExactlyInAnyOrderElementsOf(expectedAll).contains(shared, team1Task)
				.doesNotContain(team2Task).doesNotHaveDuplicates();
		assertThat(dueDates(all)).isSortedAccordingTo(BY_DUE_DATE);
		assertThat(unassigned).containsExactlyInAnyOrderElementsOf(expectedUnassigned).doesNotContain(shared);
		assertThat(dueDates(unassigned)).isSortedAccordingTo(BY_DUE_DATE);
		assertThat(countOf("supervisor1", "/engine-rest/task/count?includeAssignedTasks=true" + query)).isEqualTo(all.size());
		assertThat(countOf("supervisor1", "/engine-rest/task/count?" + query)).isEqualTo(unassigned.size());
		// another team's manager finds none of them through team1's group
		assertThat(get("manager5", "/engine-rest/task?includeAssignedTasks=true&maxResults=1000&candidateGroups=team1"
				+ "&processDefinitionKey=" + ArrearsProcess.PROCESS_KEY)).isEmpty();
	}

	@Test
	@SuppressWarnings("rawtypes")
	void shouldCountAnOrQueryWithCandidateGroupsLikeTheEngine() {
		// "mine, or offered to team2": manager2 may read only his own of those
		Map<String, Object> query = Map.of("processDefinitionKey", ArrearsProcess.PROCESS_KEY, "orQueries",
				List.of(Map.of("assignee", "manager2", "candidateGroups", List.of("team2"))));
		List<String> mine = tasks.createTaskQuery().processDefinitionKey(ArrearsProcess.PROCESS_KEY)
				.taskAssignee("manager2").list().stream().map(t -> t.getId()).toList();

		ResponseEntity<Map> count = http.withBasicAuth("manager2", Fixtures.PASSWORD).postForEntity("/engine-rest/task/count",
				query, Map.class);
		ResponseEntity<Map[]> list = http.withBasicAuth("manager2", Fixtures.PASSWORD).postForEntity("/engine-rest/task",
				query, Map[].class);

		assertThat(mine).contains(team1Task);
		assertThat(((Number) count.getBody().get("count")).intValue()).isEqualTo(mine.size());
		assertThat(Arrays.stream(list.getBody()).map(m -> (String) m.get("id")).toList())
				.containsExactlyInAnyOrderElementsOf(mine).doesNotContain(team2Task);
	}

	@Test
	void shouldOpenEveryTaskOfAProcessToAProcessDefinitionGrant() {
		grantId = grant(Resources.PROCESS_DEFINITION, ArrearsProcess.PROCESS_KEY, ProcessDefinitionPermissions.READ_TASK);

		assertThat(taskIds(OUTSIDER)).contains(team1Task, team2Task);
	}

	@Test
	void shouldOpenEveryTaskToAGrantOnAllTasks() {
		grantId = grant(Resources.TASK, "*", TaskPermissions.READ);

		assertThat(taskIds(OUTSIDER)).contains(team1Task, team2Task);
	}

	@Test
	void shouldNotOpenTasksToAGrantWithoutReadPermission() {
		grantId = grant(Resources.TASK, "*", TaskPermissions.UPDATE);

		assertThat(taskIds(OUTSIDER)).doesNotContain(team1Task, team2Task);
	}

	@Test
	void shouldHaveOurIndexesOnTheEngineTables() throws Exception {
		try (Connection connection = dataSource.getConnection()) {
			assertThat(indexes(connection, "ACT_RU_IDENTITYLINK")).contains("DESK_IDX_IDENT_GROUP_TASK");
			assertThat(indexes(connection, "ACT_RU_AUTHORIZATION")).contains("DESK_IDX_AUTH_RESOURCE");
			assertThat(indexes(connection, "ACT_RU_TASK")).contains("DESK_IDX_TASK_ASSIGNEE_DUE", "DESK_IDX_TASK_DUE",
					"DESK_IDX_TASK_DEF_KEY");
			assertThat(indexes(connection, "ACT_RU_JOB")).contains("DESK_IDX_JOB_DUE");
		}
	}

	private static List<String> indexes(Connection connection, String table) throws Exception {
		List<String> names = new java.util.ArrayList<>();
		try (ResultSet rs = connection.getMetaData().getIndexInfo(null, null, table, false, false)) {
			while (rs.next()) {
				names.add(String.valueOf(rs.getString("INDEX_NAME")).toUpperCase(java.util.Locale.ROOT));
			}
		}
		return names;
	}

	private String grant(Resources resource, String resourceId, org.camunda.bpm.engine.authorization.Permission permission) {
		Authorization grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
		grant.setUserId(OUTSIDER);
		grant.setResource(resource);
		grant.setResourceId(resourceId);
		grant.addPermission(permission);
		return authorizations.saveAuthorization(grant).getId();
	}

	private String openCase(String customerNo, String manager) {
		customers.saveAndFlush(Fixtures.customer(Fixtures.prepaid(customerNo, "1.00", manager)));
		String instance = arrears.open(customers.findById(customerNo).orElseThrow()).getProcessInstanceId();
		return tasks.createTaskQuery().processInstanceId(instance).singleResult().getId();
	}

	private List<Date> dueDates(List<String> taskIds) {
		return taskIds.stream().map(id -> tasks.createTaskQuery().taskId(id).singleResult().getDueDate()).toList();
	}

	private List<String> taskIds(String user) {
		return get(user, "/engine-rest/task?processDefinitionKey=" + ArrearsProcess.PROCESS_KEY + "&maxResults=1000");
	}

	private int count(String user) {
		return countOf(user, "/engine-rest/task/count?processDefinitionKey=" + ArrearsProcess.PROCESS_KEY);
	}

	@SuppressWarnings("rawtypes")
	private List<String> get(String user, String url) {
		ResponseEntity<Map[]> answer = http.withBasicAuth(user, Fixtures.PASSWORD).getForEntity(url, Map[].class);
		assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
		return Arrays.stream(answer.getBody()).map(m -> (String) m.get("id")).toList();
	}

	@SuppressWarnings("rawtypes")
	private int countOf(String user, String url) {
		ResponseEntity<Map> answer = http.withBasicAuth(user, Fixtures.PASSWORD).getForEntity(url, Map.class);
		assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
		return ((Number) answer.getBody().get("count")).intValue();
	}
}
