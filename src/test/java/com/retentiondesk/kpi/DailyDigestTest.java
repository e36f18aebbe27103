package com.retentiondesk.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.retentiondesk.CaseTestKit;
import com.retentiondesk.DeskTest;
import com.retentiondesk.Fixtures;
import com.retentiondesk.TestMail;
import com.retentiondesk.arrears.ArrearsCases;
import com.retentiondesk.casework.ContactLog;
import com.retentiondesk.casework.RetentionCase;
import com.retentiondesk.contact.ContactAttempt;
import com.retentiondesk.contact.ContactChannel;

import jakarta.mail.internet.MimeMessage;

/**
 * The supervisors' daily digest (issue 30, point 3): DailyDigestProcess at 20:30 on a working day mails each
 * supervisor their team's totals and a line per manager, the figures of {@code /api/kpi} for that day; a rest day
 * sends nothing, and a second run sends nothing twice. A run before 20:30 (a timer that fired late) reports the day
 * before, never a day that is not over.
 */
@DeskTest
class DailyDigestTest {

	@RegisterExtension
	static GreenMailExtension mail = new GreenMailExtension(TestMail.SMTP);

	/** Wednesday 2 December 2026, 20:30. */
	@RegisterExtension
	static final CaseTestKit kit = CaseTestKit.clockAt(ZonedDateTime.parse("2026-12-02T20:30:00+08:00[Asia/Shanghai]"));

	@Autowired
	RuntimeService runtime;
	@Autowired
	ManagementService management;
	@Autowired
	Kpis kpis;
	@Autowired
	ArrearsCases arrears;
	@Autowired
	ContactLog contacts;

	@Test
	void shouldRunAt2030EveryDay() {
		Job timer = management.createJobQuery().processDefinitionKey("DailyDigestProcess").timers().singleResult();
		assertThat(timer).as("the timer start event's job").isNotNull();
		assertThat(management.createJobDefinitionQuery().processDefinitionKey("DailyDigestProcess")
				.activityIdIn("StartEvent_Daily").singleResult().getJobConfiguration()).isEqualTo("CYCLE: 0 30 20 * * ?")
				.isEqualTo("CYCLE: 0 " + DailyDigest.AT.getMinute() + " " + DailyDigest.AT.getHour() + " * * ?");
	}

	@Test
	void shouldReportTheDayBeforeWhenTheTimerFiresBeforeTheDaysTime() throws Exception {
		// Thursday's run fired at 02:00 on Friday (the desk was down at 20:30): Thursday's digest (each test its
		// own day: a day's digest is sent once, whichever test sent it)
		kit.moveClockTo("2026-12-04T02:00");

		run(Map.of());

		assertOnlyTeam1DigestOf("2026-12-03");
	}

	@Test
	void shouldSendNoDigestOfADayThatIsNotOverWhenALateTimerFires() throws Exception {
		// Saturday's run fired on Monday at 20:02 (the clock jumped over the weekend): Sunday's day, a rest day;
		// Monday's digest, with the whole day, is the one at 20:30
		kit.moveClockTo("2026-12-07T20:02");
		ProcessInstance late = run(Map.of());
		assertThat(mail.getReceivedMessages()).isEmpty();
		assertThat(runtime.createProcessInstanceQuery().processInstanceId(late.getId()).count()).isZero();

		kit.moveClockTo("2026-12-07T20:30");
		run(Map.of());

		assertOnlyTeam1DigestOf("2026-12-07");
	}

	@Test
	void shouldSendTheDayGivenAtStart() throws Exception {
		run(Map.of(DailyDigest.DAY, "2026-12-01"));

		assertOnlyTeam1DigestOf("2026-12-01");
	}

	@Test
	void shouldFailTheStepNamingAGivenDayThatIsNoDate() {
		ProcessInstance instance = runtime.startProcessInstanceByKey("DailyDigestProcess", Map.of(DailyDigest.DAY, "12/01"));

		assertThatThrownBy(() -> execute(job("ServiceTask_QueueDigests", instance)))
				.hasMessageContaining("digestDay must be a date such as 2026-12-02, not \"12/01\"");
		assertThat(mail.getReceivedMessages()).isEmpty();
	}

	@Test
	void shouldMailEachSupervisorTheTeamsDayWithTheKpiFiguresOnce() throws Exception {
		// two calls of manager3 today, one reached, so that the figures are not all naught
		RetentionCase file = arrears.open(kit.saveCustomer(Fixtures.prepaid("DGT90340001", "1.00", "manager3")));
		for (String outcome : new String[] { "NOT_REACHED", "REACHED" }) {
			contacts.record(new ContactAttempt("DGT90340001", file.getId(), null, "manager3",
					LocalDateTime.parse("2026-12-02T15:00"), ContactChannel.PHONE, outcome, null));
		}
		KpiReport report = kpis.report(LocalDate.of(2026, 12, 2), LocalDate.of(2026, 12, 2), "team1");
		long calls = report.managers().stream().mapToLong(KpiReport.ManagerFigures::calls).sum();
		long reached = report.managers().stream().mapToLong(KpiReport.ManagerFigures::reached).sum();
		long closed = report.managers().stream().mapToLong(KpiReport.ManagerFigures::closed).sum();
		assertThat(report.managers()).filteredOn(m -> m.managerId().equals("manager3")).singleElement()
				.satisfies(m -> assertThat(m.calls()).isGreaterThanOrEqualTo(2));

		run(Map.of());
		run(Map.of());

		MimeMessage[] toSupervisor1 = mail.getReceivedMessagesForDomain("supervisor1@retention-desk.example.cn");
		assertThat(toSupervisor1).as("one digest, though the process ran twice").hasSize(1);
		assertThat(toSupervisor1[0].getSubject()).isEqualTo("【保有日报】电话经理一组 2026-12-02");
		String body = (String) toSupervisor1[0].getContent();
		assertThat(body).contains("周建国 主管您好").contains("合计: 外呼 " + calls + ", 接通 " + reached)
				.contains("结案 " + closed);
		for (KpiReport.ManagerFigures manager : report.managers()) {
			assertThat(body).contains(manager.name() + "\t" + manager.calls() + "\t" + manager.reached() + "\t"
					+ manager.closed() + "\t" + manager.overdueTasks());
		}
		assertThat(mail.getReceivedMessagesForDomain("supervisor2@retention-desk.example.cn")).singleElement()
				.satisfies(message -> assertThat(message.getSubject()).isEqualTo("【保有日报】电话经理二组 2026-12-02"));
	}

	@Test
	void shouldSendNothingOnARestDay() throws Exception {
		kit.moveClockTo("2026-12-05T20:30");

		ProcessInstance instance = run(Map.of());

		assertThat(mail.getReceivedMessagesForDomain("supervisor1@retention-desk.example.cn")).isEmpty();
		assertThat(runtime.createProcessInstanceQuery().processInstanceId(instance.getId()).count()).isZero();
	}

	/** supervisor1 received one mail, team 1's digest of the day. */
	private static void assertOnlyTeam1DigestOf(String day) throws Exception {
		assertThat(mail.getReceivedMessagesForDomain("supervisor1@retention-desk.example.cn")).singleElement()
				.satisfies(message -> assertThat(message.getSubject()).isEqualTo("【保有日报】电话经理一组 " + day));
	}

	private ProcessInstance run(Map<String, Object> variables) {
		ProcessInstance instance = runtime.startProcessInstanceByKey("DailyDigestProcess", variables);
		execute(job("ServiceTask_QueueDigests", instance));
		execute(job("ServiceTask_SendDigests", instance));
		return instance;
	}
}
