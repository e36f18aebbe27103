package com.retentiondesk.winback;

import static com.retentiondesk.CaseTestKit.at;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
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
import com.retentiondesk.arrears.ArrearsCases;
import com.retentiondesk.handover.LineEventBooking;
import com.retentiondesk.handover.PaymentBooking;
import com.retentiondesk.casework.CaseOutcome;
import com.retentiondesk.casework.CaseType;
import com.retentiondesk.casework.FormRejectedException;
import com.retentiondesk.casework.RetentionCase;
import com.retentiondesk.casework.RetentionCases;
import com.retentiondesk.contact.CompetitorReports;
import com.retentiondesk.contact.ContactAttempts;
import com.retentiondesk.customer.CustomerData;
import com.retentiondesk.customer.Customers;
import com.retentiondesk.customer.LineStatus;

/** Every path and timer of SuspendedCustomerWinbackProcess (processes/suspended-customer-winback.bpmn). */
@DeskTest
class WinbackProcessTest {

	@RegisterExtension
	static GreenMailExtension mail = new GreenMailExtension(TestMail.SMTP);

	/** Wednesday 25 November 2026, 19:30 in Shanghai: half an hour of calling time left today. */
	private static final ZonedDateTime NOW = ZonedDateTime.parse("2026-11-25T19:30:00+08:00[Asia/Shanghai]");

	@RegisterExtension
	static final CaseTestKit kit = CaseTestKit.clockAt(NOW).customersNumbered("WB")
			.callTasks(WinbackProcess.TASK_IMMEDIATE_CALL, WinbackProcess.TASK_ALTERNATE_CALL);

	@Autowired
	ProcessEngine engine;
	@Autowired
	LineEventBooking lineEvents;
	@Autowired
	PaymentBooking payments;
	@Autowired
	ArrearsCases arrears;
	@Autowired
	Customers customers;
	@Autowired
	RetentionCases cases;
	@Autowired
	ContactAttempts contacts;
	@Autowired
	CompetitorReports competitors;
	@Autowired
	TaskService taskService;

	private int eventSecond;

	@Test
	void shouldCallASingleStopWithinTwoCallingHoursAndEndWonBackOnPayment() {
		String customerNo = customer(Fixtures.postpaid(kit.newCustomerNo(), 3, "manager1"));

		ProcessInstance instance = suspend(customerNo, StopKind.SINGLE_STOP);

		assertThat(instance).isWaitingAt(WinbackProcess.TASK_IMMEDIATE_CALL);
		Task call = kit.call(instance);
		org.assertj.core.api.Assertions.assertThat(call.getAssignee()).isEqualTo("manager1");
		// 30 minutes today, 90 minutes tomorrow from 09:00
		org.assertj.core.api.Assertions.assertThat(call.getDueDate()).isEqualTo(at("2026-11-26T10:30"));
		org.assertj.core.api.Assertions.assertThat(customers.findById(customerNo).orElseThrow().getLineStatus())
				.isEqualTo(LineStatus.SINGLE_STOP);

		payments.book(customerNo, new BigDecimal("120.00"), OffsetDateTime.now());

		assertThat(instance).isEnded().hasPassed(WinbackProcess.END_WON_BACK);
		org.assertj.core.api.Assertions.assertThat(kit.caseOf(instance).getOutcome()).isEqualTo(CaseOutcome.WON_BACK);
	}

	@Test
	void shouldEndWonBackOnReactivationAndRemoveTheOpenTask() {
		String customerNo = customer(Fixtures.postpaid(kit.newCustomerNo(), 3, "manager1"));
		ProcessInstance instance = suspend(customerNo, StopKind.SINGLE_STOP);

		LineEventBooking.Result result = lineEvents.reactivated(customerNo, eventTime());

		assertThat(instance).isEnded().hasPassed(WinbackProcess.END_WON_BACK);
		org.assertj.core.api.Assertions.assertThat(result.casesTouched()).containsExactly(kit.caseOf(instance).getId());
		org.assertj.core.api.Assertions.assertThat(kit.openTasks(instance)).isZero();
		org.assertj.core.api.Assertions.assertThat(customers.findById(customerNo).orElseThrow().getLineStatus())
				.isEqualTo(LineStatus.ACTIVE);
	}

	@Test
	void shouldMoveOnToTheAlternateNumbersWhenADoubleStopArrivesDuringTheCall() {
		String customerNo = customer(withSecondPhone(Fixtures.postpaid(kit.newCustomerNo(), 3, "manager2")));
		ProcessInstance instance = suspend(customerNo, StopKind.SINGLE_STOP);

		lineEvents.suspended(customerNo, StopKind.DOUBLE_STOP, eventTime());

		assertThat(instance).hasPassed(WinbackProcess.BOUNDARY_DOUBLE_STOP_DURING_CALL)
				.isWaitingAt(WinbackProcess.TASK_ALTERNATE_CALL);
		org.assertj.core.api.Assertions.assertThat(kit.call(instance).getName()).isEqualTo("联系备用号码挽留");
		org.assertj.core.api.Assertions.assertThat(cases.findAll().stream()
				.filter(c -> c.getCustomerNo().equals(customerNo)).count()).isOne();
	}

	@Test
	void shouldMoveOnToTheAlternateNumbersWhenADoubleStopFollowsTheCall() {
		String customerNo = customer(withSecondPhone(Fixtures.postpaid(kit.newCustomerNo(), 3, "manager2")));
		ProcessInstance instance = suspend(customerNo, StopKind.SINGLE_STOP);
		kit.complete(instance, reached("CANNOT_AFFORD", "THINKING"));
		assertThat(instance).isWaitingAt("Gateway_WaitAfterCall");

		lineEvents.suspended(customerNo, StopKind.DOUBLE_STOP, eventTime());

		assertThat(instance).hasPassed(WinbackProcess.MESSAGE_EVENT_DOUBLE_STOPPED)
				.isWaitingAt(WinbackProcess.TASK_ALTERNATE_CALL);
	}

	@Test
	void shouldWinBackADoubleStopOnTheSecondAttempt() {
		String customerNo = customer(withSecondPhone(Fixtures.postpaid(kit.newCustomerNo(), 4, "manager5")));
		ProcessInstance instance = suspend(customerNo, StopKind.DOUBLE_STOP);
		assertThat(instance).isWaitingAt(WinbackProcess.TASK_ALTERNATE_CALL);

		kit.complete(instance, notReached());
		assertThat(instance).isWaitingAt(WinbackProcess.TIMER_NEXT_ATTEMPT);
		// five days later is Monday 30 November, 19:30: still in calling hours
		org.assertj.core.api.Assertions.assertThat(job(WinbackProcess.TIMER_NEXT_ATTEMPT, instance).getDuedate())
				.isEqualTo(at("2026-11-30T19:30"));
		execute(job(WinbackProcess.TIMER_NEXT_ATTEMPT, instance));
		kit.complete(instance, reached("FORGOT", "WILL_PAY"));
		lineEvents.reactivated(customerNo, eventTime());

		assertThat(instance).isEnded().hasPassed(WinbackProcess.END_WON_BACK);
		org.assertj.core.api.Assertions.assertThat(contacts.findByCaseIdOrderByAttemptedAt(kit.caseOf(instance).getId()))
				.hasSize(2);
		org.assertj.core.api.Assertions.assertThat(kit.caseOf(instance).getOutcome()).isEqualTo(CaseOutcome.WON_BACK);
	}

	@Test
	void shouldEndLostWithTheReasonAfterThreeAttempts() {
		String customerNo = customer(withSecondPhone(Fixtures.postpaid(kit.newCustomerNo(), 4, "manager5")));
		ProcessInstance instance = suspend(customerNo, StopKind.DOUBLE_STOP);

		kit.complete(instance, notReached());
		execute(job(WinbackProcess.TIMER_NEXT_ATTEMPT, instance));
		kit.complete(instance, reached("DISSATISFIED", "THINKING"));
		execute(job(WinbackProcess.TIMER_NEXT_ATTEMPT, instance));
		kit.complete(instance, notReached());

		assertThat(instance).isEnded().hasPassed(WinbackProcess.END_LOST);
		RetentionCase file = kit.caseOf(instance);
		org.assertj.core.api.Assertions.assertThat(file.getOutcome()).isEqualTo(CaseOutcome.LOST);
		org.assertj.core.api.Assertions.assertThat(file.getOutcomeReason()).contains("3次");
		org.assertj.core.api.Assertions.assertThat(contacts.findByCaseIdOrderByAttemptedAt(file.getId())).hasSize(3);
	}

	@Test
	void shouldRecordTheCompetitorAndEndLostWhenTheCustomerHasLeft() {
		String customerNo = customer(Fixtures.postpaid(kit.newCustomerNo(), 3, "manager1"));
		ProcessInstance instance = suspend(customerNo, StopKind.SINGLE_STOP);
		Map<String, Object> form = reached("COMPETITOR", "CHURNED");
		form.put("competitorName", "移动: 预存100送宽带");

		kit.complete(instance, form);

		assertThat(instance).isEnded().hasPassed(WinbackProcess.END_CHURNED);
		org.assertj.core.api.Assertions.assertThat(kit.caseOf(instance).getOutcomeReason())
				.isEqualTo("转到竞争对手: 移动: 预存100送宽带");
		org.assertj.core.api.Assertions.assertThat(competitors.findByCustomerNo(customerNo)).singleElement()
				.satisfies(report -> org.assertj.core.api.Assertions.assertThat(report.getReportedBy())
						.isEqualTo("manager1"));
	}

	@Test
	void shouldGiveASupervisorTaskWhenThereIsNoAlternateNumber() {
		String customerNo = customer(Fixtures.postpaid(kit.newCustomerNo(), 4, "manager6"));
		ProcessInstance instance = suspend(customerNo, StopKind.DOUBLE_STOP);

		assertThat(instance).isWaitingAt(WinbackProcess.TASK_NO_ALTERNATE_CONTACT);
		Task task = taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();
		org.assertj.core.api.Assertions.assertThat(task.getAssignee()).isEqualTo("supervisor2");
		taskService.complete(task.getId(), Map.of("supervisorNotes", "客户资料无其他号码"));

		assertThat(instance).isEnded().hasPassed(WinbackProcess.END_NO_CONTACT);
		org.assertj.core.api.Assertions.assertThat(kit.caseOf(instance).getOutcomeReason()).isEqualTo("无备用联系方式");
	}

	@Test
	void shouldLetTheManagerCallANumberTheSupervisorFound() {
		String customerNo = customer(Fixtures.postpaid(kit.newCustomerNo(), 4, "manager6"));
		ProcessInstance instance = suspend(customerNo, StopKind.DOUBLE_STOP);
		Task task = taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();

		assertThatThrownBy(() -> taskService.complete(task.getId(), Map.of("newContactNumber", "打不通")))
				.isInstanceOf(FormRejectedException.class).hasMessageContaining("新获得的联系电话");
		taskService.complete(task.getId(), Map.of("newContactNumber", "13800001111"));

		assertThat(instance).isWaitingAt(WinbackProcess.TASK_ALTERNATE_CALL);
		org.assertj.core.api.Assertions.assertThat(customers.findById(customerNo).orElseThrow().getSecondPhone())
				.isEqualTo("13800001111");
		String callId = kit.call(instance).getId();
		org.assertj.core.api.Assertions.assertThat(kit.briefOfTask(callId))
				.contains("备用联系电话: 13800001111");
	}

	@Test
	void shouldExpireASingleStopThatNeitherPaysNorBecomesADoubleStop() {
		ProcessInstance instance = suspend(customer(Fixtures.postpaid(kit.newCustomerNo(), 3, "manager1")),
				StopKind.SINGLE_STOP);
		kit.complete(instance, reached("FORGOT", "WILL_PAY"));

		execute(job(WinbackProcess.TIMER_SINGLE_STOP_WAIT_OVER, instance));

		assertThat(instance).isEnded().hasPassed(WinbackProcess.END_EXPIRED);
		org.assertj.core.api.Assertions.assertThat(kit.caseOf(instance).getOutcome()).isEqualTo(CaseOutcome.EXPIRED);
	}

	@Test
	void shouldEscalateALateImmediateCall() {
		ProcessInstance instance = suspend(customer(Fixtures.postpaid(kit.newCustomerNo(), 3, "manager1")),
				StopKind.SINGLE_STOP);
		kit.moveClockTo("2026-11-26T10:31");

		execute(job(WinbackProcess.BOUNDARY_IMMEDIATE_CALL_OVERDUE, instance));
		execute(job(WinbackProcess.SERVICE_RECORD_ESCALATION, instance));

		assertThat(instance).isWaitingAt(WinbackProcess.TASK_IMMEDIATE_CALL, WinbackProcess.TASK_ESCALATION_REVIEW,
				WinbackProcess.SERVICE_MAIL_SUPERVISOR);
		org.assertj.core.api.Assertions.assertThat(kit.caseOf(instance).getEscalations()).isOne();
		execute(job(WinbackProcess.SERVICE_MAIL_SUPERVISOR, instance));
		org.assertj.core.api.Assertions.assertThat(mail.getReceivedMessagesForDomain("supervisor1@retention-desk.example.cn"))
				.isNotEmpty();
	}

	@Test
	void shouldHandTheArrearsCaseOverToTheWinbackCase() {
		String customerNo = customer(Fixtures.prepaid(kit.newCustomerNo(), "2.00", "manager3"));
		RetentionCase arrearsCase = arrears.open(customers.findById(customerNo).orElseThrow());

		LineEventBooking.Result result = lineEvents.suspended(customerNo, StopKind.SINGLE_STOP, eventTime());

		org.assertj.core.api.Assertions.assertThat(cases.findById(arrearsCase.getId()).orElseThrow().getOutcome())
				.isEqualTo(CaseOutcome.SUSPENDED);
		org.assertj.core.api.Assertions.assertThat(cases.findOpen(customerNo, CaseType.SUSPENDED_WINBACK)).isPresent();
		org.assertj.core.api.Assertions.assertThat(result.casesTouched()).hasSize(2);
	}

	@Test
	void shouldIgnoreRepeatedEvents() {
		String customerNo = customer(Fixtures.postpaid(kit.newCustomerNo(), 3, "manager1"));
		OffsetDateTime at = eventTime();
		lineEvents.suspended(customerNo, StopKind.SINGLE_STOP, at);

		LineEventBooking.Result same = lineEvents.suspended(customerNo, StopKind.SINGLE_STOP, at);
		LineEventBooking.Result later = lineEvents.suspended(customerNo, StopKind.SINGLE_STOP, eventTime());

		org.assertj.core.api.Assertions.assertThat(same.duplicate()).isTrue();
		org.assertj.core.api.Assertions.assertThat(later.casesTouched()).isEmpty();
		org.assertj.core.api.Assertions.assertThat(engine.getRuntimeService().createProcessInstanceQuery()
				.processDefinitionKey(WinbackProcess.PROCESS_KEY).processInstanceBusinessKey(customerNo).count()).isOne();
	}

	@Test
	void shouldNotReopenForTheSameStopReportedAgainAfterTheCaseExpired() {
		String customerNo = customer(Fixtures.postpaid(kit.newCustomerNo(), 3, "manager1"));
		expiredSingleStop(customerNo);
		kit.moveClockTo("2026-11-26T10:00");

		LineEventBooking.Result again = lineEvents.suspended(customerNo, StopKind.SINGLE_STOP, nextDay(1));

		org.assertj.core.api.Assertions.assertThat(again.duplicate()).isFalse();
		org.assertj.core.api.Assertions.assertThat(again.casesTouched()).isEmpty();
		org.assertj.core.api.Assertions.assertThat(cases.findOpen(customerNo, CaseType.SUSPENDED_WINBACK)).isEmpty();
		org.assertj.core.api.Assertions.assertThat(instancesOf(customerNo)).isOne();
	}

	@Test
	void shouldOpenAgainForAStopAfterAReactivation() {
		String customerNo = customer(Fixtures.postpaid(kit.newCustomerNo(), 3, "manager1"));
		expiredSingleStop(customerNo);
		kit.moveClockTo("2026-11-26T10:00");

		lineEvents.reactivated(customerNo, nextDay(1));
		LineEventBooking.Result stoppedAgain = lineEvents.suspended(customerNo, StopKind.SINGLE_STOP, nextDay(2));

		org.assertj.core.api.Assertions.assertThat(stoppedAgain.casesTouched()).hasSize(1);
		assertThat(kit.instanceOf(cases.findOpen(customerNo, CaseType.SUSPENDED_WINBACK).orElseThrow()))
				.isWaitingAt(WinbackProcess.TASK_IMMEDIATE_CALL);
		org.assertj.core.api.Assertions.assertThat(instancesOf(customerNo)).isEqualTo(2);
	}

	@Test
	void shouldOpenAgainWhenASingleStopThatExpiredBecomesADoubleStop() {
		String customerNo = customer(withSecondPhone(Fixtures.postpaid(kit.newCustomerNo(), 3, "manager1")));
		expiredSingleStop(customerNo);
		kit.moveClockTo("2026-11-26T10:00");

		lineEvents.suspended(customerNo, StopKind.DOUBLE_STOP, nextDay(1));

		assertThat(kit.instanceOf(cases.findOpen(customerNo, CaseType.SUSPENDED_WINBACK).orElseThrow()))
				.isWaitingAt(WinbackProcess.TASK_ALTERNATE_CALL);
		org.assertj.core.api.Assertions.assertThat(instancesOf(customerNo)).isEqualTo(2);
	}

	@Test
	void shouldNotReopenForACustomerWhoLeftUnlessAPaymentCameIn() {
		String customerNo = customer(withSecondPhone(Fixtures.postpaid(kit.newCustomerNo(), 4, "manager5")));
		ProcessInstance instance = suspend(customerNo, StopKind.SINGLE_STOP);
		Map<String, Object> left = reached("COMPETITOR", "CHURNED");
		left.put("competitorName", "移动");
		kit.complete(instance, left);
		assertThat(instance).isEnded().hasPassed(WinbackProcess.END_CHURNED);
		kit.moveClockTo("2026-11-26T10:00");

		// the same stop reported again, then the double stop that follows: the customer told us they left
		LineEventBooking.Result again = lineEvents.suspended(customerNo, StopKind.SINGLE_STOP, nextDay(1));
		LineEventBooking.Result harder = lineEvents.suspended(customerNo, StopKind.DOUBLE_STOP, nextDay(2));
		org.assertj.core.api.Assertions.assertThat(again.casesTouched()).isEmpty();
		org.assertj.core.api.Assertions.assertThat(harder.casesTouched()).isEmpty();
		org.assertj.core.api.Assertions.assertThat(instancesOf(customerNo)).isOne();

		payments.book(customerNo, new BigDecimal("50.00"), nextDay(3));
		lineEvents.suspended(customerNo, StopKind.DOUBLE_STOP, nextDay(4));

		org.assertj.core.api.Assertions.assertThat(cases.findOpen(customerNo, CaseType.SUSPENDED_WINBACK)).isPresent();
		org.assertj.core.api.Assertions.assertThat(instancesOf(customerNo)).isEqualTo(2);
	}

	@Test
	void shouldOpenAgainForAStopAfterACaseWonBackByAPayment() {
		String customerNo = customer(Fixtures.postpaid(kit.newCustomerNo(), 3, "manager1"));
		ProcessInstance instance = suspend(customerNo, StopKind.SINGLE_STOP);
		payments.book(customerNo, new BigDecimal("120.00"), eventTime());
		assertThat(instance).isEnded().hasPassed(WinbackProcess.END_WON_BACK);
		kit.moveClockTo("2026-11-26T10:00");

		// billing reports the next stop; the line was never reported reactivated
		lineEvents.suspended(customerNo, StopKind.SINGLE_STOP, nextDay(1));

		org.assertj.core.api.Assertions.assertThat(cases.findOpen(customerNo, CaseType.SUSPENDED_WINBACK)).isPresent();
		org.assertj.core.api.Assertions.assertThat(instancesOf(customerNo)).isEqualTo(2);
	}

	@Test
	void shouldOpenACaseForAStopOfALineImportedAsStopped() {
		String customerNo = customer(
				Fixtures.withLineStatus(Fixtures.postpaid(kit.newCustomerNo(), 3, "manager1"), LineStatus.SINGLE_STOP));

		ProcessInstance instance = suspend(customerNo, StopKind.SINGLE_STOP);

		assertThat(instance).isWaitingAt(WinbackProcess.TASK_IMMEDIATE_CALL);
	}

	@Test
	void shouldRejectAnIncompleteCallFormInChinese() {
		ProcessInstance instance = suspend(customer(Fixtures.postpaid(kit.newCustomerNo(), 3, "manager1")),
				StopKind.SINGLE_STOP);
		Map<String, Object> noCompetitor = reached("COMPETITOR", "CHURNED");

		assertThatThrownBy(() -> kit.complete(instance, noCompetitor)).isInstanceOf(FormRejectedException.class)
				.hasMessageContaining("竞争对手");
		assertThatThrownBy(() -> kit.complete(instance, Map.of("contactOutcome", "REACHED")))
				.isInstanceOf(FormRejectedException.class).hasMessageContaining("停机/未缴费原因");
		assertThat(instance).isWaitingAt(WinbackProcess.TASK_IMMEDIATE_CALL);
	}

	private ProcessInstance suspend(String customerNo, StopKind kind) {
		lineEvents.suspended(customerNo, kind, eventTime());
		return kit.instanceOf(cases.findOpen(customerNo, CaseType.SUSPENDED_WINBACK).orElseThrow());
	}

	/** A single-stop case that ended expired (30 days without payment or double stop). */
	private void expiredSingleStop(String customerNo) {
		ProcessInstance instance = suspend(customerNo, StopKind.SINGLE_STOP);
		kit.complete(instance, reached("FORGOT", "WILL_PAY"));
		execute(job(WinbackProcess.TIMER_SINGLE_STOP_WAIT_OVER, instance));
		assertThat(instance).isEnded().hasPassed(WinbackProcess.END_EXPIRED);
	}

	/** An event the morning after {@link #NOW}, after the cases that ended today. */
	private static OffsetDateTime nextDay(int minute) {
		return OffsetDateTime.parse("2026-11-26T09:00:00+08:00").plusMinutes(minute);
	}

	private long instancesOf(String customerNo) {
		return engine.getHistoryService().createHistoricProcessInstanceQuery()
				.processDefinitionKey(WinbackProcess.PROCESS_KEY).processInstanceBusinessKey(customerNo).count();
	}

	private OffsetDateTime eventTime() {
		return NOW.toOffsetDateTime().minusMinutes(30).plusSeconds(++eventSecond);
	}

	private String customer(CustomerData data) {
		customers.saveAndFlush(Fixtures.customer(data));
		return data.customerNo();
	}

	private static CustomerData withSecondPhone(CustomerData data) {
		return new CustomerData(data.customerNo(), data.name(), data.serviceNo(), data.network(), data.segment(),
				data.starLevel(), data.paymentType(), data.balance(), data.arrearsMonths(), data.lineStatus(),
				data.managerId(), data.birthday(), data.idType(), data.idNo(), data.address(), "13911112222",
				data.email(), data.joinedOn());
	}

	private static Map<String, Object> reached(String reason, String decision) {
		Map<String, Object> form = new HashMap<>();
		form.put("contactOutcome", "REACHED");
		form.put("stopReason", reason);
		form.put("customerDecision", decision);
		return form;
	}

	private static Map<String, Object> notReached() {
		return new HashMap<>(Map.of("contactOutcome", "NOT_REACHED"));
	}
}
