package com.retentiondesk.away;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.retentiondesk.DeskTest;
import com.retentiondesk.Fixtures;
import com.retentiondesk.JsonRequests;
import com.retentiondesk.arrears.ArrearsCases;
import com.retentiondesk.casework.RetentionCase;
import com.retentiondesk.customer.Customers;
import com.retentiondesk.customer.LineStatus;
import com.retentiondesk.winback.StopKind;
import com.retentiondesk.winback.WinbackCases;

/**
 * Away days ({@code PUT/DELETE /api/managers/{id}/away}): who may set them, the dates they take, that a call task
 * opened meanwhile goes to the team and not to the manager (and to the manager again once back), and the
 * supervisors' dashboard list.
 */
@DeskTest
class AwayTest {

	private static final ObjectMapper JSON = new ObjectMapper();
	private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
	private static final String AWAY = "{\"from\": \"2026-12-01\", \"to\": \"2026-12-04\", \"reason\": \"年假\"}";

	@Autowired
	TestRestTemplate http;
	@Autowired
	Customers customers;
	@Autowired
	ArrearsCases arrears;
	@Autowired
	WinbackCases winback;
	@Autowired
	TaskService tasks;

	@BeforeEach
	void wednesday() {
		ClockUtil.setCurrentTime(Date.from(LocalDateTime.parse("2026-12-02T10:00").atZone(SHANGHAI).toInstant()));
	}

	@AfterEach
	void back() {
		http.withBasicAuth("admin", Fixtures.PASSWORD).delete("/api/managers/manager1/away");
		ClockUtil.reset();
	}

	@Test
	void shouldLetTheManagerTheirSupervisorAndAdministratorsOnly() throws Exception {
		assertThat(put("manager2", "manager1", AWAY).getStatusCode()).as("a teammate").isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(put("supervisor2", "manager1", AWAY).getStatusCode()).as("another team's supervisor")
				.isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(put("billing", "manager1", AWAY).getStatusCode()).as("integration").isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(delete("manager2", "manager1").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		ResponseEntity<String> refused = put("manager2", "manager1", AWAY);
		assertThat(JSON.readTree(refused.getBody()).path("message").asText())
				.isEqualTo("无权设置 王芳 的请假: 只有本人、本班组主管和管理员可以");

		for (String user : List.of("manager1", "supervisor1", "admin")) {
			ResponseEntity<String> set = put(user, "manager1", AWAY);
			assertThat(set.getStatusCode()).as(user + ": " + set.getBody()).isEqualTo(HttpStatus.OK);
			JsonNode body = JSON.readTree(set.getBody());
			assertThat(body.path("name").asText()).isEqualTo("王芳");
			assertThat(body.path("from").asText()).isEqualTo("2026-12-01");
			assertThat(body.path("to").asText()).isEqualTo("2026-12-04");
			assertThat(body.path("reason").asText()).isEqualTo("年假");
			assertThat(delete(user, "manager1").getStatusCode()).as(user).isEqualTo(HttpStatus.NO_CONTENT);
		}
		assertThat(put("admin", "nobody", AWAY).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
	}

	@Test
	void shouldRefuseBadDatesInChinese() throws Exception {
		assertThat(refusal("{\"from\": \"2026-13-01\", \"to\": \"2026-12-04\"}"))
				.isEqualTo("from: 日期格式错误 '2026-13-01' (应为 yyyy-MM-dd)");
		assertThat(refusal("{\"from\": \"2026-12-01\"}")).isEqualTo("to: 缺少日期 (yyyy-MM-dd)");
		assertThat(refusal("{\"from\": \"2026-12-05\", \"to\": \"2026-12-04\"}"))
				.isEqualTo("to: 结束日期早于开始日期 (2026-12-05 - 2026-12-04)");
		assertThat(refusal("{\"from\": \"2026-11-20\", \"to\": \"2026-11-30\"}")).isEqualTo("to: 结束日期已过 (2026-11-30)");
		assertThat(refusal("{\"from\": \"2026-12-01\", \"to\": \"2028-12-01\"}")).isEqualTo("to: 一次最长请假 366 天");
	}

	@Test
	void shouldGiveNewCallsToTheTeamWhileAwayAndToTheManagerOnceBack() {
		assertThat(put("supervisor1", "manager1", AWAY).getStatusCode()).isEqualTo(HttpStatus.OK);

		Task whileAway = callTask(arrears.open(customer("AW90290001")));
		assertThat(whileAway.getAssignee()).isNull();
		assertThat(candidateGroups(whileAway)).containsExactly("team1");
		Task winbackWhileAway = callTask(winback.lineSuspended(customer("AW90290002"), StopKind.SINGLE_STOP,
				LineStatus.ACTIVE).orElseThrow());
		assertThat(winbackWhileAway.getAssignee()).as("every process's call task").isNull();
		assertThat(candidateGroups(winbackWhileAway)).containsExactly("team1");
		assertThat(callTask(arrears.open(customer("AW90290003", "manager2"))).getAssignee())
				.as("a teammate who is not away").isEqualTo("manager2");

		assertThat(delete("manager1", "manager1").getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

		assertThat(callTask(arrears.open(customer("AW90290004"))).getAssignee()).isEqualTo("manager1");
		assertThat(tasks.createTaskQuery().taskId(whileAway.getId()).singleResult().getAssignee())
				.as("what went to the team stays there").isNull();
	}

	@Test
	void shouldGiveCallsToTheManagerBeforeAndAfterTheAwayDays() {
		assertThat(put("manager1", "manager1", "{\"from\": \"2026-12-03\", \"to\": \"2026-12-04\"}").getStatusCode())
				.isEqualTo(HttpStatus.OK);
		assertThat(callTask(arrears.open(customer("AW90290005"))).getAssignee()).as("the day before").isEqualTo("manager1");
		ClockUtil.setCurrentTime(Date.from(LocalDateTime.parse("2026-12-04T23:59").atZone(SHANGHAI).toInstant()));
		assertThat(callTask(arrears.open(customer("AW90290006"))).getAssignee()).as("the last day").isNull();
		ClockUtil.setCurrentTime(Date.from(LocalDateTime.parse("2026-12-05T00:01").atZone(SHANGHAI).toInstant()));
		assertThat(callTask(arrears.open(customer("AW90290007"))).getAssignee()).as("the day after").isEqualTo("manager1");
	}

	@Test
	void shouldShowTheTeamsAwayManagersOnTheDashboard() throws Exception {
		put("manager1", "manager1", AWAY);

		JsonNode team1 = kpi("supervisor1");
		assertThat(team1.path("away")).hasSize(1);
		JsonNode away = team1.path("away").get(0);
		assertThat(away.path("managerId").asText()).isEqualTo("manager1");
		assertThat(away.path("name").asText()).isEqualTo("王芳");
		assertThat(away.path("from").asText()).isEqualTo("2026-12-01");
		assertThat(away.path("to").asText()).isEqualTo("2026-12-04");
		assertThat(away.path("reason").asText()).isEqualTo("年假");
		assertThat(kpi("supervisor2").path("away")).as("another team").isEmpty();

		delete("admin", "manager1");
		assertThat(kpi("supervisor1").path("away")).isEmpty();
	}

	private JsonNode kpi(String user) throws Exception {
		ResponseEntity<String> answer = http.withBasicAuth(user, Fixtures.PASSWORD).getForEntity("/api/kpi", String.class);
		assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(HttpStatus.OK);
		return JSON.readTree(answer.getBody());
	}

	private String refusal(String body) throws Exception {
		ResponseEntity<String> answer = put("manager1", "manager1", body);
		assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
		return JSON.readTree(answer.getBody()).path("message").asText();
	}

	private ResponseEntity<String> put(String user, String manager, String body) {
		return http.withBasicAuth(user, Fixtures.PASSWORD).exchange("/api/managers/{id}/away", HttpMethod.PUT,
				JsonRequests.json(body), String.class, manager);
	}

	private ResponseEntity<String> delete(String user, String manager) {
		return http.withBasicAuth(user, Fixtures.PASSWORD).exchange("/api/managers/{id}/away", HttpMethod.DELETE, null,
				String.class, manager);
	}

	private com.retentiondesk.customer.Customer customer(String customerNo) {
		return customer(customerNo, "manager1");
	}

	private com.retentiondesk.customer.Customer customer(String customerNo, String manager) {
		customers.saveAndFlush(Fixtures.customer(
				Fixtures.withLineStatus(Fixtures.prepaid(customerNo, "1.00", manager), LineStatus.SINGLE_STOP)));
		return customers.findById(customerNo).orElseThrow();
	}

	private Task callTask(RetentionCase retentionCase) {
		return tasks.createTaskQuery().processInstanceId(retentionCase.getProcessInstanceId()).singleResult();
	}

	private List<String> candidateGroups(Task task) {
		return tasks.getIdentityLinksForTask(task.getId()).stream()
				.filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
				.map(IdentityLink::getGroupId).toList();
	}
}
