package com.retentiondesk.trafficdecline;

import static com.retentiondesk.CaseTestKit.at;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.retentiondesk.CaseTestKit;
import com.retentiondesk.DeskTest;
import com.retentiondesk.Fixtures;
import com.retentiondesk.TestMail;
import com.retentiondesk.billing.MonthlyBill;
import com.retentiondesk.billing.MonthlyBills;
import com.retentiondesk.casework.CaseOutcome;
import com.retentiondesk.casework.FormRejectedException;
import com.retentiondesk.contact.CompetitorReports;
import com.retentiondesk.contact.ContactAttempts;
import com.retentiondesk.customer.Customer;
import com.retentiondesk.customer.CustomerData;

/** Every path and timer of TrafficDeclineRetentionProcess (processes/traffic-decline-retention.bpmn). */
@DeskTest
class TrafficDeclineProcessTest {

	@RegisterExtension
	static GreenMailExtension mail = new GreenMailExtension(TestMail.SMTP);

	/** Wednesday 2 December 2026, 09:00: the second working day, the scan compares October and November. */
	private static final ZonedDateTime NOW = ZonedDateTime.parse("2026-12-02T09:00:00+08:00[Asia/Shanghai]");

	@RegisterExtension
	static final CaseTestKit kit = CaseTestKit.clockAt(NOW).customersNumbered("TDP")
			.callTasks(TrafficDeclineProcess.TASK_CALL);

	@Autowired
	TrafficDeclineCases declines;
	@Autowired
	MonthlyBills bills;
	@Autowired
	ContactAttempts contacts;
	@Autowired
	CompetitorReports competitors;
	@Autowired
	TaskService taskService;
	@Autowired
	RuntimeService runtime;

	@Test
	void shouldDueStageOneInTwoWorkingDaysAndShowTheFallTheOfferAndTheSpendChart() {
		ProcessInstance instance = open(Fixtures.postpaid(kit.newCustomerNo(), 0, "manager1"), "100", "60");

		Task call = kit.call(instance);
		org.assertj.core.api.Assertions.assertThat(call.getAssignee()).isEqualTo("manager1");
		org.assertj.core.api.Assertions.assertThat(call.getDueDate()).isEqualTo(at("2026-12-03T20:00"));
		assertThat(instance).variables().containsEntry(TrafficDeclineProcess.DECLINE_STAGE, "STAGE_1")
				.containsEntry(TrafficDeclineProcess.USAGE_MONTH, "2026-11")
				.containsEntry(TrafficDeclineProcess.OFFER_CODE, "DECLINE_BONUS_50");
		org.assertj.core.api.Assertions.assertThat(kit.briefOfTask(call.getId()))
				.contains("近6月话费(金额 / 通话次数):")
				.contains("  2026-10    ¥100.00    40次  ██████████")
				.contains("  2026-11     ¥60.00    12次  ██████")
				.contains("话务下降: 2026-10 ¥100.00 (40次) → 2026-11 ¥60.00 (12次), 下降40.0%  第一阶段(降幅超过30%)")
				.contains("推荐方案: 感谢您一直以来的支持:现在预存100元即送50元话费");
		org.assertj.core.api.Assertions.assertThat(kit.caseOf(instance).getUsageMonth()).isEqualTo("2026-11");
	}

	@Test
	void shouldDueStageTwoAndTierOneInFiveWorkingDays() {
		ProcessInstance stage2 = open(Fixtures.postpaid(kit.newCustomerNo(), 0, "manager1"), "100", "70");
		ProcessInstance tier1 = open(Fixtures.cdmaTier1(kit.newCustomerNo(), "50", "manager1", null), "100", "95");

		assertThat(stage2).variables().containsEntry(TrafficDeclineProcess.DECLINE_STAGE, "STAGE_2");
		assertThat(tier1).variables().containsEntry(TrafficDeclineProcess.DECLINE_STAGE, "TIER1")
				.containsEntry(TrafficDeclineProcess.OFFER_CODE, "DECLINE_MINUTES_PACK");
		// Wed, Thu, Fri, Mon, Tue
		org.assertj.core.api.Assertions.assertThat(kit.call(stage2).getDueDate()).isEqualTo(at("2026-12-08T20:00"));
		org.assertj.core.api.Assertions.assertThat(kit.call(tier1).getDueDate()).isEqualTo(at("2026-12-08T20:00"));
	}

	@Test
	void shouldEndRetainedWhenTheCustomerTakesTheOffer() {
		ProcessInstance instance = open(Fixtures.postpaid(kit.newCustomerNo(), 0, "manager1"), "100", "60");

		kit.complete(instance, reached("PACKAGE_UNSUITABLE", "OFFER"));

		assertThat(instance).isEnded().hasPassed(TrafficDeclineProcess.END_RETAINED);
		org.assertj.core.api.Assertions.assertThat(kit.caseOf(instance).getOutcome()).isEqualTo(CaseOutcome.RETAINED);
		org.assertj.core.api.Assertions.assertThat(kit.caseOf(instance).getOutcomeReason())
				.isEqualTo("客户反映: 套餐不合适; 接受推荐方案");
		org.assertj.core.api.Assertions.assertThat(contacts.findByCaseIdOrderByAttemptedAt(kit.caseOf(instance).getId()))
				.singleElement().satisfies(contact -> org.assertj.core.api.Assertions.assertThat(contact.getOutcome())
						.isEqualTo("REACHED:OFFER"));
	}

	@Test
	void shouldEndWithNoActionNeeded() {
		ProcessInstance instance = open(Fixtures.postpaid(kit.newCustomerNo(), 0, "manager1"), "100", "80");
		Map<String, Object> form = reached("OTHER", "NO_ACTION");
		form.put(TrafficDeclineProcess.SAID_TEXT, "出差一个月");

		kit.complete(instance, form);

		assertThat(instance).isEnded().hasPassed(TrafficDeclineProcess.END_NO_ACTION);
		org.assertj.core.api.Assertions.assertThat(kit.caseOf(instance).getOutcomeReason())
				.isEqualTo("客户反映: 其他: 出差一个月; 无需处理");
	}

	@Test
	void shouldEndLostAndKeepTheCompetitorNews() {
		String customerNo = kit.newCustomerNo();
		ProcessInstance instance = open(Fixtures.postpaid(customerNo, 0, "manager1"), "100", "30");
		Map<String, Object> form = reached("COMPETITOR", "LOST");
		form.put(TrafficDeclineProcess.COMPETITOR_NAME, "移动 58元不限量");

		kit.complete(instance, form);

		assertThat(instance).isEnded().hasPassed(TrafficDeclineProcess.END_LOST);
		org.assertj.core.api.Assertions.assertThat(kit.caseOf(instance).getOutcome()).isEqualTo(CaseOutcome.LOST);
		org.assertj.core.api.Assertions.assertThat(competitors.findAll())
				.anySatisfy(report -> {
					org.assertj.core.api.Assertions.assertThat(report.getCustomerNo()).isEqualTo(customerNo);
					org.assertj.core.api.Assertions.assertThat(report.getCompetitor()).isEqualTo("移动 58元不限量");
				});
	}

	@Test
	void shouldCallAgainTheNextWorkingDayAndEndUnreachableAfterThreeAttempts() {
		ProcessInstance instance = open(Fixtures.postpaid(kit.newCustomerNo(), 0, "manager1"), "100", "60");

		kit.complete(instance, Map.of(TrafficDeclineProcess.CALL_RESULT, "UNREACHABLE"));
		assertThat(instance).isWaitingAt(TrafficDeclineProcess.TIMER_NEXT_CALL);
		org.assertj.core.api.Assertions.assertThat(job(TrafficDeclineProcess.TIMER_NEXT_CALL, instance).getDuedate())
				.isEqualTo(at("2026-12-03T09:00"));
		execute(job(TrafficDeclineProcess.TIMER_NEXT_CALL, instance));
		org.assertj.core.api.Assertions.assertThat(kit.call(instance).getDueDate()).isEqualTo(at("2026-12-03T20:00"));

		kit.complete(instance, Map.of(TrafficDeclineProcess.CALL_RESULT, "UNREACHABLE"));
		execute(job(TrafficDeclineProcess.TIMER_NEXT_CALL, instance));
		kit.complete(instance, Map.of(TrafficDeclineProcess.CALL_RESULT, "UNREACHABLE"));

		assertThat(instance).isEnded().hasPassed(TrafficDeclineProcess.END_UNREACHABLE);
		org.assertj.core.api.Assertions.assertThat(kit.caseOf(instance).getOutcome()).isEqualTo(CaseOutcome.UNREACHABLE);
		org.assertj.core.api.Assertions.assertThat(contacts.findByCaseIdOrderByAttemptedAt(kit.caseOf(instance).getId()))
				.hasSize(3);
	}

	@Test
	void shouldEscalateAnOverdueCallToTheSupervisorAndMailThem() {
		ProcessInstance instance = open(Fixtures.postpaid(kit.newCustomerNo(), 0, "manager1"), "100", "60");
		kit.moveClockTo("2026-12-03T20:01");

		execute(job(TrafficDeclineProcess.BOUNDARY_CALL_OVERDUE, instance));
		execute(job(TrafficDeclineProcess.SERVICE_RECORD_ESCALATION, instance));

		assertThat(instance).isWaitingAt(TrafficDeclineProcess.TASK_CALL, TrafficDeclineProcess.TASK_ESCALATION_REVIEW,
				TrafficDeclineProcess.SERVICE_MAIL_SUPERVISOR);
		org.assertj.core.api.Assertions.assertThat(kit.caseOf(instance).getEscalations()).isOne();
		org.assertj.core.api.Assertions.assertThat(kit.task(instance, TrafficDeclineProcess.TASK_ESCALATION_REVIEW)
				.getAssignee()).isEqualTo("supervisor1");
		execute(job(TrafficDeclineProcess.SERVICE_MAIL_SUPERVISOR, instance));
		org.assertj.core.api.Assertions.assertThat(mail.getReceivedMessagesForDomain("supervisor1@retention-desk.example.cn"))
				.isNotEmpty();

		taskService.complete(kit.task(instance, TrafficDeclineProcess.TASK_ESCALATION_REVIEW).getId(),
				Map.of("escalationAction", "REMINDED_MANAGER"));
		kit.complete(instance, reached("SERVICE_PROBLEM", "OFFER"));
		assertThat(instance).isEnded().hasPassed(TrafficDeclineProcess.END_ESCALATION_HANDLED,
				TrafficDeclineProcess.END_RETAINED);
	}

	@Test
	void shouldRefuseAnIncompleteForm() {
		ProcessInstance instance = open(Fixtures.postpaid(kit.newCustomerNo(), 0, "manager1"), "100", "60");

		assertThatThrownBy(() -> kit.complete(instance, Map.of())).isInstanceOf(FormRejectedException.class)
				.hasMessageContaining("通话结果");
		assertThatThrownBy(() -> kit.complete(instance, Map.of(TrafficDeclineProcess.CALL_RESULT, "REACHED")))
				.isInstanceOf(FormRejectedException.class).hasMessageContaining("客户反映的原因");
		assertThatThrownBy(() -> kit.complete(instance, reached("COMPETITOR", "LOST")))
				.isInstanceOf(FormRejectedException.class).hasMessageContaining("竞争对手动态");
		assertThatThrownBy(() -> kit.complete(instance, Map.of(TrafficDeclineProcess.CALL_RESULT, "REACHED",
				TrafficDeclineProcess.CUSTOMER_SAID, "MOVED"))).isInstanceOf(FormRejectedException.class)
				.hasMessageContaining("处理结果");
		assertThatThrownBy(() -> kit.complete(instance, reached("ALIENS", "LOST")))
				.isInstanceOf(FormRejectedException.class).hasMessageContaining("客户反映的原因”的值无效");
		assertThat(instance).isWaitingAt(TrafficDeclineProcess.TASK_CALL);
	}

	private static Map<String, Object> reached(String said, String action) {
		Map<String, Object> form = new HashMap<>();
		form.put(TrafficDeclineProcess.CALL_RESULT, "REACHED");
		form.put(TrafficDeclineProcess.CUSTOMER_SAID, said);
		form.put(TrafficDeclineProcess.ACTION, action);
		return form;
	}

	private ProcessInstance open(CustomerData data, String october, String november) {
		Customer customer = kit.saveCustomer(data);
		MonthlyBill last = bills.saveAndFlush(new MonthlyBill(customer.getCustomerNo(), YearMonth.of(2026, 10),
				new BigDecimal(october), 40));
		MonthlyBill current = bills.saveAndFlush(new MonthlyBill(customer.getCustomerNo(), YearMonth.of(2026, 11),
				new BigDecimal(november), 12));
		DeclineStage stage = declines.stage(customer, last, current).orElseThrow();
		return kit.instanceOf(declines.open(customer, last, current, stage, null));
	}
}
