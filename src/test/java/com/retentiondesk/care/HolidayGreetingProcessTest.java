package com.retentiondesk.care;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import com.retentiondesk.CaseTestKit;
import com.retentiondesk.DeskTest;
import com.retentiondesk.Fixtures;
import com.retentiondesk.JsonRequests;
import com.retentiondesk.casework.FormRejectedException;

/**
 * HolidayGreetingProcess (processes/holiday-greeting.bpmn): the daily timer finds the holiday whose batch is
 * confirmed today (two days before, on a working day), each manager confirms, trims or skips their customers,
 * the send waits for the day before the holiday (or goes at that time for managers who did not answer); and the
 * administrators' greeting list.
 */
@DeskTest
class HolidayGreetingProcessTest {

	/** Wednesday 30 December 2026, 09:00: two days before 元旦 2027. */
	private static final ZonedDateTime NOW = ZonedDateTime.parse("2026-12-30T09:00:00+08:00[Asia/Shanghai]");
	private static final String TEXT = "新年快乐,万事如意!您的电话经理";
	private static final String OURS = "HG29";

	@RegisterExtension
	static final CaseTestKit kit = CaseTestKit.clockAt(NOW);

	@Autowired
	RuntimeService runtime;
	@Autowired
	HistoryService history;
	@Autowired
	ManagementService management;
	@Autowired
	TaskService tasks;
	@Autowired
	CareTestData data;
	@Autowired
	TestRestTemplate http;

	private static Long template;

	private long template() {
		if (template == null) {
			template = data.approved(CareKind.HOLIDAY, TEXT, LocalDate.of(2026, 12, 20), LocalDate.of(2027, 2, 28));
		}
		return template;
	}

	@Test
	void shouldLetEachManagerConfirmTrimOrSkipAndSendTheRestAtTheSendTimeToo() {
		long templateId = template();
		String kept = data.phs("HG29101", "manager1");
		String trimmed = data.phs("HG29102", "manager1");
		String skipped = data.cdma("HG29103", "manager2");
		String unanswered = data.phs("HG29104", "manager5");

		ProcessInstance run = fireTimer();

		assertThat(variable(run, CareProcess.BATCH_DUE)).isEqualTo(true);
		assertThat(variable(run, CareProcess.BATCH_TITLE)).isEqualTo("元旦问候 2027-01-01");
		assertThat(variable(run, CareProcess.SEND_AT)).isEqualTo(CaseTestKit.at("2026-12-31T10:00"));
		Task first = confirmTask(run, "manager1");
		assertThat(first.getDueDate()).isEqualTo(CaseTestKit.at("2026-12-31T10:00"));
		assertThat(tasks.getIdentityLinksForTask(first.getId())).extracting(IdentityLink::getGroupId).contains("team1");
		assertThat(tasks.getVariable(first.getId(), CareProcess.BATCH_SUMMARY).toString())
				.contains("测试客户HG29101(HG29101,", "测试客户HG29102(HG29102,");
		assertThatThrownBy(() -> tasks.complete(first.getId(), Map.of(CareProcess.SEND, true, CareProcess.EXCLUDED, "HG29103")))
				.isInstanceOf(FormRejectedException.class).hasMessageContaining("不在你本批次名单里的客户编号: HG29103");
		assertThatThrownBy(() -> tasks.complete(first.getId(), Map.of()))
				.isInstanceOf(FormRejectedException.class).hasMessageContaining("是否发送");

		tasks.complete(first.getId(), Map.of(CareProcess.SEND, true, CareProcess.EXCLUDED, "HG29102\n"));
		Task second = confirmTask(run, "manager2");
		assertThat(tasks.getVariable(second.getId(), CareProcess.SEND)).as("manager1's answer stays with their task").isNull();
		tasks.complete(second.getId(), Map.of(CareProcess.SEND, false, CareProcess.CONFIRM_NOTE, "公司已发过"));
		long batchId = ((Number) variable(run, CareProcess.BATCH_ID)).longValue();
		assertThat(data.recipientStates(batchId, OURS)).containsEntry("SELECTED", 2).containsEntry("TRIMMED", 1)
				.containsEntry("SKIPPED", 1);
		assertThat(data.outbox(kept)).as("nothing before the send time").isEmpty();

		kit.moveClockTo("2026-12-31T10:00");
		data.runJobs(run.getId());

		assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(run.getId())
				.activityId(CareProcess.BOUNDARY_HOLIDAY_SEND_TIME).count()).as("manager5 did not answer").isOne();
		assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(run.getId())
				.activityId(CareProcess.END_HOLIDAY_SENT).count()).isOne();
		for (String sent : List.of(kept, unanswered)) {
			assertThat(data.outbox(sent)).singleElement().satisfies(row -> assertThat(row)
					.containsEntry("MESSAGE_KEY", "care:HOLIDAY-2027-01-01:" + sent).containsEntry("STATUS", "SENT")
					.containsEntry("BODY", TEXT + "回复TD退订"));
			assertThat(data.smsContacts(sent)).singleElement().satisfies(row -> assertThat(row)
					.containsEntry("NOTES", "节日问候短信(模板#" + templateId + ",批次 HOLIDAY-2027-01-01)"));
		}
		assertThat(data.outbox(trimmed)).isEmpty();
		assertThat(data.outbox(skipped)).isEmpty();
	}

	@Test
	void shouldWaitForTheSendTimeWhenEveryManagerConfirmedEarly() {
		template();
		// Thursday 4 February 2027: 春节 is Saturday 6 February, its eve a holiday
		kit.moveClockTo("2027-02-04T09:00");
		String customer = data.phs("HG29201", "manager3");

		ProcessInstance run = fireTimer();
		assertThat(variable(run, CareProcess.SEND_AT)).isEqualTo(CaseTestKit.at("2027-02-05T10:00"));
		for (Task task : tasks.createTaskQuery().processInstanceId(run.getId()).list()) {
			tasks.complete(task.getId(), Map.of(CareProcess.SEND, true));
		}

		assertThat(runtime.createExecutionQuery().processInstanceId(run.getId())
				.activityId(CareProcess.TIMER_HOLIDAY_SEND).count()).as("waiting for the day before the holiday").isOne();
		data.runJobs(run.getId());
		assertThat(data.outbox(customer)).as("not before 5 February 10:00").isEmpty();

		kit.moveClockTo("2027-02-05T10:00");
		data.runJobs(run.getId());
		assertThat(data.outbox(customer)).singleElement()
				.satisfies(row -> assertThat(row).containsEntry("MESSAGE_KEY", "care:HOLIDAY-2027-02-06:" + customer));
	}

	@Test
	void shouldPrepareNothingOnOtherDaysOrWithoutAnApprovedTemplate() {
		template();
		kit.moveClockTo("2027-01-13T09:00");
		ProcessInstance nothingDue = fireTimer();
		assertThat(variable(nothingDue, CareProcess.BATCH_DUE)).isEqualTo(false);
		assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(nothingDue.getId())
				.activityId(CareProcess.END_NO_HOLIDAY).count()).isOne();

		// by hand for 清明节 2027: no holiday template valid on 5 April
		ProcessInstance noTemplate = runtime.startProcessInstanceByKey(CareProcess.HOLIDAY_KEY,
				Map.of(CareProcess.HOLIDAY_DATE, "2027-04-05"));
		data.runJobs(noTemplate.getId());
		assertThat(variable(noTemplate, CareProcess.SKIP_REASON).toString())
				.isEqualTo("清明节(2027-04-05):没有已批准且在节日当天有效的节日问候短信模板");
	}

	@Test
	void shouldShowEveryManagerTheListAndLetOnlyAdministratorsReplaceIt() {
		ResponseEntity<Map> list = http.withBasicAuth("manager1", Fixtures.PASSWORD)
				.getForEntity("/api/care/holidays/2027", Map.class);
		assertThat(list.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(list.getBody().get("holidays").toString()).contains("name=春节, date=2027-02-06", "name=元宵节, date=2027-02-20",
				"name=端午节, date=2027-06-09", "name=中秋节, date=2027-09-15");

		String body = "[{\"name\":\"元旦\",\"date\":\"2045-01-01\"},{\"name\":\"春节\",\"date\":\"2045-02-17\"}]";
		assertThat(put("manager1", 2045, body).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		ResponseEntity<Map> replaced = put("admin", 2045, body);
		assertThat(replaced.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat((List<?>) replaced.getBody().get("holidays")).hasSize(2);
		assertThat(put("admin", 2045, "[{\"name\":\"春节\",\"date\":\"2046-02-06\"}]").getBody().toString())
				.contains("[0].date: 日期 2046-02-06 不在 2045 年内");
		assertThat(put("admin", 2045, "[{\"name\":\" \",\"date\":\"2045-02-06\"}]").getBody().toString())
				.contains("[0].name: 请填写节日名称");
	}

	private ResponseEntity<Map> put(String user, int year, String body) {
		return http.withBasicAuth(user, Fixtures.PASSWORD).exchange("/api/admin/care/holidays/" + year, HttpMethod.PUT,
				JsonRequests.json(body), Map.class);
	}

	/** Fires the daily timer, runs the preparation and keeps only this class's customers in the batch. */
	private ProcessInstance fireTimer() {
		Job timer = management.createJobQuery().processDefinitionKey(CareProcess.HOLIDAY_KEY).timers()
				.activityId(CareProcess.START_HOLIDAY).singleResult();
		assertThat(timer).as("the daily timer of the holiday greeting").isNotNull();
		List<String> before = runtime.createProcessInstanceQuery().processDefinitionKey(CareProcess.HOLIDAY_KEY).list()
				.stream().map(ProcessInstance::getId).toList();
		management.executeJob(timer.getId());
		ProcessInstance started = runtime.createProcessInstanceQuery().processDefinitionKey(CareProcess.HOLIDAY_KEY)
				.list().stream().filter(instance -> !before.contains(instance.getId())).findFirst().orElseThrow();
		data.runJob(started.getId());
		HistoricVariableInstance batchId = history.createHistoricVariableInstanceQuery().processInstanceId(started.getId())
				.variableName(CareProcess.BATCH_ID).singleResult();
		if (batchId != null) {
			data.onlyOurs(((Number) batchId.getValue()).longValue(), OURS);
			// the other classes' managers have nothing left to confirm
			for (Task task : tasks.createTaskQuery().processInstanceId(started.getId()).list()) {
				String manager = (String) tasks.getVariable(task.getId(), CareProcess.MANAGER_ID);
				if (!List.of("manager1", "manager2", "manager3", "manager5").contains(manager)) {
					tasks.complete(task.getId(), Map.of(CareProcess.SEND, false));
				}
			}
		}
		return started;
	}

	private Task confirmTask(ProcessInstance run, String manager) {
		return tasks.createTaskQuery().processInstanceId(run.getId()).taskAssignee(manager).singleResult();
	}

	private Object variable(ProcessInstance instance, String name) {
		return history.createHistoricVariableInstanceQuery().processInstanceId(instance.getId()).variableName(name)
				.singleResult().getValue();
	}
}
