package com.retentiondesk.packageadvice;

import static com.retentiondesk.CaseTestKit.at;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
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
import com.retentiondesk.billing.UsagePackage;
import com.retentiondesk.casework.CaseOutcome;
import com.retentiondesk.casework.FormRejectedException;
import com.retentiondesk.customer.Customer;

/** Every path and timer of PackageAdviceProcess (processes/package-advice.bpmn), and the advice it opens with. */
@DeskTest
class PackageAdviceProcessTest {

	@RegisterExtension
	static GreenMailExtension mail = new GreenMailExtension(TestMail.SMTP);

	/** Wednesday 2 December 2026, 09:00. */
	private static final ZonedDateTime NOW = ZonedDateTime.parse("2026-12-02T09:00:00+08:00[Asia/Shanghai]");
	private static final YearMonth NOVEMBER = YearMonth.of(2026, 11);

	@RegisterExtension
	static final CaseTestKit kit = CaseTestKit.clockAt(NOW).customersNumbered("PAP")
			.callTasks(PackageAdviceProcess.TASK_CALL);

	@Autowired
	PackageAdviceCases advice;
	@Autowired
	MonthlyBills bills;
	@Autowired
	TaskService taskService;

	@Test
	void shouldAdviseTheNextTierAfterThreeMonthsOverTheMinimumAndShowItInTheBrief() {
		ProcessInstance instance = open("PKG_59", "75", "70", "66");

		assertThat(instance).variables().containsEntry(PackageAdviceProcess.ADVICE_TYPE, "NEXT_TIER")
				.containsEntry(PackageAdviceProcess.RECOMMENDED_PACKAGE, "PKG_89")
				.containsEntry(PackageAdviceProcess.USAGE_MONTH, "2026-11");
		// five working days from Wednesday
		org.assertj.core.api.Assertions.assertThat(kit.call(instance).getDueDate()).isEqualTo(at("2026-12-08T20:00"));
		org.assertj.core.api.Assertions.assertThat(kit.briefOfTask(kit.call(instance).getId()))
				.contains("套餐预警: 当前 59元套餐 (保底¥59.00), 连续3个月超出保底, 近3月平均 ¥70.33")
				.contains("建议: 升档到 89元套餐 (保底¥89.00)")
				.contains("  2026-09     ¥66.00");
	}

	@Test
	void shouldAdviseOtherTypesByTheDecision() {
		org.assertj.core.api.Assertions.assertThat(advise("PKG_129", "150", "140", "135"))
				.isEqualTo("CONVERGED FUSION_169");
		org.assertj.core.api.Assertions.assertThat(advise("PKG_89", "40", "45", "50")).isEqualTo("RIGHT_SIZE PKG_39");
		org.assertj.core.api.Assertions.assertThat(advise(null, "95", "90", "80")).isEqualTo("JOIN_PACKAGE PKG_59");
		org.assertj.core.api.Assertions.assertThat(advise(null, "180", "160", "170")).isEqualTo("CONVERGED FUSION_169");
		org.assertj.core.api.Assertions.assertThat(advise("PKG_59", "75", "70", "59")).isEqualTo("none");
		org.assertj.core.api.Assertions.assertThat(advise(null, "30", "20", "38")).isEqualTo("none");
	}

	@Test
	void shouldEndWithTheNewPackageWhenTheCustomerAccepts() {
		ProcessInstance instance = open("PKG_59", "75", "70", "66");

		kit.complete(instance, Map.of("callResult", "ACCEPTED"));

		assertThat(instance).isEnded().hasPassed(PackageAdviceProcess.END_PACKAGE_CHANGED);
		org.assertj.core.api.Assertions.assertThat(kit.caseOf(instance).getOutcome()).isEqualTo(CaseOutcome.RETAINED);
	}

	@Test
	void shouldCallBackAtTheAgreedDateAndEndDeclined() {
		ProcessInstance instance = open("PKG_59", "75", "70", "66");

		kit.complete(instance, Map.of("callResult", "THINKING", "callbackDate", "2026-12-10"));
		assertThat(instance).isWaitingAt(PackageAdviceProcess.TIMER_NEXT_CALL);
		org.assertj.core.api.Assertions.assertThat(job(PackageAdviceProcess.TIMER_NEXT_CALL, instance).getDuedate())
				.isEqualTo(at("2026-12-10T09:00"));
		execute(job(PackageAdviceProcess.TIMER_NEXT_CALL, instance));
		kit.complete(instance, Map.of("callResult", "DECLINED", "declineReason", "SATISFIED"));

		assertThat(instance).isEnded().hasPassed(PackageAdviceProcess.END_DECLINED);
		org.assertj.core.api.Assertions.assertThat(kit.caseOf(instance).getOutcome()).isEqualTo(CaseOutcome.DECLINED);
		org.assertj.core.api.Assertions.assertThat(kit.caseOf(instance).getOutcomeReason()).isEqualTo("对现有套餐满意");
	}

	@Test
	void shouldEndUnreachableAfterThreeAttempts() {
		ProcessInstance instance = open("PKG_59", "75", "70", "66");

		for (int attempt = 1; attempt < 3; attempt++) {
			kit.complete(instance, Map.of("callResult", "UNREACHABLE"));
			execute(job(PackageAdviceProcess.TIMER_NEXT_CALL, instance));
		}
		kit.complete(instance, Map.of("callResult", "UNREACHABLE"));

		assertThat(instance).isEnded().hasPassed(PackageAdviceProcess.END_UNREACHABLE);
		org.assertj.core.api.Assertions.assertThat(kit.caseOf(instance).getOutcome()).isEqualTo(CaseOutcome.UNREACHABLE);
	}

	@Test
	void shouldEscalateAnOverdueCall() {
		ProcessInstance instance = open("PKG_59", "75", "70", "66");
		kit.moveClockTo("2026-12-08T20:01");

		execute(job(PackageAdviceProcess.BOUNDARY_CALL_OVERDUE, instance));
		execute(job(PackageAdviceProcess.SERVICE_RECORD_ESCALATION, instance));
		execute(job(PackageAdviceProcess.SERVICE_MAIL_SUPERVISOR, instance));

		assertThat(instance).isWaitingAt(PackageAdviceProcess.TASK_CALL, PackageAdviceProcess.TASK_ESCALATION_REVIEW);
		org.assertj.core.api.Assertions.assertThat(kit.caseOf(instance).getEscalations()).isOne();
		org.assertj.core.api.Assertions.assertThat(mail.getReceivedMessagesForDomain("supervisor1@retention-desk.example.cn"))
				.isNotEmpty();
		taskService.complete(kit.task(instance, PackageAdviceProcess.TASK_ESCALATION_REVIEW).getId(),
				Map.of("escalationAction", "CALLED_MYSELF"));
		assertThat(instance).hasPassed(PackageAdviceProcess.END_ESCALATION_HANDLED);
	}

	@Test
	void shouldRefuseADeclineWithoutAReason() {
		ProcessInstance instance = open("PKG_59", "75", "70", "66");

		assertThatThrownBy(() -> kit.complete(instance, Map.of("callResult", "DECLINED")))
				.isInstanceOf(FormRejectedException.class).hasMessageContaining("拒绝原因");
		assertThat(instance).isWaitingAt(PackageAdviceProcess.TASK_CALL);
	}

	private String advise(String packageCode, String november, String october, String september) {
		Customer customer = kit.saveCustomer(Fixtures.postpaid(kit.newCustomerNo(), 0, "manager1"));
		List<MonthlyBill> own = bills(customer, packageCode, november, october, september);
		return advice.advise(NOVEMBER, own, advice.catalogue())
				.map(a -> a.type() + " " + a.recommendedPackage()).orElse("none");
	}

	private ProcessInstance open(String packageCode, String november, String october, String september) {
		Customer customer = kit.saveCustomer(Fixtures.postpaid(kit.newCustomerNo(), 0, "manager1"));
		List<MonthlyBill> own = bills(customer, packageCode, november, october, september);
		Map<String, UsagePackage> catalogue = advice.catalogue();
		PackageAdviceCases.Advice advised = advice.advise(NOVEMBER, own, catalogue).orElseThrow();
		return kit.instanceOf(advice.open(customer, NOVEMBER, advised, catalogue, null));
	}

	private List<MonthlyBill> bills(Customer customer, String packageCode, String... amounts) {
		List<MonthlyBill> own = new java.util.ArrayList<>();
		for (int i = 0; i < amounts.length; i++) {
			own.add(bills.saveAndFlush(new MonthlyBill(customer.getCustomerNo(), NOVEMBER.minusMonths(i),
					new BigDecimal(amounts[i]), 30, 200, packageCode, null)));
		}
		return own;
	}
}
