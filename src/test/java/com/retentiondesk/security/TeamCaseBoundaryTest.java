package com.retentiondesk.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.task.IdentityLink;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import com.retentiondesk.DeskTest;
import com.retentiondesk.Fixtures;
import com.retentiondesk.TasklistSession;
import com.retentiondesk.arrears.ArrearsCases;
import com.retentiondesk.customer.Customers;
import com.retentiondesk.web.DeskGroups;

/**
 * Issue 24, finding 3 (the engine's side): a supervisor reads their own team's cases (variables, the
 * instance list) and no other team's, on both REST paths; a manager reads their team's cases, whose tasks
 * they already see, and no other's; a database of an older version is brought to the same rules.
 */
@DeskTest
class TeamCaseBoundaryTest {

	@Autowired
	TestRestTemplate http;
	@Autowired
	ArrearsCases arrears;
	@Autowired
	Customers customers;
	@Autowired
	AuthorizationService authorizations;
	@Autowired
	TeamBoundaryMigration migration;
	@Autowired
	org.camunda.bpm.engine.TaskService tasks;

	private static String team1Case;
	private static String team2Case;

	@BeforeEach
	void openOneCasePerTeam() {
		if (team1Case == null) {
			team1Case = openCase("TCB001", "manager2");
			team2Case = openCase("TCB002", "manager6");
		}
	}

	@Test
	void shouldShowASupervisorTheCaseBehindTheirOwnTeamsInstanceOnly() {
		ResponseEntity<Map> own = get("supervisor1", "/api/cases/by-process/" + team1Case, Map.class);
		ResponseEntity<String> other = get("supervisor1", "/api/cases/by-process/" + team2Case, String.class);
		ResponseEntity<String> manager = get("manager2", "/api/cases/by-process/" + team1Case, String.class);

		assertThat(own.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(own.getBody()).containsEntry("customerNo", "TCB001").containsEntry("managerId", "manager2")
				.containsEntry("label", "欠费温馨提醒");
		assertThat((String) own.getBody().get("brief")).startsWith("客户: ").contains("(TCB001)");
		assertThat(other.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(other.getBody()).doesNotContain("TCB002");
		assertThat(manager.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
	}

	@Test
	void shouldLetASupervisorReadTheirOwnTeamsCasesOnly() {
		ResponseEntity<Map> own = get("supervisor1", "/engine-rest/process-instance/" + team1Case + "/variables", Map.class);
		ResponseEntity<String> other = get("supervisor1", "/engine-rest/process-instance/" + team2Case + "/variables", String.class);

		assertThat(own.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(own.getBody()).containsKeys("customerNo", "teamGroup");
		assertThat(other.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(other.getBody()).doesNotContain("TCB002");
		assertThat(list("supervisor1", "/engine-rest/process-instance?businessKey=TCB002")).isEmpty();
		assertThat(list("supervisor1", "/engine-rest/process-instance?businessKey=TCB001")).hasSize(1);
		assertThat(list("supervisor1", "/engine-rest/variable-instance?processInstanceIdIn=" + team2Case)).isEmpty();
		assertThat(list("supervisor2", "/engine-rest/variable-instance?processInstanceIdIn=" + team2Case)).isNotEmpty();
	}

	@Test
	void shouldKeepAnotherTeamsHistoryFromASupervisor() {
		assertThat(list("supervisor1", "/engine-rest/history/process-instance?processInstanceId=" + team2Case)).isEmpty();
		assertThat(list("supervisor1", "/engine-rest/history/variable-instance?processInstanceId=" + team2Case)).isEmpty();
		assertThat(list("admin", "/engine-rest/history/variable-instance?processInstanceId=" + team2Case)).isNotEmpty();
	}

	@Test
	void shouldHoldOnTheWebappsPathToo() {
		HttpEntity<Void> session = new HttpEntity<>(TasklistSession.login(http, "supervisor1", Fixtures.PASSWORD));
		String engine = "/camunda/api/engine/engine/default/process-instance/";

		assertThat(http.exchange(engine + team2Case + "/variables", HttpMethod.GET, session, String.class).getStatusCode())
				.isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(http.exchange(engine + team1Case + "/variables", HttpMethod.GET, session, String.class).getStatusCode())
				.isEqualTo(HttpStatus.OK);
	}

	@Test
	void shouldLetAManagerReadTheirTeamsCasesOnly() {
		assertThat(get("manager6", "/engine-rest/process-instance/" + team2Case + "/variables", Map.class).getStatusCode())
				.isEqualTo(HttpStatus.OK);
		assertThat(get("manager2", "/engine-rest/process-instance/" + team2Case + "/variables", String.class).getStatusCode())
				.isEqualTo(HttpStatus.FORBIDDEN);
	}

	@Test
	void shouldBringAnOlderDatabaseToTeamBoundariesOnce() {
		// the grants of a version before team boundaries: none per case, wide ones for supervisors
		authorizations.createAuthorizationQuery().resourceType(Resources.PROCESS_INSTANCE).list()
				.forEach(grant -> authorizations.deleteAuthorization(grant.getId()));
		Authorization definitions = authorizations.createAuthorizationQuery().groupIdIn(DeskGroups.SUPERVISORS)
				.resourceType(Resources.PROCESS_DEFINITION).resourceId("*").singleResult();
		definitions.addPermission(Permissions.READ_INSTANCE);
		definitions.addPermission(Permissions.READ_HISTORY);
		authorizations.saveAuthorization(definitions);
		Authorization wide = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
		wide.setGroupId(DeskGroups.SUPERVISORS);
		wide.setResource(Resources.PROCESS_INSTANCE);
		wide.setResourceId("*");
		wide.addPermission(Permissions.READ);
		authorizations.saveAuthorization(wide);
		assertThat(get("supervisor1", "/engine-rest/process-instance/" + team2Case + "/variables", Map.class).getStatusCode())
				.isEqualTo(HttpStatus.OK);

		int granted = migration.migrate();

		assertThat(granted).isGreaterThanOrEqualTo(2);
		assertThat(get("supervisor1", "/engine-rest/process-instance/" + team2Case + "/variables", String.class).getStatusCode())
				.isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(get("supervisor1", "/engine-rest/process-instance/" + team1Case + "/variables", Map.class).getStatusCode())
				.isEqualTo(HttpStatus.OK);
		assertThat(list("supervisor1", "/engine-rest/history/process-instance?processInstanceId=" + team2Case)).isEmpty();
		Authorization after = authorizations.createAuthorizationQuery().groupIdIn(DeskGroups.SUPERVISORS)
				.resourceType(Resources.PROCESS_DEFINITION).resourceId("*").singleResult();
		assertThat(after.isPermissionGranted(Permissions.READ)).isTrue();
		assertThat(after.isPermissionGranted(Permissions.READ_INSTANCE)).isFalse();
		assertThat(after.isPermissionGranted(Permissions.READ_HISTORY)).isFalse();
		assertThat(authorizations.createAuthorizationQuery().resourceType(Resources.PROCESS_INSTANCE).resourceId(team2Case)
				.groupIdIn("team2").count()).isEqualTo(1);
		assertThat(migration.migrate()).isEqualTo(-1);
	}

	@Test
	void shouldOfferAnOlderVersionsSupervisorTaskToItsTeamsSupervisorsOnly() {
		// a version before the teams' supervisor groups offered supervisor tasks to every supervisor
		String task = tasks.createTaskQuery().processInstanceId(team2Case).singleResult().getId();
		tasks.addCandidateGroup(task, DeskGroups.SUPERVISORS);
		assertThat(get("supervisor1", "/engine-rest/task/" + task + "/variables", String.class).getStatusCode())
				.isEqualTo(HttpStatus.OK);

		assertThat(migration.moveSupervisorTasksToTheirTeam()).isGreaterThanOrEqualTo(1);

		assertThat(tasks.getIdentityLinksForTask(task)).extracting(IdentityLink::getGroupId)
				.contains("team2-supervisors").doesNotContain(DeskGroups.SUPERVISORS);
		assertThat(get("supervisor1", "/engine-rest/task/" + task + "/variables", String.class).getStatusCode())
				.isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(get("supervisor2", "/engine-rest/task/" + task + "/variables", Map.class).getStatusCode())
				.isEqualTo(HttpStatus.OK);
		assertThat(migration.moveSupervisorTasksToTheirTeam()).isZero();
	}

	private String openCase(String customerNo, String manager) {
		customers.saveAndFlush(Fixtures.customer(Fixtures.prepaid(customerNo, "1.00", manager)));
		return arrears.open(customers.findById(customerNo).orElseThrow()).getProcessInstanceId();
	}

	private <T> ResponseEntity<T> get(String user, String path, Class<T> type) {
		return http.withBasicAuth(user, Fixtures.PASSWORD).getForEntity(path, type);
	}

	private List<?> list(String user, String path) {
		ResponseEntity<List> response = get(user, path, List.class);
		assertThat(response.getStatusCode()).as(path).isEqualTo(HttpStatus.OK);
		return response.getBody();
	}
}
