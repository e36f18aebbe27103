package com.retentiondesk.casework;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import com.retentiondesk.DeskTest;
import com.retentiondesk.Fixtures;
import com.retentiondesk.arrears.ArrearsCases;
import com.retentiondesk.customer.Customers;

/** A rejected form answers 400 with our Chinese message alone, not a 500 behind the engine's English prefix. */
@DeskTest
class FormRejectionAnswersTest {

	private static final Map<String, Object> REACHED_WITHOUT_CHANNEL = Map.of("variables",
			Map.of("callOutcome", Map.of("value", "REACHED", "type", "String")));

	@Autowired
	TestRestTemplate http;
	@Autowired
	ArrearsCases arrears;
	@Autowired
	Customers customers;
	@Autowired
	TaskService tasks;

	@Test
	void shouldAnswerARejectedFormSubmissionWithOurMessageOnly() {
		String taskId = openCall("FRA001");

		ResponseEntity<Map> submit = http.withBasicAuth("manager1", Fixtures.PASSWORD)
				.postForEntity("/engine-rest/task/" + taskId + "/submit-form", REACHED_WITHOUT_CHANNEL, Map.class);
		ResponseEntity<Map> complete = http.withBasicAuth("manager1", Fixtures.PASSWORD)
				.postForEntity("/engine-rest/task/" + taskId + "/complete", REACHED_WITHOUT_CHANNEL, Map.class);

		assertThat(submit.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(submit.getBody().get("message")).isEqualTo("表单有误: 已接通时请选择“建议的缴费渠道”");
		assertThat(complete.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(complete.getBody().get("message")).isEqualTo("表单有误: 已接通时请选择“建议的缴费渠道”");
		assertThat(tasks.createTaskQuery().taskId(taskId).count()).isEqualTo(1);
	}

	@Test
	void shouldLeaveOtherAnswersAsTheEngineWordsThem() {
		// a task the caller cannot see is answered before the engine (tasklist.TaskAccess): a value the engine
		// cannot read is an answer of the engine's own
		String taskId = openCall("FRA002");
		ResponseEntity<Map> unreadable = http.withBasicAuth("manager1", Fixtures.PASSWORD).postForEntity(
				"/engine-rest/task/" + taskId + "/submit-form",
				Map.of("variables", Map.of("callOutcome", Map.of("value", "x", "type", "Integer"))), Map.class);

		assertThat((String) unreadable.getBody().get("message")).startsWith("Cannot submit task form " + taskId + ": ");
		assertThat(new FormRejectionAnswers().withoutEnginePrefix(
				"{\"message\":\"Cannot submit task form 1: Cannot find task with id 1\"}".getBytes(StandardCharsets.UTF_8)))
				.isNull();
	}

	private String openCall(String customerNo) {
		customers.saveAndFlush(Fixtures.customer(Fixtures.prepaid(customerNo, "1.00", "manager1")));
		String instance = arrears.open(customers.findById(customerNo).orElseThrow()).getProcessInstanceId();
		return tasks.createTaskQuery().processInstanceId(instance).singleResult().getId();
	}
}
