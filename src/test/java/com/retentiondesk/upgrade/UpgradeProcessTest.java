package com.retentiondesk.upgrade;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.retentiondesk.DeskTest;
import com.retentiondesk.Fixtures;
import com.retentiondesk.TestMail;
import com.retentiondesk.handover.LineEventBooking;
import com.retentiondesk.casework.CaseOutcome;
import com.retentiondesk.casework.FormRejectedException;
import com.retentiondesk.casework.RetentionCase;
import com.retentiondesk.casework.RetentionCases;
import com.retentiondesk.customer.CustomerData;
import com.retentiondesk.customer.Customers;
import com.retentiondesk.customer.Network;

/** Every path and timer of PhsUpgradeProcess (processes/phs-upgrade.bpmn). */
@DeskTest
class UpgradeProcessTest {

	@RegisterExtension
	static GreenMailExtension mail = new GreenMailExtension(TestMail.SMTP);

	private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
	/** Wednesday 25 November 2026, 09:00. */
	private static final ZonedDateTime NOW = ZonedDateTime.parse("2026-11-25T09:00:00+08:00[Asia/Shanghai]");

	@Autowired
	ProcessEngine engine;
	@Autowired
	UpgradeCases upgrades;
	@Autowired
	UpgradeOrders orders;
	@Autowired
	LineEventBooking lineEvents;
	@Autowired
	Customers customers;
	@Autowired
	RetentionCases cases;
	@Autowired
	TaskService taskService;

	private static int counter;
	private int second;

	@BeforeEach
	void setUp() {
		init(engine);
		ClockUtil.setCurrentTime(Date.from(NOW.toInstant()));
	}

	@AfterEach
	void resetClock() {
		ClockUtil.reset();
	}

	@Test
	void shouldBeDueByTheDeadlineButWithinFiveWorkingDays() {
		ProcessInstance early = open(phs(next(), null), LocalDate.of(2026, 11, 26));
		ProcessInstance late = open(phs(next(), null), LocalDate.of(2026, 12, 31));

		org.assertj.core.api.Assertions.assertThat(call(early).getDueDate()).isEqualTo(at("2026-11-26T20:00"));
		// five working days from Wednesday: Wed, Thu, Fri, Mon, Tue
		org.assertj.core.api.Assertions.assertThat(call(late).getDueDate()).isEqualTo(at("2026-12-01T20:00"));
		org.assertj.core.api.Assertions.assertThat((String) taskService.getVariable(call(late).getId(), "caseBrief"))
				.contains("派单活动: 冬季升级").contains("近3个月小灵通账单: 无记录");
	}

	@Test
	void shouldOrderConfirmAndEndUpgradedWhenTheNewLineIsActivated() {
		String customerNo = next();
		String email = customerNo.toLowerCase() + "@customer.example.cn";
		ProcessInstance instance = open(phs(customerNo, email), LocalDate.of(2026, 12, 15));

		complete(instance, accepted());
		execute(job(UpgradeProcess.SERVICE_RECORD_ORDER, instance));

		assertThat(instance).isWaitingAt(UpgradeProcess.TIMER_ACTIVATION_DUE);
		org.assertj.core.api.Assertions.assertThat(job(UpgradeProcess.TIMER_ACTIVATION_DUE, instance).getDuedate())
				.isEqualTo(at("2026-12-02T09:00"));
		org.assertj.core.api.Assertions.assertThat(mail.getReceivedMessagesForDomain(email)).hasSize(1);
		RetentionCase file = caseOf(instance);
		org.assertj.core.api.Assertions.assertThat(orders.findByCaseId(file.getId())).get()
				.satisfies(order -> org.assertj.core.api.Assertions.assertThat(order.getHandsetModel()).isEqualTo("天翼 E1"));

		lineEvents.activated(customerNo, "18900001234", OffsetDateTime.now().plusSeconds(++second));

		assertThat(instance).isEnded().hasPassed(UpgradeProcess.END_ACTIVATED);
		org.assertj.core.api.Assertions.assertThat(caseOf(instance).getOutcome()).isEqualTo(CaseOutcome.UPGRADED);
		org.assertj.core.api.Assertions.assertThat(customers.findById(customerNo).orElseThrow().getNetwork())
				.isEqualTo(Network.CDMA);
		org.assertj.core.api.Assertions.assertThat(orders.findByCaseId(file.getId()).orElseThrow().getNewServiceNo())
				.isEqualTo("18900001234");
	}

	@Test
	void shouldEndUpgradedWhenActivationArrivesWhileTheVerifyTaskIsOpen() {
		String customerNo = next();
		ProcessInstance instance = open(phs(customerNo, null), LocalDate.of(2026, 12, 15));
		complete(instance, accepted());
		execute(job(UpgradeProcess.SERVICE_RECORD_ORDER, instance));
		execute(job(UpgradeProcess.TIMER_ACTIVATION_DUE, instance));
		assertThat(instance).isWaitingAt(UpgradeProcess.TASK_VERIFY_ACTIVATION);

		lineEvents.activated(customerNo, "18900005678", OffsetDateTime.now().plusSeconds(++second));

		assertThat(instance).isEnded().hasPassed(UpgradeProcess.END_ACTIVATED);
		org.assertj.core.api.Assertions.assertThat(taskService.createTaskQuery().processInstanceId(instance.getId())
				.count()).isZero();
	}

	@Test
	void shouldVerifyAgainUntilTheManagerConfirmsTheActivation() {
		ProcessInstance instance = open(phs(next(), null), LocalDate.of(2026, 12, 15));
		complete(instance, accepted());
		execute(job(UpgradeProcess.SERVICE_RECORD_ORDER, instance));
		execute(job(UpgradeProcess.TIMER_ACTIVATION_DUE, instance));

		verify(instance, "NOT_YET");
		assertThat(instance).isWaitingAt(UpgradeProcess.TIMER_ACTIVATION_DUE);
		execute(job(UpgradeProcess.TIMER_ACTIVATION_DUE, instance));
		verify(instance, "CONFIRMED");

		assertThat(instance).isEnded().hasPassed(UpgradeProcess.END_UPGRADED);
		org.assertj.core.api.Assertions.assertThat(caseOf(instance).getOutcome()).isEqualTo(CaseOutcome.UPGRADED);
	}

	@Test
	void shouldEndDeclinedWhenTheCustomerCancelsTheOrder() {
		ProcessInstance instance = open(phs(next(), null), LocalDate.of(2026, 12, 15));
		complete(instance, accepted());
		execute(job(UpgradeProcess.SERVICE_RECORD_ORDER, instance));
		execute(job(UpgradeProcess.TIMER_ACTIVATION_DUE, instance));

		verify(instance, "CANCELLED");

		assertThat(instance).isEnded().hasPassed(UpgradeProcess.END_CANCELLED);
		org.assertj.core.api.Assertions.assertThat(caseOf(instance).getOutcomeReason()).isEqualTo("客户取消升级");
	}

	@Test
	void shouldCallBackThenRecordADecline() {
		ProcessInstance instance = open(phs(next(), null), LocalDate.of(2026, 12, 15));

		complete(instance, Map.of("callResult", "THINKING"));
		org.assertj.core.api.Assertions.assertThat(job(UpgradeProcess.TIMER_NEXT_CALL, instance).getDuedate())
				.isEqualTo(at("2026-12-02T09:00"));
		execute(job(UpgradeProcess.TIMER_NEXT_CALL, instance));
		complete(instance, Map.of("callResult", "DECLINED", "declineReason", "HABIT"));

		assertThat(instance).isEnded().hasPassed(UpgradeProcess.END_DECLINED);
		org.assertj.core.api.Assertions.assertThat(caseOf(instance).getOutcomeReason()).isEqualTo("习惯小灵通");
	}

	@Test
	void shouldEndUnreachableAfterThreeAttempts() {
		ProcessInstance instance = open(phs(next(), null), LocalDate.of(2026, 12, 15));

		complete(instance, Map.of("callResult", "UNREACHABLE"));
		execute(job(UpgradeProcess.TIMER_NEXT_CALL, instance));
		complete(instance, Map.of("callResult", "UNREACHABLE"));
		execute(job(UpgradeProcess.TIMER_NEXT_CALL, instance));
		complete(instance, Map.of("callResult", "UNREACHABLE"));

		assertThat(instance).isEnded().hasPassed(UpgradeProcess.END_UNREACHABLE);
		org.assertj.core.api.Assertions.assertThat(caseOf(instance).getOutcome()).isEqualTo(CaseOutcome.UNREACHABLE);
	}

	@Test
	void shouldEscalateWhenTheDispatchDeadlinePasses() {
		ProcessInstance instance = open(phs(next(), null), LocalDate.of(2026, 11, 26));
		ClockUtil.setCurrentTime(Date.from(at("2026-11-26T20:01").toInstant()));

		execute(job(UpgradeProcess.BOUNDARY_DEADLINE_PASSED, instance));
		execute(job(UpgradeProcess.SERVICE_NOTIFY_SUPERVISOR, instance));

		assertThat(instance).isWaitingAt(UpgradeProcess.TASK_UPGRADE_CALL, UpgradeProcess.TASK_ESCALATION_REVIEW);
		org.assertj.core.api.Assertions.assertThat(caseOf(instance).getEscalations()).isOne();
	}

	@Test
	void shouldRejectAnAcceptanceWithoutHandsetOrAppointment() {
		ProcessInstance instance = open(phs(next(), null), LocalDate.of(2026, 12, 15));

		assertThatThrownBy(() -> complete(instance, Map.of("callResult", "ACCEPTED")))
				.isInstanceOf(FormRejectedException.class).hasMessageContaining("选择的机型");
		assertThatThrownBy(() -> complete(instance, Map.of("callResult", "ACCEPTED", "handsetModel", "天翼 E1")))
				.isInstanceOf(FormRejectedException.class).hasMessageContaining("预约上门/办理日期");
		assertThat(instance).isWaitingAt(UpgradeProcess.TASK_UPGRADE_CALL);
	}

	private static Map<String, Object> accepted() {
		Map<String, Object> form = new HashMap<>();
		form.put("callResult", "ACCEPTED");
		form.put("handsetModel", "天翼 E1");
		form.put("appointmentDate", "2026-11-28");
		return form;
	}

	private void verify(ProcessInstance instance, String verification) {
		Task task = taskService.createTaskQuery().processInstanceId(instance.getId())
				.taskDefinitionKey(UpgradeProcess.TASK_VERIFY_ACTIVATION).singleResult();
		taskService.complete(task.getId(), Map.of("verification", verification));
	}

	private ProcessInstance open(CustomerData data, LocalDate deadline) {
		customers.saveAndFlush(Fixtures.customer(data));
		RetentionCase file = upgrades.open(customers.findById(data.customerNo()).orElseThrow(), "冬季升级", deadline,
				"C网199元套餐", null);
		return engine.getRuntimeService().createProcessInstanceQuery()
				.processInstanceId(file.getProcessInstanceId()).singleResult();
	}

	private static CustomerData phs(String customerNo, String email) {
		CustomerData data = Fixtures.prepaid(customerNo, "40.00", "manager1");
		return new CustomerData(data.customerNo(), data.name(), data.serviceNo(), data.network(), data.segment(),
				data.starLevel(), data.paymentType(), data.balance(), data.arrearsMonths(), data.lineStatus(),
				data.managerId(), data.birthday(), data.idType(), data.idNo(), data.address(), data.secondPhone(), email,
				data.joinedOn());
	}

	private void complete(ProcessInstance instance, Map<String, Object> form) {
		taskService.complete(call(instance).getId(), form);
	}

	private Task call(ProcessInstance instance) {
		return taskService.createTaskQuery().processInstanceId(instance.getId())
				.taskDefinitionKey(UpgradeProcess.TASK_UPGRADE_CALL).singleResult();
	}

	private RetentionCase caseOf(ProcessInstance instance) {
		return cases.findByProcessInstanceId(instance.getId()).orElseThrow();
	}

	private static Date at(String local) {
		return Date.from(LocalDateTime.parse(local).atZone(SHANGHAI).toInstant());
	}

	private static synchronized String next() {
		return "UPG" + (++counter);
	}
}
