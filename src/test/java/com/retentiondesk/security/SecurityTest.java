package com.retentiondesk.security;

import static com.retentiondesk.JsonRequests.json;
import static com.retentiondesk.JsonRequests.withJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import com.retentiondesk.DeskTest;
import com.retentiondesk.ExpressionCanary;
import com.retentiondesk.Fixtures;
import com.retentiondesk.TasklistSession;
import com.retentiondesk.arrears.ArrearsCases;
import com.retentiondesk.casework.RetentionCase;
import com.retentiondesk.customer.Customers;

import com.retentiondesk.web.DeskGroups;

/** Authentication on both HTTP APIs, team boundaries, and the or-query expression injection. */
@DeskTest
class SecurityTest {

	private static final String ATTACK = "{\"orQueries\":[{\"assigneeExpression\":\"${canary.touch()}\"}]}";

	@Autowired
	TestRestTemplate http;
	@Autowired
	ArrearsCases arrears;
	@Autowired
	Customers customers;
	@Autowired
	TaskService tasks;
	@Autowired
	FilterService filters;
	@Autowired
	IdentityService identity;
	@Autowired
	ExpressionCanary canary;
	@LocalServerPort
	int port;

	private static Task team1Task;

	@BeforeEach
	void openATeam1Case() {
		if (team1Task == null) {
			customers.saveAndFlush(Fixtures.customer(Fixtures.prepaid("SEC001", "1.00", "manager1")));
			RetentionCase file = arrears.open(customers.findById("SEC001").orElseThrow());
			team1Task = tasks.createTaskQuery().processInstanceId(file.getProcessInstanceId()).singleResult();
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "/engine-rest/task", "/engine-rest/version", "/engine-rest/filter",
			"/engine-rest/process-definition", "/api/customers/import", "/api/billing/payments",
			"/camunda/api/engine/engine/default/task" })
	void shouldAnswer401WithoutCredentials(String path) {
		ResponseEntity<String> answer = http.exchange(path, HttpMethod.GET, null, String.class);

		assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
	}

	@Test
	void shouldAnswer401ForAWrongPassword() {
		// a user of its own: failed logins lock a user for a few seconds, which would disturb other tests
		if (identity.createUserQuery().userId("intruder").count() == 0) {
			User intruder = identity.newUser("intruder");
			intruder.setPassword(Fixtures.PASSWORD);
			identity.saveUser(intruder);
			identity.createMembership("intruder", DeskGroups.INTEGRATION);
		}

		assertThat(http.withBasicAuth("intruder", "wrong").getForEntity("/engine-rest/task", String.class)
				.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(http.withBasicAuth("intruder", "wrong").postForEntity("/api/billing/payments",
				json("{}"), String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
	}

	@Test
	void shouldLetTheManagerAndTheTeamSeeTheTask() {
		assertThat(taskIdsSeenBy("manager1")).contains(team1Task.getId());
		assertThat(taskIdsSeenBy("manager2")).contains(team1Task.getId());
		assertThat(taskIdsSeenBy("supervisor1")).contains(team1Task.getId());
	}

	@Test
	void shouldHideATaskFromAnotherTeamAndRefuseToCompleteIt() {
		assertThat(taskIdsSeenBy("manager5")).doesNotContain(team1Task.getId());
		assertThat(http.withBasicAuth("manager5", Fixtures.PASSWORD)
				.getForEntity("/engine-rest/task/" + team1Task.getId(), String.class).getStatusCode())
				.isEqualTo(HttpStatus.NOT_FOUND);

		ResponseEntity<String> complete = http.withBasicAuth("manager5", Fixtures.PASSWORD).postForEntity(
				"/engine-rest/task/" + team1Task.getId() + "/complete",
				json("{\"variables\":{\"callOutcome\":{\"value\":\"NOT_REACHED\"}}}"), String.class);

		// the task is not theirs to see: answered as unknown (TaskAccess), not as forbidden
		assertThat(complete.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(tasks.createTaskQuery().taskId(team1Task.getId()).count()).isOne();
	}

	@Test
	void shouldLetOnlyAdministratorsCreateFiltersAndDeploy() {
		ResponseEntity<String> filter = http.withBasicAuth("manager1", Fixtures.PASSWORD).postForEntity(
				"/engine-rest/filter/create",
				json("{\"resourceType\":\"Task\",\"name\":\"mine\",\"query\":{}}"), String.class);
		assertThat(filter.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

		MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
		parts.add("deployment-name", "attempt");
		parts.add("data", new org.springframework.core.io.ByteArrayResource(
				"<definitions/>".getBytes()) {
			@Override
			public String getFilename() {
				return "x.bpmn";
			}
		});
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.MULTIPART_FORM_DATA);
		ResponseEntity<String> deployment = http.withBasicAuth("supervisor1", Fixtures.PASSWORD)
				.postForEntity("/engine-rest/deployment/create", new HttpEntity<>(parts, headers), String.class);
		assertThat(deployment.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
	}

	@Test
	void shouldRejectTheOrQueryAttackOnTheRestTaskQuery() {
		int before = canary.touched();

		ResponseEntity<String> list = http.withBasicAuth("manager1", Fixtures.PASSWORD)
				.postForEntity("/engine-rest/task", json(ATTACK), String.class);
		ResponseEntity<String> count = http.withBasicAuth("manager1", Fixtures.PASSWORD)
				.postForEntity("/engine-rest/task/count", json(ATTACK), String.class);

		assertThat(list.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(list.getBody()).contains("CVE-2026-109432");
		assertThat(count.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(canary.touched()).isEqualTo(before);
	}

	@Test
	void shouldRejectTheOrQueryAttackThroughAFilter() {
		String myTasks = filters.createFilterQuery().filterName("我的任务").singleResult().getId();
		int before = canary.touched();

		ResponseEntity<String> list = http.withBasicAuth("manager1", Fixtures.PASSWORD)
				.postForEntity("/engine-rest/filter/" + myTasks + "/list", json(ATTACK), String.class);
		ResponseEntity<String> count = http.withBasicAuth("manager1", Fixtures.PASSWORD)
				.postForEntity("/engine-rest/filter/" + myTasks + "/count", json(ATTACK), String.class);

		assertThat(list.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(count.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(canary.touched()).isEqualTo(before);
	}

	@Test
	void shouldRejectTheOrQueryAttackThroughTheWebappApi() {
		HttpHeaders session = tasklistSession("manager1");
		int before = canary.touched();

		ResponseEntity<String> list = http.postForEntity("/camunda/api/engine/engine/default/task",
				new HttpEntity<>(ATTACK, withJson(session)), String.class);
		String myTasks = filters.createFilterQuery().filterName("我的任务").singleResult().getId();
		ResponseEntity<String> filterList = http.postForEntity(
				"/camunda/api/engine/engine/default/filter/" + myTasks + "/list",
				new HttpEntity<>(ATTACK, withJson(session)), String.class);

		assertThat(list.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(filterList.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(canary.touched()).isEqualTo(before);
		// the same session can use the filter the normal way
		ResponseEntity<String> normal = http.postForEntity(
				"/camunda/api/engine/engine/default/filter/" + myTasks + "/list",
				new HttpEntity<>("{}", withJson(session)), String.class);
		assertThat(normal.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(normal.getBody()).contains(team1Task.getId());
	}

	@Test
	void shouldRejectTheOrQueryAttackFromJava() {
		int before = canary.touched();

		assertThatThrownBy(() -> tasks.createTaskQuery().or().taskAssigneeExpression("${canary.touch()}").endOr()
				.list()).isInstanceOf(BadUserRequestException.class).hasMessageContaining("or-queries");
		assertThat(canary.touched()).isEqualTo(before);
		// an or-query without expressions still works
		assertThat(tasks.createTaskQuery().or().taskAssignee("manager1").taskCandidateGroup("nobody").endOr().count())
				.isPositive();
	}

	@Test
	void shouldEnforceThePasswordPolicy() {
		User weak = identity.newUser("weakling");
		weak.setPassword("123456");

		assertThatThrownBy(() -> identity.saveUser(weak)).isInstanceOf(BadUserRequestException.class)
				.hasMessageContaining("密码策略");
	}

	private List<String> taskIdsSeenBy(String user) {
		ResponseEntity<Map[]> answer = http.withBasicAuth(user, Fixtures.PASSWORD)
				.getForEntity("/engine-rest/task?processDefinitionKey=ArrearsReminderProcess&maxResults=500", Map[].class);
		assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
		return java.util.Arrays.stream(answer.getBody()).map(m -> (String) m.get("id")).toList();
	}

	private HttpHeaders tasklistSession(String user) {
		return TasklistSession.login(http, user, Fixtures.PASSWORD);
	}
}
