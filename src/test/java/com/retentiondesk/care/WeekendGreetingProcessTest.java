package com.retentiondesk.care;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.retentiondesk.CaseTestKit;
import com.retentiondesk.DeskTest;
import com.retentiondesk.RecordingSmsGateway;

/**
 * WeekendGreetingProcess (processes/weekend-greeting.bpmn): its Friday timer, the days it sends nothing, the
 * audience (star customers with a 小灵通 number who did not opt out), team by team, and the batch's exactly-once
 * sending when it runs again after a crash.
 */
@DeskTest
class WeekendGreetingProcessTest {

	/** Friday 4 December 2026, 09:30: a working Friday, no holiday greeting in the week. */
	private static final ZonedDateTime NOW = ZonedDateTime.parse("2026-12-04T09:30:00+08:00[Asia/Shanghai]");
	private static final String TEXT = "周末愉快!天气转凉,注意添衣。您的电话经理";

	@RegisterExtension
	static final CaseTestKit kit = CaseTestKit.clockAt(NOW);

	@Autowired
	RuntimeService runtime;
	@Autowired
	HistoryService history;
	@Autowired
	ManagementService management;
	@Autowired
	CareTestData data;
	@Autowired
	CareSender sender;
	@Autowired
	RecordingSmsGateway gateway;
	@Autowired
	JdbcTemplate jdbc;

	private static Long template;

	private long template() {
		if (template == null) {
			template = data.approved(CareKind.WEEKEND, TEXT, LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 31));
		}
		return template;
	}

	@Test
	void shouldSendTheWeekendTemplateOnAWorkingFridayToStarPhsCustomersTeamByTeamOnceEach() {
		long templateId = template();
		String team1a = data.phs("WK27101", "manager1");
		String team1b = data.phs("WK27102", "manager2");
		String team2 = data.phs("WK27103", "manager5");
		String cdma = data.cdma("WK27104", "manager1");
		String noStar = data.noStar("WK27105", "manager1");
		String optedOut = data.optedOut("WK27106", "manager1");

		ProcessInstance run = fireTimer();

		assertThat(variable(run, CareProcess.BATCH_DUE)).isEqualTo(true);
		long batchId = ((Number) variable(run, CareProcess.BATCH_ID)).longValue();
		assertThat(data.recipientStates(batchId, "WK2710")).containsExactly(Map.entry("DONE", 3));
		assertThat(variable(run, CareProcess.SENT_COUNT)).isEqualTo(3);
		assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(run.getId())
				.activityId(CareProcess.END_WEEKEND_SENT).count()).isOne();
		assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(run.getId())
				.activityId(CareProcess.SERVICE_SEND_TEAM).count()).as("one job per team").isGreaterThanOrEqualTo(2);
		for (String customer : List.of(team1a, team1b, team2)) {
			assertThat(gateway.sentTo(data.phoneOf(customer))).singleElement()
					.satisfies(sms -> assertThat(sms.text()).isEqualTo(TEXT + "回复TD退订"));
			assertThat(data.outbox(customer)).singleElement().satisfies(row -> {
				assertThat(row).containsEntry("MESSAGE_KEY", "care:WEEKEND-2026-12-04:" + customer)
						.containsEntry("STATUS", "SENT");
			});
			assertThat(data.smsContacts(customer)).singleElement().satisfies(row -> assertThat(row)
					.containsEntry("OUTCOME", "SENT")
					.containsEntry("NOTES", "周末问候短信(模板#" + templateId + ",批次 WEEKEND-2026-12-04)"));
		}
		for (String customer : List.of(cdma, noStar, optedOut)) {
			assertThat(gateway.sentTo(data.phoneOf(customer))).as(customer).isEmpty();
			assertThat(data.outbox(customer)).as(customer).isEmpty();
		}
		Long first = jdbc.queryForObject("select id from outbox_message where message_key = ?", Long.class,
				"care:WEEKEND-2026-12-04:" + team2);
		Long second = jdbc.queryForObject("select id from outbox_message where message_key = ?", Long.class,
				"care:WEEKEND-2026-12-04:" + team1b);
		assertThat(second).as("team1 before team2").isLessThan(first);

		ProcessInstance again = startByHand(Map.of(CareProcess.FORCE, true));
		assertThat(variable(again, CareProcess.BATCH_DUE)).as("the Friday's batch exists: not prepared twice")
				.isEqualTo(false);
		assertThat(gateway.sentTo(data.phoneOf(team1a))).hasSize(1);
	}

	@Test
	void shouldNeverSendTwiceWhenTheSendRunsAgainAfterACrash() {
		template();
		kit.moveClockTo("2026-12-11T09:30");
		String sentBefore = data.phs("WK27201", "manager3");
		String inFlight = data.phs("WK27202", "manager3");
		String notYet = data.phs("WK27203", "manager3");
		ProcessInstance run = startByHand(Map.of());
		long batchId = ((Number) variable(run, CareProcess.BATCH_ID)).longValue();
		CareBatches.Batch batch = new CareBatches.Batch(batchId, "WEEKEND-2026-12-11", CareKind.WEEKEND, template,
				"周末问候 2026-12-11");

		// the state a node leaves when killed mid-chunk: one message sent, one claimed at the gateway, one not queued
		String key = CareSender.key(batch, inFlight);
		jdbc.update("update outbox_message set status = 'SENDING' where message_key = ?", key);
		jdbc.update("delete from contact_attempt where customer_no = ?", inFlight);
		jdbc.update("delete from outbox_message where message_key = ?", CareSender.key(batch, notYet));
		jdbc.update("update care_recipient set state = 'SELECTED' where batch_id = ? and customer_no like 'WK2720%'", batchId);
		data.onlyOurs(batchId, "WK2720");
		int smsBefore = gateway.sentTo(data.phoneOf(inFlight)).size();

		while (sender.sendNextChunk(batchId) > 0 || new CareBatchesProbe(jdbc).selected(batchId) > 0) {
			// chunk by chunk, team by team, until the batch is done
		}

		assertThat(gateway.sentTo(data.phoneOf(sentBefore))).as("sent before the crash: not again").hasSize(1);
		assertThat(gateway.sentTo(data.phoneOf(inFlight))).as("in the gateway's hands: never again").hasSize(smsBefore);
		assertThat(data.outbox(inFlight)).singleElement().satisfies(row -> assertThat(row).containsEntry("STATUS", "UNKNOWN"));
		assertThat(data.smsContacts(inFlight)).singleElement().satisfies(row -> assertThat(row)
				.containsEntry("OUTCOME", "UNKNOWN").extractingByKey("NOTES").asString().contains("提交时节点中断,不重发"));
		assertThat(gateway.sentTo(data.phoneOf(notYet))).as("its outbox row removed to look unsent: sent now (the first run's SMS is the other)").hasSize(2);
		for (String customer : List.of(sentBefore, inFlight, notYet)) {
			assertThat(data.outbox(customer)).as(customer).hasSize(1);
		}
		assertThat(data.smsContacts(sentBefore)).hasSize(1);
	}

	@Test
	void shouldSendNothingOnAFridayOfAHolidayWeekOrAHolidayOrWithoutAnApprovedTemplate() {
		template();
		// Friday 17 September 2027: 中秋节 on Wednesday 15 September
		kit.moveClockTo("2027-09-17T09:30");
		ProcessInstance holidayWeek = fireTimer();
		assertThat(variable(holidayWeek, CareProcess.BATCH_DUE)).isEqualTo(false);
		assertThat(variable(holidayWeek, CareProcess.SKIP_REASON).toString()).contains("本周有节日问候(中秋节 2027-09-15)");
		assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(holidayWeek.getId())
				.activityId(CareProcess.END_NO_WEEKEND).count()).isOne();

		// Friday 1 October 2027 is 国庆节: no working day
		kit.moveClockTo("2027-10-01T09:30");
		assertThat(variable(fireTimer(), CareProcess.SKIP_REASON).toString()).contains("不是工作日的星期五");

		// Thursday by hand: only with force
		kit.moveClockTo("2026-12-17T15:00");
		assertThat(variable(startByHand(Map.of()), CareProcess.SKIP_REASON).toString()).contains("不是工作日的星期五");

		// Friday 12 March 2027: no weekend template valid
		kit.moveClockTo("2027-03-12T09:30");
		assertThat(variable(fireTimer(), CareProcess.SKIP_REASON).toString()).contains("没有已批准且在有效期内的周末问候短信模板");
	}

	@Test
	void shouldSendOnAnyDayByHandWithForce() {
		template();
		kit.moveClockTo("2026-12-17T15:00");
		String customer = data.phs("WK27301", "manager4");

		ProcessInstance run = startByHand(Map.of(CareProcess.FORCE, true));

		assertThat(variable(run, CareProcess.BATCH_DUE)).isEqualTo(true);
		assertThat(data.outbox(customer)).singleElement()
				.satisfies(row -> assertThat(row).containsEntry("MESSAGE_KEY", "care:WEEKEND-2026-12-17:" + customer));
	}

	/** The timer start event's job: fires it and runs the instance it started to its end. */
	private ProcessInstance fireTimer() {
		Job timer = management.createJobQuery().processDefinitionKey(CareProcess.WEEKEND_KEY).timers().singleResult();
		assertThat(timer).as("the Friday timer of the weekend greeting").isNotNull();
		assertThat(timer.getDuedate()).as("next Friday 09:30").isNotNull();
		List<String> before = runtime.createProcessInstanceQuery().processDefinitionKey(CareProcess.WEEKEND_KEY).list()
				.stream().map(ProcessInstance::getId).toList();
		management.executeJob(timer.getId());
		ProcessInstance started = runtime.createProcessInstanceQuery().processDefinitionKey(CareProcess.WEEKEND_KEY)
				.list().stream().filter(instance -> !before.contains(instance.getId())).findFirst().orElseThrow();
		return prepareAndSend(started);
	}

	private ProcessInstance startByHand(Map<String, Object> variables) {
		return prepareAndSend(runtime.startProcessInstanceByKey(CareProcess.WEEKEND_KEY, variables));
	}

	/** Runs the preparing job, keeps only this class's customers in the batch, runs the send. */
	private ProcessInstance prepareAndSend(ProcessInstance instance) {
		data.runJob(instance.getId());
		Object batchId = history.createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
				.variableName(CareProcess.BATCH_ID).singleResult();
		if (batchId != null) {
			data.onlyOurs(((Number) ((org.camunda.bpm.engine.history.HistoricVariableInstance) batchId).getValue())
					.longValue(), "WK27");
		}
		data.runJobs(instance.getId());
		return instance;
	}

	private Object variable(ProcessInstance instance, String name) {
		return history.createHistoricVariableInstanceQuery().processInstanceId(instance.getId()).variableName(name)
				.singleResult().getValue();
	}

	/** How many recipients of a batch are still to be sent. */
	record CareBatchesProbe(JdbcTemplate jdbc) {
		int selected(long batchId) {
			Integer n = jdbc.queryForObject("select count(*) from care_recipient where batch_id = ? and state = 'SELECTED'",
					Integer.class, batchId);
			return n == null ? 0 : n;
		}
	}
}
