package com.retentiondesk.upgrade;

import static com.retentiondesk.CaseTestKit.at;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.Map;

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
import com.retentiondesk.handover.LineEventBooking;
import com.retentiondesk.casework.CaseOutcome;
import com.retentiondesk.casework.FormRejectedException;
import com.retentiondesk.casework.RetentionCase;
import com.retentiondesk.customer.CustomerData;
import com.retentiondesk.customer.Customers;
import com.retentiondesk.customer.Network;

/** Every path and timer of PhsUpgradeProcess (processes/phs-upgrade.bpmn). */
@DeskTest
class UpgradeProcessTest {

	@RegisterExtension
	static GreenMailExtension mail = new GreenMailExtension(TestMail.SMTP);

	/** Wednesday 25 November 2026, 09:00. */
	private static final ZonedDateTime NOW = ZonedDateTime.parse("2026-11-25T09:00:00+08:00[Asia/Shanghai]");

	@RegisterExtension
	static final CaseTestKit kit = CaseTestKit.clockAt(NOW).customersNumbered("UPG")
			.callTasks(UpgradeProcess.TASK_UPGRADE_CALL);

	@Autowired
	UpgradeCases upgrades;
	@Autowired
	UpgradeOrders orders;
	@Autowired
	LineEventBooking lineEvents;
	@Autowired
	Customers customers;
	@Autowired
	TaskService taskService;
	@Autowired
	com.retentiondesk.billing.UsageFeed usageFeed;

	private int second;

	@Test
	void shouldBeDueByTheDeadlineButWithinFiveWorkingDays() {
		ProcessInstance early = open(phs(kit.newCustomerNo(), null), LocalDate.of(2026, 11, 26));
		ProcessInstance late = open(phs(kit.newCustomerNo(), null), LocalDate.of(2026, 12, 31));

		org.assertj.core.api.Assertions.assertThat(kit.call(early).getDueDate()).isEqualTo(at("2026-11-26T20:00"));
		// five working days from Wednesday: Wed, Thu, Fri, Mon, Tue
		org.assertj.core.api.Assertions.assertThat(kit.call(late).getDueDate()).isEqualTo(at("2026-12-01T20:00"));
		org.assertj.core.api.Assertions.assertThat(kit.briefOfTask(kit.call(late).getId()))
				.contains("派单活动: 冬季升级").contains("近3个月小灵通账单: 无记录");
	}

	@Test
	void shouldShowTheLastThreeBillsOfTheMonthlyUsageFeed() throws Exception {
		String customerNo = kit.newCustomerNo();
		kit.saveCustomer(phs(customerNo, null));
		usageFeed.feedJson(new com.fasterxml.jackson.databind.ObjectMapper().readTree("["
				+ "{\"customerNo\":\"" + customerNo + "\",\"month\":\"2026-08\",\"amount\":20,\"calls\":9},"
				+ "{\"customerNo\":\"" + customerNo + "\",\"month\":\"2026-09\",\"amount\":48.5,\"calls\":31},"
				+ "{\"customerNo\":\"" + customerNo + "\",\"month\":\"2026-10\",\"amount\":52,\"calls\":35},"
				+ "{\"customerNo\":\"" + customerNo + "\",\"month\":\"2026-11\",\"amount\":47,\"calls\":30}]"));

		ProcessInstance instance = kit.instanceOf(upgrades.open(customers.findById(customerNo).orElseThrow(), "冬季升级",
				LocalDate.of(2026, 12, 31), "C网199元套餐", null));

		org.assertj.core.api.Assertions.assertThat(kit.briefOfTask(kit.call(instance).getId()))
				.contains("近3个月小灵通账单: 2026-11 ¥47.00 (30次) 2026-10 ¥52.00 (35次) 2026-09 ¥48.50 (31次)")
				.contains("  2026-08     ¥20.00     9次  ████");
	}

	@Test
	void shouldOrderConfirmAndEndUpgradedWhenTheNewLineIsActivated() {
		String customerNo = kit.newCustomerNo();
		String email = customerNo.toLowerCase() + "@customer.example.cn";
		ProcessInstance instance = open(phs(customerNo, email), LocalDate.of(2026, 12, 15));

		kit.complete(instance, accepted());
		execute(job(UpgradeProcess.SERVICE_RECORD_ORDER, instance));

		assertThat(instance).isWaitingAt(UpgradeProcess.TIMER_ACTIVATION_DUE, UpgradeProcess.SERVICE_MAIL_ORDER_CONFIRMATION);
		org.assertj.core.api.Assertions.assertThat(job(UpgradeProcess.TIMER_ACTIVATION_DUE, instance).getDuedate())
				.isEqualTo(at("2026-12-02T09:00"));
		org.assertj.core.api.Assertions.assertThat(mail.getReceivedMessagesForDomain(email)).isEmpty();
		execute(job(UpgradeProcess.SERVICE_MAIL_ORDER_CONFIRMATION, instance));
		org.assertj.core.api.Assertions.assertThat(mail.getReceivedMessagesForDomain(email)).hasSize(1);
		RetentionCase file = kit.caseOf(instance);
		org.assertj.core.api.Assertions.assertThat(orders.findByCaseId(file.getId())).get()
				.satisfies(order -> org.assertj.core.api.Assertions.assertThat(order.getHandsetModel()).isEqualTo("天翼 E1"));

		lineEvents.activated(customerNo, "18900001234", OffsetDateTime.now().plusSeconds(++second));

		assertThat(instance).isEnded().hasPassed(UpgradeProcess.END_ACTIVATED);
		org.assertj.core.api.Assertions.assertThat(kit.caseOf(instance).getOutcome()).isEqualTo(CaseOutcome.UPGRADED);
		org.assertj.core.api.Assertions.assertThat(customers.findById(customerNo).orElseThrow().getNetwork())
				.isEqualTo(Network.CDMA);
		org.assertj.core.api.Assertions.assertThat(orders.findByCaseId(file.getId()).orElseThrow().getNewServiceNo())
				.isEqualTo("18900001234");
	}

	@Test
	void shouldEndUpgradedWhenActivationArrivesWhileTheVerifyTaskIsOpen() {
		String customerNo = kit.newCustomerNo();
		ProcessInstance instance = open(phs(customerNo, null), LocalDate.of(2026, 12, 15));
		kit.complete(instance, accepted());
		recordOrder(instance);
		execute(job(UpgradeProcess.TIMER_ACTIVATION_DUE, instance));
		assertThat(instance).isWaitingAt(UpgradeProcess.TASK_VERIFY_ACTIVATION);

		lineEvents.activated(customerNo, "18900005678", OffsetDateTime.now().plusSeconds(++second));

		assertThat(instance).isEnded().hasPassed(UpgradeProcess.END_ACTIVATED);
		org.assertj.core.api.Assertions.assertThat(kit.openTasks(instance)).isZero();
	}

	@Test
	void shouldVerifyAgainUntilTheManagerConfirmsTheActivation() {
		ProcessInstance instance = open(phs(kit.newCustomerNo(), null), LocalDate.of(2026, 12, 15));
		kit.complete(instance, accepted());
		recordOrder(instance);
		execute(job(UpgradeProcess.TIMER_ACTIVATION_DUE, instance));

		verify(instance, "NOT_YET");
		assertThat(instance).isWaitingAt(UpgradeProcess.TIMER_ACTIVATION_DUE);
		execute(job(UpgradeProcess.TIMER_ACTIVATION_DUE, instance));
		verify(instance, "CONFIRMED");

		assertThat(instance).isEnded().hasPassed(UpgradeProcess.END_UPGRADED);
		org.assertj.core.api.Assertions.assertThat(kit.caseOf(instance).getOutcome()).isEqualTo(CaseOutcome.UPGRADED);
	}

	@Test
	void shouldEndDeclinedWhenTheCustomerCancelsTheOrder() {
		ProcessInstance instance = open(phs(kit.newCustomerNo(), null), LocalDate.of(2026, 12, 15));
		kit.complete(instance, accepted());
		recordOrder(instance);
		execute(job(UpgradeProcess.TIMER_ACTIVATION_DUE, instance));

		verify(instance, "CANCELLED");

		assertThat(instance).isEnded().hasPassed(UpgradeProcess.END_CANCELLED);
		org.assertj.core.api.Assertions.assertThat(kit.caseOf(instance).getOutcomeReason()).isEqualTo("客户取消升级");
	}

	@Test
	void shouldCallBackThenRecordADecline() {
		ProcessInstance instance = open(phs(kit.newCustomerNo(), null), LocalDate.of(2026, 12, 15));

		kit.complete(instance, Map.of("callResult", "THINKING"));
		org.assertj.core.api.Assertions.assertThat(job(UpgradeProcess.TIMER_NEXT_CALL, instance).getDuedate())
				.isEqualTo(at("2026-12-02T09:00"));
		execute(job(UpgradeProcess.TIMER_NEXT_CALL, instance));
		kit.complete(instance, Map.of("callResult", "DECLINED", "declineReason", "HABIT"));

		assertThat(instance).isEnded().hasPassed(UpgradeProcess.END_DECLINED);
		org.assertj.core.api.Assertions.assertThat(kit.caseOf(instance).getOutcomeReason()).isEqualTo("习惯小灵通");
	}

	@Test
	void shouldEndUnreachableAfterThreeAttempts() {
		ProcessInstance instance = open(phs(kit.newCustomerNo(), null), LocalDate.of(2026, 12, 15));

		kit.complete(instance, Map.of("callResult", "UNREACHABLE"));
		execute(job(UpgradeProcess.TIMER_NEXT_CALL, instance));
		kit.complete(instance, Map.of("callResult", "UNREACHABLE"));
		execute(job(UpgradeProcess.TIMER_NEXT_CALL, instance));
		kit.complete(instance, Map.of("callResult", "UNREACHABLE"));

		assertThat(instance).isEnded().hasPassed(UpgradeProcess.END_UNREACHABLE);
		org.assertj.core.api.Assertions.assertThat(kit.caseOf(instance).getOutcome()).isEqualTo(CaseOutcome.UNREACHABLE);
	}

	@Test
	void shouldEscalateWhenTheDispatchDeadlinePasses() {
		ProcessInstance instance = open(phs(kit.newCustomerNo(), null), LocalDate.of(2026, 11, 26));
		kit.moveClockTo("2026-11-26T20:01");

		execute(job(UpgradeProcess.BOUNDARY_DEADLINE_PASSED, instance));
		execute(job(UpgradeProcess.SERVICE_RECORD_ESCALATION, instance));

		assertThat(instance).isWaitingAt(UpgradeProcess.TASK_UPGRADE_CALL, UpgradeProcess.TASK_ESCALATION_REVIEW);
		org.assertj.core.api.Assertions.assertThat(kit.caseOf(instance).getEscalations()).isOne();
	}

	@Test
	void shouldRejectAnAcceptanceWithoutHandsetOrAppointment() {
		ProcessInstance instance = open(phs(kit.newCustomerNo(), null), LocalDate.of(2026, 12, 15));

		assertThatThrownBy(() -> kit.complete(instance, Map.of("callResult", "ACCEPTED")))
				.isInstanceOf(FormRejectedException.class).hasMessageContaining("选择的机型");
		assertThatThrownBy(() -> kit.complete(instance, Map.of("callResult", "ACCEPTED", "handsetModel", "天翼 E1")))
				.isInstanceOf(FormRejectedException.class).hasMessageContaining("预约上门/办理日期");
		assertThat(instance).isWaitingAt(UpgradeProcess.TASK_UPGRADE_CALL);
	}

	/** Records the order and sends its confirmation, as the job executor does one after the other. */
	private void recordOrder(ProcessInstance instance) {
		execute(job(UpgradeProcess.SERVICE_RECORD_ORDER, instance));
		execute(job(UpgradeProcess.SERVICE_MAIL_ORDER_CONFIRMATION, instance));
	}

	private static Map<String, Object> accepted() {
		Map<String, Object> form = new HashMap<>();
		form.put("callResult", "ACCEPTED");
		form.put("handsetModel", "天翼 E1");
		form.put("appointmentDate", "2026-11-28");
		return form;
	}

	private void verify(ProcessInstance instance, String verification) {
		Task task = kit.task(instance, UpgradeProcess.TASK_VERIFY_ACTIVATION);
		taskService.complete(task.getId(), Map.of("verification", verification));
	}

	private ProcessInstance open(CustomerData data, LocalDate deadline) {
		return kit.instanceOf(upgrades.open(kit.saveCustomer(data), "冬季升级", deadline, "C网199元套餐", null));
	}

	private static CustomerData phs(String customerNo, String email) {
		CustomerData data = Fixtures.prepaid(customerNo, "40.00", "manager1");
		return new CustomerData(data.customerNo(), data.name(), data.serviceNo(), data.network(), data.segment(),
				data.starLevel(), data.paymentType(), data.balance(), data.arrearsMonths(), data.lineStatus(),
				data.managerId(), data.birthday(), data.idType(), data.idNo(), data.address(), data.secondPhone(), email,
				data.joinedOn());
	}
}
