package com.retentiondesk.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.retentiondesk.CaseTestKit;
import com.retentiondesk.DeskTest;
import com.retentiondesk.Fixtures;
import com.retentiondesk.TestMail;
import com.retentiondesk.arrears.ArrearsCases;
import com.retentiondesk.arrears.ArrearsProcess;

/**
 * Administrators deploy a changed process at runtime and move running cases to it. The v2 deployed
 * here is deleted again afterwards, so the other test classes keep starting v1. (A Spring context of
 * its own is no way out: the engine REST API finds its engine in Camunda's static registry, so two
 * contexts in one JVM would share one engine's API.) The test profile points the migration mappings
 * at src/test/resources/migration/test-mappings.json.
 */
@DeskTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdministrationTest {

	@RegisterExtension
	static GreenMailExtension mail = new GreenMailExtension(TestMail.SMTP);

	private static final ZonedDateTime NOW = ZonedDateTime.parse("2026-11-25T09:00:00+08:00[Asia/Shanghai]");

	@RegisterExtension
	static final CaseTestKit kit = CaseTestKit.clockAt(NOW);

	@Autowired
	ProcessEngine engine;
	@Autowired
	RepositoryService repository;
	@Autowired
	TaskService tasks;
	@Autowired
	ArrearsCases arrears;
	@Autowired
	TestRestTemplate http;

	private static ProcessInstance atCall;
	private static ProcessInstance atTimer;
	private static ProcessInstance escalated;
	private static Date timerDue;

	@AfterAll
	void removeVersionTwo() {
		repository.createDeploymentQuery().deploymentName("arrears-v2").list()
				.forEach(d -> repository.deleteDeployment(d.getId(), true));
	}

	@Test
	@Order(1)
	void shouldRejectBrokenModelsWithTheEnginesMessageAndChangeNothing() throws IOException {
		long deployments = repository.createDeploymentQuery().count();
		String v1 = Files.readString(Path.of("processes/arrears-reminder.bpmn"));

		ResponseEntity<Map> unparsable = deploy("admin", "broken", Map.of("broken.bpmn", "<definitions"));
		ResponseEntity<Map> noTtl = deploy("admin", "no-ttl",
				Map.of("arrears-reminder.bpmn", v1.replace("camunda:historyTimeToLive=\"P180D\"", "")));
		ResponseEntity<Map> unknownBean = deploy("admin", "unknown-delegate",
				Map.of("arrears-reminder.bpmn", v1.replace("${arrearsAutoReminder}", "${noSuchReminder}")));

		assertThat(unparsable.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat((String) unparsable.getBody().get("message")).contains("broken.bpmn").contains("XML");
		assertThat(noTtl.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat((String) noTtl.getBody().get("message")).contains("History Time To Live");
		assertThat(unknownBean.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat((String) unknownBean.getBody().get("message")).contains("noSuchReminder")
				.contains("ServiceTask_SendAutoReminder");
		assertThat(repository.createDeploymentQuery().count()).isEqualTo(deployments);
	}

	@Test
	@Order(2)
	void shouldLetOnlyAdministratorsDeployAVersionTwoWithItsForms() throws IOException {
		startV1Cases();

		ResponseEntity<Map> byManager = deploy("manager1", "arrears-v2", v2Resources());
		ResponseEntity<Map> byAdmin = deploy("admin", "arrears-v2", v2Resources());

		assertThat(byManager.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(byAdmin.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(repository.createProcessDefinitionQuery().processDefinitionKey(ArrearsProcess.PROCESS_KEY)
				.latestVersion().singleResult().getVersion()).isEqualTo(2);
	}

	@Test
	@Order(3)
	void shouldKeepTheRuntimeDeploymentAcrossARestart() {
		long deployments = repository.createDeploymentQuery().count();

		// what a restart does: deploy the classpath resources, which have not changed
		new com.retentiondesk.system.ClasspathDeploymentProbe().redeploy(engine);

		assertThat(repository.createDeploymentQuery().count()).isEqualTo(deployments);
		assertThat(repository.createProcessDefinitionQuery().processDefinitionKey(ArrearsProcess.PROCESS_KEY)
				.latestVersion().singleResult().getVersion()).isEqualTo(2);
	}

	@Test
	@Order(4)
	void shouldReportADryRunAndChangeNothing() {
		ResponseEntity<Map> answer = migrate("{\"processKey\":\"ArrearsReminderProcess\",\"fromVersion\":1,\"dryRun\":true}");

		assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(answer.getBody()).containsEntry("toVersion", 2).containsEntry("dryRun", true);
		List<Map<String, Object>> results = (List<Map<String, Object>>) answer.getBody().get("results");
		assertThat(results).filteredOn(r -> r.get("processInstanceId").equals(atCall.getId())
				|| r.get("processInstanceId").equals(atTimer.getId())).hasSize(2)
				.allSatisfy(r -> assertThat(r).containsEntry("migrated", true));
		assertThat(results).filteredOn(r -> r.get("processInstanceId").equals(escalated.getId())).singleElement()
				.satisfies(r -> {
					assertThat(r).containsEntry("migrated", false);
					assertThat((String) r.get("reason")).contains("Task_EscalationReview");
				});
		assertThat(versionOf(atCall)).isEqualTo(1);
		assertThat(versionOf(atTimer)).isEqualTo(1);
	}

	@Test
	@Order(5)
	void shouldMoveTheCasesThatCanMoveAndKeepTheTimersDueDate() {
		ResponseEntity<Map> answer = migrate("{\"processKey\":\"ArrearsReminderProcess\",\"fromVersion\":1,\"dryRun\":false}");

		assertThat((Integer) answer.getBody().get("migrated")).isGreaterThanOrEqualTo(2);
		assertThat(versionOf(atCall)).isEqualTo(2);
		assertThat(versionOf(atTimer)).isEqualTo(2);
		assertThat(versionOf(escalated)).isEqualTo(1);
		Job timer = job("TimerEvent_PaymentFollowUpDue", atTimer);
		assertThat(timer.getDuedate()).isEqualTo(timerDue);

		execute(timer);
		BpmnAwareTests.assertThat(atTimer).isWaitingAt(ArrearsProcess.TASK_SECOND_CALL);
		assertThat(tasks.createTaskQuery().processInstanceId(atTimer.getId()).singleResult().getName())
				.isEqualTo("二次欠费提醒电话(新版)");
		tasks.complete(tasks.createTaskQuery().processInstanceId(atCall.getId()).singleResult().getId(),
				Map.of("callOutcome", "NOT_REACHED"));
		BpmnAwareTests.assertThat(atCall).isWaitingAt("TimerEvent_PaymentFollowUpDue");
	}

	@Test
	@Order(6)
	void shouldAnswerUnknownVersionsAndRefuseManagers() {
		assertThat(migrate("{\"processKey\":\"ArrearsReminderProcess\",\"fromVersion\":9}").getStatusCode())
				.isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(migrate("{\"fromVersion\":1}").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		assertThat(http.withBasicAuth("supervisor1", Fixtures.PASSWORD).postForEntity("/api/admin/migrations",
				new HttpEntity<>("{\"processKey\":\"ArrearsReminderProcess\",\"fromVersion\":1}", headers), Map.class)
				.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
	}

	private void startV1Cases() {
		atCall = open("ADM01");
		atTimer = open("ADM02");
		tasks.complete(tasks.createTaskQuery().processInstanceId(atTimer.getId()).singleResult().getId(),
				Map.of("callOutcome", "NOT_REACHED"));
		timerDue = job(ArrearsProcess.TIMER_FOLLOW_UP, atTimer).getDuedate();
		escalated = open("ADM03");
		kit.moveClockTo(NOW.withHour(20).withMinute(30));
		execute(job(ArrearsProcess.BOUNDARY_FIRST_CALL_OVERDUE, escalated));
		execute(job(ArrearsProcess.SERVICE_RECORD_ESCALATION, escalated));
		kit.moveClockTo(NOW);
	}

	private ProcessInstance open(String customerNo) {
		return kit.instanceOf(arrears.open(kit.saveCustomer(Fixtures.prepaid(customerNo, "5.00", "manager1"))));
	}

	private int versionOf(ProcessInstance instance) {
		String definitionId = engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(instance.getId())
				.singleResult().getProcessDefinitionId();
		return repository.getProcessDefinition(definitionId).getVersion();
	}

	/** v2: the follow-up timer and the supervisor task got new ids, the second call a new name. */
	private static Map<String, String> v2Resources() throws IOException {
		String v2 = Files.readString(Path.of("processes/arrears-reminder.bpmn"))
				.replace("TimerEvent_FollowUpDue", "TimerEvent_PaymentFollowUpDue")
				.replace("Task_EscalationReview", "Task_EscalationSupervisorReview")
				.replace("name=\"二次欠费提醒电话\"", "name=\"二次欠费提醒电话(新版)\"");
		return Map.of("arrears-reminder.bpmn", v2,
				"arrears-call.form", Files.readString(Path.of("forms/arrears-call.form")),
				"escalation-review.form", Files.readString(Path.of("forms/escalation-review.form")));
	}

	private ResponseEntity<Map> deploy(String user, String name, Map<String, String> resources) {
		MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
		parts.add("deployment-name", name);
		parts.add("deployment-source", "administration test");
		resources.forEach((file, content) -> parts.add(file, new ByteArrayResource(content.getBytes(StandardCharsets.UTF_8)) {
			@Override
			public String getFilename() {
				return file;
			}
		}));
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.MULTIPART_FORM_DATA);
		return http.withBasicAuth(user, Fixtures.PASSWORD).postForEntity("/engine-rest/deployment/create",
				new HttpEntity<>(parts, headers), Map.class);
	}

	private ResponseEntity<Map> migrate(String json) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		return http.withBasicAuth("admin", Fixtures.PASSWORD).postForEntity("/api/admin/migrations",
				new HttpEntity<>(json, headers), Map.class);
	}
}
