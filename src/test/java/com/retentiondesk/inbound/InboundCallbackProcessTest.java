package com.retentiondesk.inbound;

import static com.retentiondesk.CaseTestKit.at;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.retentiondesk.CaseTestKit;
import com.retentiondesk.DeskTest;
import com.retentiondesk.Fixtures;
import com.retentiondesk.JsonRequests;
import com.retentiondesk.TestMail;
import com.retentiondesk.away.Away;
import com.retentiondesk.away.AwayDays;
import com.retentiondesk.casework.CaseOutcome;
import com.retentiondesk.casework.FormRejectedException;
import com.retentiondesk.casework.RetentionCase;
import com.retentiondesk.casework.RetentionCases;
import com.retentiondesk.contact.ContactAttempts;
import com.retentiondesk.contact.CompetitorReports;

/**
 * {@code POST /api/inbound/calls} and every path and timer of InboundCallbackProcess
 * (processes/inbound-callback.bpmn): the call the manager took, the call-back of a front-desk call (reached, three
 * attempts an hour apart), the result of a fault or complaint told or not, both escalations, a second call joining
 * the open case, a manager away, a retried report, and the errors bad input gets.
 */
@DeskTest
class InboundCallbackProcessTest {

	@RegisterExtension
	static GreenMailExtension mail = new GreenMailExtension(TestMail.SMTP);

	/** Wednesday 2 December 2026, 10:15: calling hours (09:00-12:00, 14:00-20:00). */
	private static final ZonedDateTime NOW = ZonedDateTime.parse("2026-12-02T10:15:00+08:00[Asia/Shanghai]");
	private static final ObjectMapper JSON = new ObjectMapper();
	/** Numbers of this class's own (the customers' service numbers end in these digits). */
	private static final AtomicInteger NUMBERS = new AtomicInteger(90310000);

	@RegisterExtension
	static final CaseTestKit kit = CaseTestKit.clockAt(NOW)
			.callTasks(InboundProcess.TASK_CALLBACK, InboundProcess.TASK_TELL_OUTCOME);

	@Autowired
	TestRestTemplate http;
	@Autowired
	InboundCalls calls;
	@Autowired
	RetentionCases cases;
	@Autowired
	ContactAttempts contacts;
	@Autowired
	CompetitorReports competitors;
	@Autowired
	TaskService taskService;
	@Autowired
	RuntimeService runtime;
	@Autowired
	AwayDays awayDays;

	@AfterEach
	void back() {
		awayDays.end("manager1");
	}

	@Test
	void shouldRecordACallTheManagerTookAndOpenNothing() throws Exception {
		String number = customer();

		JsonNode recorded = post(call(number, "MANAGER", "CONSULT"), HttpStatus.CREATED);

		assertThat(recorded.path("managerId").asText()).isEqualTo("manager1");
		assertThat(recorded.path("caseId").isNull()).isTrue();
		assertThat(recorded.path("callback").asBoolean()).isFalse();
		InboundCall row = calls.findById(recorded.path("id").asLong()).orElseThrow();
		assertThat(row.getCalledAt()).isEqualTo("2026-12-02T10:15:00");
		assertThat(row.getTakenBy()).isEqualTo(InboundCall.TakenBy.MANAGER);
		assertThat(row.getHandsetProblem()).isEqualTo("待机时间短");
		assertThat(cases.findByCustomerNoAndOpenFlag(row.getCustomerNo(), 1)).isEmpty();
	}

	@Test
	void shouldCallBackAFrontDeskCallWithinTwoCallingHoursAndEndServed() throws Exception {
		String number = customer();
		JsonNode recorded = post(call(number, "FRONT_DESK", "CONSULT"), HttpStatus.CREATED);
		ProcessInstance instance = instance(recorded);

		Task callback = kit.call(instance);
		assertThat(callback.getTaskDefinitionKey()).isEqualTo(InboundProcess.TASK_CALLBACK);
		assertThat(callback.getAssignee()).isEqualTo("manager1");
		assertThat(candidateGroups(callback)).containsExactly("team1");
		assertThat(callback.getDueDate()).as("10:15 + 1:45 until noon + 0:15 after 14:00").isEqualTo(at("2026-12-02T14:15"));
		assertThat(kit.briefOfTask(callback.getId()))
				.contains("来电: 12-02 10:15 咨询, 10000前台接听(经理未接听,需回电)")
				.contains("客户说明: 询问国际漫游资费")
				.contains("手机问题: 待机时间短");

		kit.complete(instance, Map.of(InboundProcess.CALLBACK_RESULT, "REACHED", InboundProcess.CALL_NOTES, "已解答漫游资费"));

		org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat(instance).isEnded().hasPassed(InboundProcess.END_SERVED).hasNotPassed(InboundProcess.TASK_TELL_OUTCOME);
		RetentionCase file = kit.caseOf(instance);
		assertThat(file.getOutcome()).isEqualTo(CaseOutcome.RETAINED);
		assertThat(calls.findById(recorded.path("id").asLong()).orElseThrow().getCalledBackAt())
				.isEqualTo("2026-12-02T10:15:00");
		assertThat(contacts.findByCaseIdOrderByAttemptedAt(file.getId())).singleElement()
				.satisfies(contact -> assertThat(contact.getNotes()).isEqualTo("来电回电: 已解答漫游资费"));
	}

	@Test
	void shouldTryThreeTimesAnHourApartAndEndUnreachable() throws Exception {
		ProcessInstance instance = instance(post(call(customer(), "FRONT_DESK", "BUSINESS"), HttpStatus.CREATED));

		kit.complete(instance, Map.of(InboundProcess.CALLBACK_RESULT, "UNREACHABLE"));
		org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat(instance).isWaitingAt(InboundProcess.TIMER_CALL_AGAIN);
		assertThat(job(InboundProcess.TIMER_CALL_AGAIN, instance).getDuedate()).isEqualTo(at("2026-12-02T11:15"));
		kit.moveClockTo("2026-12-02T11:15");
		execute(job(InboundProcess.TIMER_CALL_AGAIN, instance));
		assertThat(kit.call(instance).getDueDate()).as("11:15 + 0:45 until noon + 1:15 after 14:00")
				.isEqualTo(at("2026-12-02T15:15"));

		kit.complete(instance, Map.of(InboundProcess.CALLBACK_RESULT, "UNREACHABLE"));
		execute(job(InboundProcess.TIMER_CALL_AGAIN, instance));
		kit.complete(instance, Map.of(InboundProcess.CALLBACK_RESULT, "UNREACHABLE"));

		org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat(instance).isEnded().hasPassed(InboundProcess.END_UNREACHABLE);
		RetentionCase file = kit.caseOf(instance);
		assertThat(file.getOutcome()).isEqualTo(CaseOutcome.UNREACHABLE);
		assertThat(file.getOutcomeReason()).isEqualTo("回电3次未接通");
		assertThat(contacts.findByCaseIdOrderByAttemptedAt(file.getId())).hasSize(3)
				.allSatisfy(contact -> assertThat(contact.getOutcome()).isEqualTo("UNREACHABLE"));
		assertThat(calls.findByCaseIdOrderByCalledAt(file.getId())).singleElement()
				.satisfies(call -> assertThat(call.getCalledBackAt()).isNull());
	}

	@Test
	void shouldTellTheResultOfAFaultTheManagerTookByTheSecondWorkingDay() throws Exception {
		ProcessInstance instance = instance(post(call(customer(), "MANAGER", "FAULT"), HttpStatus.CREATED));

		Task tell = kit.call(instance);
		assertThat(tell.getTaskDefinitionKey()).isEqualTo(InboundProcess.TASK_TELL_OUTCOME);
		assertThat(tell.getDueDate()).as("Thursday, Friday: end of calling on Friday").isEqualTo(at("2026-12-04T20:00"));
		assertThatThrownBy(() -> kit.complete(instance, Map.of(InboundProcess.TELL_RESULT, "REACHED")))
				.isInstanceOf(FormRejectedException.class).hasMessageContaining("处理结果");

		kit.complete(instance, Map.of(InboundProcess.TELL_RESULT, "REACHED", InboundProcess.OUTCOME_TEXT, "基站已修复"));

		org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat(instance).isEnded().hasPassed(InboundProcess.END_SERVED).hasNotPassed(InboundProcess.TASK_CALLBACK);
		assertThat(contacts.findByCaseIdOrderByAttemptedAt(kit.caseOf(instance).getId())).singleElement()
				.satisfies(contact -> assertThat(contact.getNotes()).isEqualTo("告知处理结果: 基站已修复"));
	}

	@Test
	void shouldCallBackAComplaintAndCloseUnreachableWhenTheResultCannotBeTold() throws Exception {
		ProcessInstance instance = instance(post(call(customer(), "FRONT_DESK", "COMPLAINT"), HttpStatus.CREATED));

		kit.complete(instance, Map.of(InboundProcess.CALLBACK_RESULT, "REACHED", InboundProcess.CALL_NOTES, "记录投诉"));
		org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat(instance).isWaitingAt(InboundProcess.TASK_TELL_OUTCOME);
		kit.complete(instance, Map.of(InboundProcess.TELL_RESULT, "UNREACHABLE"));

		org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat(instance).isEnded().hasPassed(InboundProcess.END_NOT_TOLD);
		assertThat(kit.caseOf(instance).getOutcome()).isEqualTo(CaseOutcome.UNREACHABLE);
		assertThat(kit.caseOf(instance).getOutcomeReason()).isEqualTo("未能告知处理结果");
	}

	@Test
	void shouldEscalateAnOverdueCallbackToTheTeamsSupervisorsAndMailThem() throws Exception {
		ProcessInstance instance = instance(post(call(customer(), "FRONT_DESK", "CONSULT"), HttpStatus.CREATED));
		kit.moveClockTo("2026-12-02T14:16");

		execute(job(InboundProcess.BOUNDARY_CALLBACK_OVERDUE, instance));
		execute(job("ServiceTask_RecordEscalation", instance));

		Task review = kit.task(instance, InboundProcess.TASK_ESCALATION);
		assertThat(review.getAssignee()).isEqualTo("supervisor1");
		assertThat(candidateGroups(review)).containsExactly("team1-supervisors");
		assertThat(kit.caseOf(instance).getEscalations()).isOne();
		execute(job("ServiceTask_MailSupervisor", instance));
		assertThat(mail.getReceivedMessagesForDomain("supervisor1@retention-desk.example.cn")).singleElement()
				.satisfies(message -> assertThat(message.getSubject()).startsWith("【逾期升级】来电回电"));

		taskService.complete(review.getId(), Map.of("escalationAction", "REMINDED_MANAGER"));
		kit.complete(instance, Map.of(InboundProcess.CALLBACK_RESULT, "REACHED", InboundProcess.CALL_NOTES, "已回电"));
		org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat(instance).isEnded().hasPassed("EndEvent_EscalationHandled", InboundProcess.END_SERVED);
	}

	@Test
	void shouldEscalateAnOverdueResultToTell() throws Exception {
		ProcessInstance instance = instance(post(call(customer(), "MANAGER", "COMPLAINT"), HttpStatus.CREATED));
		kit.moveClockTo("2026-12-04T20:01");

		execute(job(InboundProcess.BOUNDARY_TELL_OUTCOME_OVERDUE, instance));
		execute(job("ServiceTask_RecordEscalation", instance));

		org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat(instance).isWaitingAt(InboundProcess.TASK_TELL_OUTCOME, InboundProcess.TASK_ESCALATION,
				"ServiceTask_MailSupervisor");
		assertThat(kit.caseOf(instance).getEscalations()).isOne();
	}

	@Test
	void shouldJoinASecondCallToTheOpenCaseAndTellTheResultOfItsFault() throws Exception {
		String number = customer();
		JsonNode first = post(call(number, "FRONT_DESK", "CONSULT"), HttpStatus.CREATED);
		Map<String, Object> second = call(number, "FRONT_DESK", "FAULT");
		second.put("at", "2026-12-02T10:40:00+08:00");
		second.put("notes", "手机无信号");
		kit.moveClockTo("2026-12-02T10:41");

		JsonNode joined = post(second, HttpStatus.CREATED);

		assertThat(joined.path("caseId").asLong()).isEqualTo(first.path("caseId").asLong());
		ProcessInstance instance = instance(first);
		Task callback = kit.call(instance);
		assertThat(taskService.getTaskComments(callback.getId())).singleElement()
				.satisfies(comment -> assertThat(comment.getFullMessage())
						.startsWith("客户再次来电: 来电: 12-02 10:40 故障申告, 10000前台接听").contains("客户说明: 手机无信号"));
		kit.complete(instance, Map.of(InboundProcess.CALLBACK_RESULT, "REACHED", InboundProcess.CALL_NOTES, "已登记故障"));
		org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat(instance).isWaitingAt(InboundProcess.TASK_TELL_OUTCOME);
		assertThat(calls.findByCaseIdOrderByCalledAt(kit.caseOf(instance).getId())).hasSize(2)
				.allSatisfy(call -> assertThat(call.getCalledBackAt()).isEqualTo("2026-12-02T10:41:00"));
	}

	@Test
	void shouldGiveTheCallbackToTheTeamWhileTheManagerIsAway() throws Exception {
		awayDays.set(new Away("manager1", LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 3), "年假"), "admin");

		ProcessInstance instance = instance(post(call(customer(), "FRONT_DESK", "CONSULT"), HttpStatus.CREATED));

		Task callback = kit.call(instance);
		assertThat(callback.getAssignee()).as("no assignee: the team's task").isNull();
		assertThat(candidateGroups(callback)).containsExactly("team1");
	}

	@Test
	void shouldAnswerARetriedReportWithTheFirstRecordAndRecordNothingTwice() throws Exception {
		String number = customer();
		Map<String, Object> body = call(number, "FRONT_DESK", "CONSULT");
		body.put("at", "2026-12-02T10:15:00");
		JsonNode first = post(body, HttpStatus.CREATED);
		body.put("at", "2026-12-02T02:15:00Z");

		JsonNode again = post(body, HttpStatus.OK);

		assertThat(again.path("duplicate").asBoolean()).isTrue();
		assertThat(again.path("id").asLong()).isEqualTo(first.path("id").asLong());
		assertThat(calls.findByCustomerNoOrderByCalledAt(first.path("customerNo").asText())).hasSize(1);
		assertThat(cases.findByCustomerNoAndOpenFlag(first.path("customerNo").asText(), 1)).hasSize(1);
	}

	@Test
	void shouldPassCompetitorNewsOnToMarketing() throws Exception {
		Map<String, Object> body = call(customer(), "MANAGER", "OTHER");
		body.put("competitorNews", "移动 预存300送手机");

		JsonNode recorded = post(body, HttpStatus.CREATED);

		assertThat(competitors.findByCustomerNo(recorded.path("customerNo").asText())).singleElement()
				.satisfies(report -> assertThat(report.getCompetitor()).isEqualTo("移动 预存300送手机"));
	}

	@Test
	void shouldRefuseBadInputAndRecordNothing() throws Exception {
		String number = customer();
		Map<String, Object> body = call(number, "FRONT_DESK", "CONSULT");
		body.remove("takenBy");
		assertThat(post(body, HttpStatus.BAD_REQUEST).path("message").asText()).startsWith("takenBy: 请填写接听方");
		body = call(number, "FRONT_DESK", "WEATHER");
		assertThat(post(body, HttpStatus.BAD_REQUEST).path("message").asText()).startsWith("topic: 格式错误");
		body = call(number, "FRONT_DESK", "CONSULT");
		body.put("at", "yesterday");
		assertThat(post(body, HttpStatus.BAD_REQUEST).path("message").asText()).startsWith("at: 来电时间格式错误");
		body.put("at", "2026-12-02T11:00:00+08:00");
		assertThat(post(body, HttpStatus.BAD_REQUEST).path("message").asText()).endsWith("晚于当前时间");
		body = call(number, "FRONT_DESK", "CONSULT");
		body.put("notes", "长".repeat(1001));
		assertThat(post(body, HttpStatus.BAD_REQUEST).path("message").asText()).isEqualTo("notes: 不能超过 1000 个字符");
		body = call("13399999999", "FRONT_DESK", "CONSULT");
		assertThat(post(body, HttpStatus.NOT_FOUND).path("message").asText()).contains("请转10000前台");
		ResponseEntity<String> manager = http.withBasicAuth("manager1", Fixtures.PASSWORD).postForEntity("/api/inbound/calls",
				JsonRequests.json(JSON.writeValueAsString(call(number, "FRONT_DESK", "CONSULT"))), String.class);
		assertThat(manager.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

		assertThat(calls.findByServiceNoAndCalledAt(number, java.time.LocalDateTime.parse("2026-12-02T10:15"))).isEmpty();
	}

	@Test
	void shouldRefuseACallbackReachedWithoutNotes() throws Exception {
		ProcessInstance instance = instance(post(call(customer(), "FRONT_DESK", "CONSULT"), HttpStatus.CREATED));

		assertThatThrownBy(() -> kit.complete(instance, Map.of())).isInstanceOf(FormRejectedException.class)
				.hasMessageContaining("回电结果");
		assertThatThrownBy(() -> kit.complete(instance, Map.of(InboundProcess.CALLBACK_RESULT, "REACHED")))
				.isInstanceOf(FormRejectedException.class).hasMessageContaining("通话记录");
		org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat(instance).isWaitingAt(InboundProcess.TASK_CALLBACK);
	}

	/** A star customer of manager1 (team1); answers their number. */
	private String customer() {
		String customerNo = "ICB" + NUMBERS.incrementAndGet();
		return kit.saveCustomer(Fixtures.postpaid(customerNo, 0, "manager1")).getServiceNo();
	}

	private static Map<String, Object> call(String number, String takenBy, String topic) {
		Map<String, Object> body = new HashMap<>();
		body.put("number", number);
		body.put("takenBy", takenBy);
		body.put("topic", topic);
		body.put("notes", "询问国际漫游资费");
		body.put("handsetProblem", "待机时间短");
		return body;
	}

	private JsonNode post(Map<String, Object> body, HttpStatus expected) throws Exception {
		ResponseEntity<String> answer = http.withBasicAuth("billing", Fixtures.PASSWORD).postForEntity("/api/inbound/calls",
				JsonRequests.json(JSON.writeValueAsString(body)), String.class);
		assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(expected);
		return JSON.readTree(answer.getBody());
	}

	private ProcessInstance instance(JsonNode recorded) {
		RetentionCase file = cases.findById(recorded.path("caseId").asLong()).orElseThrow();
		return kit.instanceOf(file);
	}

	private List<String> candidateGroups(Task task) {
		return taskService.getIdentityLinksForTask(task.getId()).stream().map(IdentityLink::getGroupId)
				.filter(g -> g != null).toList();
	}
}
