package com.retentiondesk.expiry;

import static com.retentiondesk.CaseTestKit.at;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;

import java.time.LocalDate;
import java.time.LocalDateTime;
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
import com.retentiondesk.casework.CaseOutcome;
import com.retentiondesk.casework.FormRejectedException;
import com.retentiondesk.casework.RetentionCase;
import com.retentiondesk.contact.CompetitorReports;
import com.retentiondesk.contact.ContactAttempt;
import com.retentiondesk.contact.ContactAttempts;
import com.retentiondesk.contract.Agreement;
import com.retentiondesk.contract.AgreementType;
import com.retentiondesk.contract.Agreements;
import com.retentiondesk.customer.Customer;
import com.retentiondesk.customer.CustomerData;

/** Every outcome and timer of ContractExpiryRetentionProcess (processes/contract-expiry-retention.bpmn). */
@DeskTest
class ExpiryProcessTest {

	@RegisterExtension
	static GreenMailExtension mail = new GreenMailExtension(TestMail.SMTP);

	/** Wednesday 25 November 2026, 09:00. */
	private static final ZonedDateTime NOW = ZonedDateTime.parse("2026-11-25T09:00:00+08:00[Asia/Shanghai]");
	private static final LocalDate ENDS = LocalDate.of(2027, 1, 20);

	@RegisterExtension
	static final CaseTestKit kit = CaseTestKit.clockAt(NOW).customersNumbered("EXP")
			.callTasks(ExpiryProcess.TASK_RETENTION_CALL);

	@Autowired
	ProcessEngine engine;
	@Autowired
	ExpiryCases expiry;
	@Autowired
	Agreements agreements;
	@Autowired
	ContactAttempts contacts;
	@Autowired
	CompetitorReports competitors;
	@Autowired
	TaskService taskService;
	@Autowired
	com.retentiondesk.billing.UsageFeed usageFeed;
	@Autowired
	com.retentiondesk.customer.Customers customers;

	@Test
	void shouldOfferWhatTheDecisionTableSaysAndGiveTheManagerThreeWorkingDays() {
		ProcessInstance instance = open(Fixtures.prepaid(kit.newCustomerNo(), "50.00", "manager1"),
				AgreementType.HANDSET_SUBSIDY);

		assertThat(instance).hasPassed("ServiceTask_SelectOffer").isWaitingAt(ExpiryProcess.TASK_RETENTION_CALL);
		org.assertj.core.api.Assertions.assertThat(engine.getRuntimeService().getVariable(instance.getId(), "offerCode"))
				.isEqualTo("PHS_TO_CDMA");
		Task call = kit.call(instance);
		org.assertj.core.api.Assertions.assertThat(call.getAssignee()).isEqualTo("manager1");
		org.assertj.core.api.Assertions.assertThat(call.getDueDate()).isEqualTo(at("2026-11-27T20:00"));
		org.assertj.core.api.Assertions.assertThat(kit.briefOfTask(call.getId()))
				.contains("到期协议: 终端补贴  到期日: 2027-01-20").contains("推荐方案: PHS_TO_CDMA").contains("话术: 小灵通");
		org.assertj.core.api.Assertions.assertThat(kit.caseOf(instance).getAgreementId()).isNotNull();
	}

	@Test
	void shouldTakeTheAverageBillFromTheMonthlyUsageFeed() throws Exception {
		String customerNo = kit.newCustomerNo();
		kit.saveCustomer(Fixtures.prepaid(customerNo, "50.00", "manager1"));
		usageFeed.feedJson(new com.fasterxml.jackson.databind.ObjectMapper().readTree("["
				+ "{\"customerNo\":\"" + customerNo + "\",\"month\":\"2026-08\",\"amount\":20,\"calls\":9},"
				+ "{\"customerNo\":\"" + customerNo + "\",\"month\":\"2026-09\",\"amount\":110,\"calls\":50},"
				+ "{\"customerNo\":\"" + customerNo + "\",\"month\":\"2026-10\",\"amount\":95,\"calls\":41},"
				+ "{\"customerNo\":\"" + customerNo + "\",\"month\":\"2026-11\",\"amount\":100,\"calls\":44}]"));

		// the last 3 bills average 101.67: the PHS premium offer (>= 100) instead of PHS_TO_CDMA
		ProcessInstance instance = open(customers.findById(customerNo).orElseThrow(), AgreementType.HANDSET_SUBSIDY);

		org.assertj.core.api.Assertions.assertThat(engine.getRuntimeService().getVariable(instance.getId(), "offerCode"))
				.isEqualTo("PHS_TO_CDMA_PREMIUM");
		org.assertj.core.api.Assertions.assertThat(kit.briefOfTask(kit.call(instance).getId()))
				.contains("近6月话费(金额 / 通话次数):").contains("  2026-08     ¥20.00     9次  ██")
				.contains("  2026-11    ¥100.00    44次  █████████");
	}

	@Test
	void shouldRenewTheAgreementAndConfirmByMailWhenTheCustomerAccepts() throws Exception {
		String customerNo = kit.newCustomerNo();
		String email = customerNo.toLowerCase() + "@customer.example.cn";
		ProcessInstance instance = open(Fixtures.cdmaTier1(customerNo, "80.00", "manager2", email),
				AgreementType.RECHARGE_BINDING);
		org.assertj.core.api.Assertions.assertThat(engine.getRuntimeService().getVariable(instance.getId(), "offerCode"))
				.isEqualTo("PREPAY_BONUS");

		kit.complete(instance, Map.of("callResult", "ACCEPTED"));
		execute(job(ExpiryProcess.SERVICE_RENEW, instance));

		// the case is closed at once; the confirmation goes out on a branch of its own
		assertThat(instance).hasPassed(ExpiryProcess.END_RETAINED).isWaitingAt(ExpiryProcess.SERVICE_MAIL_RENEWAL_CONFIRMATION);
		org.assertj.core.api.Assertions.assertThat(mail.getReceivedMessagesForDomain(email)).isEmpty();
		execute(job(ExpiryProcess.SERVICE_MAIL_RENEWAL_CONFIRMATION, instance));

		assertThat(instance).isEnded().hasPassed(ExpiryProcess.END_RETAINED);
		org.assertj.core.api.Assertions.assertThat(kit.caseOf(instance).getOutcome()).isEqualTo(CaseOutcome.RETAINED);
		org.assertj.core.api.Assertions.assertThat(agreements.existsByCustomerNoAndAgreementTypeAndEndDate(customerNo,
				AgreementType.RECHARGE_BINDING, ENDS.plusMonths(12))).isTrue();
		org.assertj.core.api.Assertions.assertThat(mail.getReceivedMessagesForDomain(email)).hasSize(1);
		org.assertj.core.api.Assertions.assertThat(mail.getReceivedMessagesForDomain(email)[0].getSubject())
				.contains("续约确认");
	}

	@Test
	void shouldCallBackAtTheAgreedDateThenRecordADecline() {
		String customerNo = kit.newCustomerNo();
		ProcessInstance instance = open(Fixtures.prepaid(customerNo, "50.00", "manager1"), AgreementType.HANDSET_SUBSIDY);

		kit.complete(instance, Map.of("callResult", "THINKING", "callbackDate", "2026-12-01"));

		assertThat(instance).isWaitingAt(ExpiryProcess.TIMER_NEXT_CALL);
		org.assertj.core.api.Assertions.assertThat(job(ExpiryProcess.TIMER_NEXT_CALL, instance).getDuedate())
				.isEqualTo(at("2026-12-01T09:00"));
		execute(job(ExpiryProcess.TIMER_NEXT_CALL, instance));
		org.assertj.core.api.Assertions.assertThat(kit.call(instance).getDueDate()).isEqualTo(at("2026-12-01T20:00"));

		Map<String, Object> decline = new HashMap<>();
		decline.put("callResult", "DECLINED");
		decline.put("declineReason", "COMPETITOR");
		decline.put("competitorName", "联通: 冰激凌套餐");
		kit.complete(instance, decline);

		assertThat(instance).isEnded().hasPassed(ExpiryProcess.END_DECLINED);
		RetentionCase file = kit.caseOf(instance);
		org.assertj.core.api.Assertions.assertThat(file.getOutcome()).isEqualTo(CaseOutcome.DECLINED);
		org.assertj.core.api.Assertions.assertThat(file.getOutcomeReason()).isEqualTo("竞争对手优惠: 联通: 冰激凌套餐");
		org.assertj.core.api.Assertions.assertThat(competitors.findByCustomerNo(customerNo)).hasSize(1);
		org.assertj.core.api.Assertions.assertThat(contacts.findByCaseIdOrderByAttemptedAt(file.getId()))
				.extracting(ContactAttempt::getOutcome).containsExactly("THINKING", "DECLINED");
	}

	@Test
	void shouldCallBackInSevenDaysWithoutAnAgreedDate() {
		ProcessInstance instance = open(Fixtures.prepaid(kit.newCustomerNo(), "50.00", "manager1"),
				AgreementType.HANDSET_SUBSIDY);

		kit.complete(instance, Map.of("callResult", "THINKING"));

		org.assertj.core.api.Assertions.assertThat(job(ExpiryProcess.TIMER_NEXT_CALL, instance).getDuedate())
				.isEqualTo(at("2026-12-02T09:00"));
	}

	@Test
	void shouldRetryTheNextWorkingDayAndEndUnreachableAfterThreeAttempts() {
		ProcessInstance instance = open(Fixtures.prepaid(kit.newCustomerNo(), "50.00", "manager3"),
				AgreementType.HANDSET_SUBSIDY);

		kit.complete(instance, Map.of("callResult", "UNREACHABLE"));
		org.assertj.core.api.Assertions.assertThat(job(ExpiryProcess.TIMER_NEXT_CALL, instance).getDuedate())
				.isEqualTo(at("2026-11-26T09:00"));
		execute(job(ExpiryProcess.TIMER_NEXT_CALL, instance));
		kit.complete(instance, Map.of("callResult", "UNREACHABLE"));
		execute(job(ExpiryProcess.TIMER_NEXT_CALL, instance));
		kit.complete(instance, Map.of("callResult", "UNREACHABLE"));

		assertThat(instance).isEnded().hasPassed(ExpiryProcess.END_UNREACHABLE);
		org.assertj.core.api.Assertions.assertThat(kit.caseOf(instance).getOutcome()).isEqualTo(CaseOutcome.UNREACHABLE);
	}

	@Test
	void shouldEscalateALateCallAndKeepTheManagersTask() {
		ProcessInstance instance = open(Fixtures.prepaid(kit.newCustomerNo(), "50.00", "manager1"),
				AgreementType.HANDSET_SUBSIDY);
		kit.moveClockTo("2026-11-27T20:01");

		execute(job(ExpiryProcess.BOUNDARY_CALL_OVERDUE, instance));
		execute(job(ExpiryProcess.SERVICE_RECORD_ESCALATION, instance));

		assertThat(instance).isWaitingAt(ExpiryProcess.TASK_RETENTION_CALL, ExpiryProcess.TASK_ESCALATION_REVIEW);
		org.assertj.core.api.Assertions.assertThat(kit.caseOf(instance).getEscalations()).isOne();
	}

	@Test
	void shouldCallInTheSupervisorFourteenDaysBeforeTheEnd() {
		ProcessInstance instance = open(Fixtures.prepaid(kit.newCustomerNo(), "50.00", "manager5"),
				AgreementType.HANDSET_SUBSIDY);
		org.assertj.core.api.Assertions.assertThat(job(ExpiryProcess.START_NEAR_EXPIRY, instance).getDuedate())
				.isEqualTo(at("2027-01-06T09:00"));

		execute(job(ExpiryProcess.START_NEAR_EXPIRY, instance));

		assertThat(instance).isWaitingAt(ExpiryProcess.TASK_RETENTION_CALL, ExpiryProcess.TASK_NEAR_EXPIRY);
		Task review = kit.task(instance, ExpiryProcess.TASK_NEAR_EXPIRY);
		org.assertj.core.api.Assertions.assertThat(review.getName()).isEqualTo("即将到期未挽留");
		org.assertj.core.api.Assertions.assertThat(review.getAssignee()).isEqualTo("supervisor2");
	}

	@Test
	void shouldEndExpiredWhenTheAgreementEndsWithTheCaseOpen() {
		ProcessInstance instance = open(Fixtures.prepaid(kit.newCustomerNo(), "50.00", "manager1"),
				AgreementType.HANDSET_SUBSIDY);
		org.assertj.core.api.Assertions.assertThat(job(ExpiryProcess.START_EXPIRED, instance).getDuedate())
				.isEqualTo(at("2027-01-21T00:00"));

		execute(job(ExpiryProcess.START_EXPIRED, instance));

		assertThat(instance).isEnded().hasPassed(ExpiryProcess.END_EXPIRED);
		org.assertj.core.api.Assertions.assertThat(kit.caseOf(instance).getOutcome()).isEqualTo(CaseOutcome.EXPIRED);
		org.assertj.core.api.Assertions.assertThat(kit.openTasks(instance)).isZero();
	}

	@Test
	void shouldRejectADeclineWithoutAReason() {
		ProcessInstance instance = open(Fixtures.prepaid(kit.newCustomerNo(), "50.00", "manager1"),
				AgreementType.HANDSET_SUBSIDY);

		assertThatThrownBy(() -> kit.complete(instance, Map.of("callResult", "DECLINED")))
				.isInstanceOf(FormRejectedException.class).hasMessageContaining("拒绝原因");
		assertThatThrownBy(() -> kit.complete(instance, Map.of("callResult", "THINKING", "callbackDate", "2026-11-25")))
				.isInstanceOf(FormRejectedException.class).hasMessageContaining("约定回访日期");
		assertThat(instance).isWaitingAt(ExpiryProcess.TASK_RETENTION_CALL);
	}

	private ProcessInstance open(CustomerData data, AgreementType type) {
		return open(kit.saveCustomer(data), type);
	}

	private ProcessInstance open(Customer customer, AgreementType type) {
		Agreement agreement = agreements.saveAndFlush(new Agreement(customer.getCustomerNo(), type, ENDS,
				LocalDateTime.now()));
		return kit.instanceOf(expiry.open(customer, agreement));
	}
}
