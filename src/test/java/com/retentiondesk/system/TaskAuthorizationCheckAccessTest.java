package com.retentiondesk.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.util.Arrays;
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
		long before = TaskAuthorizationCheck.REWRITES.get();

		List<String> seenByTeam1 = taskIds("manager1");
		List<String> seenByTeam2 = taskIds("manager5");

		assertThat(seenByTeam1).contains(team1Task).doesNotContain(team2Task);
		assertThat(seenByTeam2).contains(team2Task).doesNotContain(team1Task);
		assertThat(taskIds(OUTSIDER)).doesNotContain(team1Task, team2Task);
		assertThat(count("manager1")).isEqualTo(seenByTeam1.size());
		// three lists and a count went through the rewrite
		assertThat(TaskAuthorizationCheck.REWRITES.get() - before).isGreaterThanOrEqualTo(4);
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

	@SuppressWarnings("rawtypes")
	private List<String> taskIds(String user) {
		ResponseEntity<Map[]> answer = http.withBasicAuth(user, Fixtures.PASSWORD).getForEntity(
				"/engine-rest/task?processDefinitionKey=" + ArrearsProcess.PROCESS_KEY + "&maxResults=1000", Map[].class);
		assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
		return Arrays.stream(answer.getBody()).map(m -> (String) m.get("id")).toList();
	}

	@SuppressWarnings("rawtypes")
	private int count(String user) {
		ResponseEntity<Map> answer = http.withBasicAuth(user, Fixtures.PASSWORD).getForEntity(
				"/engine-rest/task/count?processDefinitionKey=" + ArrearsProcess.PROCESS_KEY, Map.class);
		assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
		return ((Number) answer.getBody().get("count")).intValue();
	}
}
