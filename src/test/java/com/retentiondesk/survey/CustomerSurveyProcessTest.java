package com.retentiondesk.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;

import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import com.retentiondesk.CaseTestKit;
import com.retentiondesk.DeskTest;
import com.retentiondesk.Fixtures;
import com.retentiondesk.arrears.ArrearsCases;
import com.retentiondesk.arrears.ArrearsProcess;
import com.retentiondesk.casework.FormRejectedException;
import com.retentiondesk.customer.Customer;

/**
 * CustomerSurveyProcess (processes/customer-survey.bpmn): a sampled customer's survey by 10000's
 * surveyors, its stored answer, the supervisor's review of a low score, the form's server-side rules and
 * who sees the tasks.
 */
@DeskTest
class CustomerSurveyProcessTest {

	private static final ZonedDateTime NOW = ZonedDateTime.parse("2026-12-01T09:00:00+08:00[Asia/Shanghai]");

	@RegisterExtension
	static final CaseTestKit kit = CaseTestKit.clockAt(NOW).customersNumbered("CSV");

	@Autowired
	RuntimeService runtime;
	@Autowired
	TaskService tasks;
	@Autowired
	SurveyResponses responses;
	@Autowired
	ArrearsCases arrears;
	@Autowired
	TestRestTemplate http;

	@Test
	void shouldStoreAGoodScoreAndEnd() {
		ProcessInstance survey = openSurvey("manager1");

		complete(survey, Map.of("reached", true, "score", 4L, "comment", "  王经理很耐心  "));
		record(survey);

		assertThat(survey).isEnded().hasPassed(SurveyProcess.TASK_SURVEY, SurveyProcess.SERVICE_RECORD,
				SurveyProcess.END_SURVEYED).hasNotPassed(SurveyProcess.TASK_REVIEW_LOW_SCORE);
		SurveyResponse answer = responses.findByCustomerNoAndSurveyMonth(survey.getBusinessKey(), "2026-11").orElseThrow();
		assertThat(answer.isReached()).isTrue();
		assertThat(answer.getScore()).isEqualTo(4);
		assertThat(answer.getComment()).isEqualTo("王经理很耐心");
		assertThat(answer.getManagerId()).isEqualTo("manager1");
		assertThat(answer.getAnsweredAt()).isEqualTo(NOW.toLocalDateTime());
	}

	@Test
	void shouldStoreAnUnreachedCustomerWithoutScore() {
		ProcessInstance survey = openSurvey("manager2");

		complete(survey, Map.of("reached", false));
		record(survey);

		assertThat(survey).isEnded().hasPassed(SurveyProcess.END_SURVEYED);
		SurveyResponse answer = responses.findByCustomerNoAndSurveyMonth(survey.getBusinessKey(), "2026-11").orElseThrow();
		assertThat(answer.isReached()).isFalse();
		assertThat(answer.getScore()).isNull();
	}

	@Test
	void shouldGiveALowScoreToTheManagersSupervisor() {
		ProcessInstance survey = openSurvey("manager1");

		complete(survey, Map.of("reached", true, "score", 2L, "comment", "电话太多"));
		record(survey);

		Task review = kit.task(survey, SurveyProcess.TASK_REVIEW_LOW_SCORE);
		assertThat(review).as("2 is low").isNotNull();
		assertThat(review.getAssignee()).as("team1's supervisor").isEqualTo("supervisor1");
		assertThatThrownBy(() -> tasks.complete(review.getId(), Map.of("reviewNotes", " ")))
				.isInstanceOf(FormRejectedException.class).hasMessage("表单有误: 请填写“处理说明”");

		tasks.complete(review.getId(), Map.of("reviewNotes", "已与王芳沟通,减少打扰"));

		assertThat(survey).isEnded().hasPassed(SurveyProcess.TASK_REVIEW_LOW_SCORE, SurveyProcess.END_REVIEWED);
		assertThat(responses.findByCustomerNoAndSurveyMonth(survey.getBusinessKey(), "2026-11").orElseThrow().getScore())
				.isEqualTo(2);
	}

	@Test
	void shouldGiveTeam2sLowScoresToItsSupervisor() {
		ProcessInstance survey = openSurvey("manager6");

		complete(survey, Map.of("reached", true, "score", "1"));
		record(survey);

		assertThat(kit.task(survey, SurveyProcess.TASK_REVIEW_LOW_SCORE).getAssignee()).isEqualTo("supervisor2");
	}

	@Test
	void shouldStoreTheAnswerOnceWhenTheRecordingIsRetried() {
		ProcessInstance survey = openSurvey("manager3");
		complete(survey, Map.of("reached", true, "score", 5L));
		responses.saveAndFlush(new SurveyResponse(survey.getBusinessKey(), "manager3", "2026-11", true, 5, null,
				NOW.toLocalDateTime()));

		record(survey);

		assertThat(survey).isEnded();
		assertThat(responses.findAll().stream().filter(r -> r.getCustomerNo().equals(survey.getBusinessKey()))).hasSize(1);
	}

	@Test
	void shouldRejectSurveyFormsWithChineseMessages() {
		ProcessInstance survey = openSurvey("manager4");
		String task = kit.task(survey, SurveyProcess.TASK_SURVEY).getId();

		assertRejected(task, Map.of(), "请填写“是否接通”");
		assertRejected(task, Map.of("reached", "maybe"), "“是否接通”的值无效: maybe");
		assertRejected(task, Map.of("reached", true), "客户已接通,请填写“满意度评分”(1-5分)");
		assertRejected(task, Map.of("reached", true, "score", 6L), "“满意度评分”须为1到5的整数: 6");
		assertRejected(task, Map.of("reached", true, "score", 0L), "“满意度评分”须为1到5的整数: 0");
		assertRejected(task, Map.of("reached", true, "score", 2.5), "“满意度评分”须为1到5的整数: 2.5");
		assertRejected(task, Map.of("reached", true, "score", "很好"), "“满意度评分”须为1到5的整数: 很好");
		assertRejected(task, Map.of("reached", false, "score", 3L), "客户未接通,不能填写“满意度评分”");
		assertRejected(task, Map.of("reached", true, "score", 3L, "comment", "好".repeat(1001)), "“客户意见”不能超过1000个字");

		tasks.complete(task, Map.of("reached", true, "score", 3.0, "comment", "好".repeat(1000)));
		record(survey);
		assertThat(survey).isEnded().hasPassed(SurveyProcess.END_SURVEYED);
	}

	@Test
	void shouldShowSurveyorsTheSurveyTaskOnlyAndManagersNone() {
		ProcessInstance survey = openSurvey("manager1");
		String surveyTask = kit.task(survey, SurveyProcess.TASK_SURVEY).getId();
		Customer caseCustomer = kit.saveCustomer(Fixtures.postpaid(kit.newCustomerNo(), 2, "manager1"));
		String callTask = tasks.createTaskQuery()
				.processInstanceId(arrears.open(caseCustomer).getProcessInstanceId())
				.taskDefinitionKey(ArrearsProcess.TASK_FIRST_CALL).singleResult().getId();

		List<String> surveyorSees = taskIdsSeenBy("surveyor1");
		assertThat(surveyorSees).contains(surveyTask).doesNotContain(callTask);
		assertThat(taskIdsSeenBy("surveyor1").stream().map(id -> tasks.createTaskQuery().taskId(id).singleResult()
				.getTaskDefinitionKey()).distinct()).containsOnly(SurveyProcess.TASK_SURVEY);
		assertThat(taskIdsSeenBy("manager1")).contains(callTask).doesNotContain(surveyTask);
		assertThat(taskIdsSeenBy("manager2")).doesNotContain(surveyTask);
		assertThat(taskIdsSeenBy("supervisor1")).doesNotContain(surveyTask);

		// what the surveyor's form reads: the customer's name and numbers, nothing of a case
		ResponseEntity<Map> form = http.withBasicAuth("surveyor1", Fixtures.PASSWORD)
				.getForEntity("/engine-rest/task/" + surveyTask + "/form-variables", Map.class);
		assertThat(form.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(form.getBody()).doesNotContainKeys("caseBrief", "caseId", "teamGroup")
				.containsKeys("customerName", "serviceNo", "surveyCustomer");
		assertThat(http.withBasicAuth("surveyor1", Fixtures.PASSWORD)
				.getForEntity("/engine-rest/task/" + callTask + "/form-variables", Map.class).getStatusCode())
				.isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND);

		tasks.complete(surveyTask, Map.of("reached", false));
		record(survey);
	}

	@SuppressWarnings("unchecked")
	private List<String> taskIdsSeenBy(String user) {
		ResponseEntity<List> seen = http.withBasicAuth(user, Fixtures.PASSWORD)
				.getForEntity("/engine-rest/task?maxResults=10000", List.class);
		assertThat(seen.getStatusCode()).isEqualTo(HttpStatus.OK);
		return ((List<Map<String, Object>>) seen.getBody()).stream().map(task -> (String) task.get("id")).toList();
	}

	private void assertRejected(String taskId, Map<String, Object> form, String message) {
		assertThatThrownBy(() -> tasks.complete(taskId, form)).isInstanceOf(FormRejectedException.class)
				.hasMessage("表单有误: " + message);
	}

	/** A survey of a new customer of the manager for November 2026, as the sampling opens it. */
	private ProcessInstance openSurvey(String managerId) {
		Customer customer = kit.saveCustomer(Fixtures.postpaid(kit.newCustomerNo(), 0, managerId));
		Map<String, Object> variables = new HashMap<>();
		variables.put(SurveyProcess.CUSTOMER_NO, customer.getCustomerNo());
		variables.put(SurveyProcess.CUSTOMER_NAME, customer.getName());
		variables.put(SurveyProcess.SERVICE_NO, customer.getServiceNo());
		variables.put(SurveyProcess.MANAGER_ID, managerId);
		variables.put(SurveyProcess.SURVEY_MONTH, "2026-11");
		variables.put(SurveyProcess.SURVEY_DUE, CaseTestKit.at("2026-12-10T20:00"));
		variables.put(SurveyProcess.SURVEY_CUSTOMER, customer.getName());
		ProcessInstance instance = runtime.startProcessInstanceByKey(SurveyProcess.CUSTOMER_PROCESS_KEY,
				customer.getCustomerNo(), variables);
		assertThat(instance).isWaitingAt(SurveyProcess.TASK_SURVEY);
		return instance;
	}

	private void complete(ProcessInstance survey, Map<String, Object> form) {
		tasks.complete(kit.task(survey, SurveyProcess.TASK_SURVEY).getId(), form);
	}

	private void record(ProcessInstance survey) {
		execute(job(SurveyProcess.SERVICE_RECORD, survey));
	}
}
