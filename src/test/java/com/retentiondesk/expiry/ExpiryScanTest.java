package com.retentiondesk.expiry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

import com.retentiondesk.CaseTestKit;
import com.retentiondesk.DeskTest;
import com.retentiondesk.Fixtures;
import com.retentiondesk.casework.CaseFiles;
import com.retentiondesk.casework.CaseOutcome;
import com.retentiondesk.casework.CaseType;
import com.retentiondesk.casework.RetentionCases;
import com.retentiondesk.contract.Agreement;
import com.retentiondesk.contract.AgreementType;
import com.retentiondesk.contract.Agreements;
import com.retentiondesk.customer.CustomerData;
import com.retentiondesk.customer.Customers;
import com.retentiondesk.customer.LineStatus;

/** ExpiryScanProcess (processes/expiry-scan.bpmn): the 60-day window at its boundaries, and idempotency. */
@DeskTest
class ExpiryScanTest {

	/** Wednesday 25 November 2026: 60 days later is Sunday 24 January 2027. */
	private static final ZonedDateTime WEDNESDAY = ZonedDateTime.parse("2026-11-25T08:30:00+08:00[Asia/Shanghai]");
	private static final LocalDate TODAY = WEDNESDAY.toLocalDate();

	@RegisterExtension
	static final CaseTestKit kit = CaseTestKit.clockAt(WEDNESDAY);

	@Autowired
	RuntimeService runtime;
	@Autowired
	HistoryService history;
	@Autowired
	Customers customers;
	@Autowired
	Agreements agreements;
	@Autowired
	RetentionCases cases;
	@Autowired
	CaseFiles files;

	@Test
	void shouldOpenCasesForAgreementsEndingWithinSixtyDaysOnlyOnce() {
		agreement(Fixtures.prepaid("EXS01", "50.00", "manager1"), TODAY.plusDays(60)); // last day in the window
		agreement(Fixtures.prepaid("EXS02", "50.00", "manager1"), TODAY.plusDays(61)); // too early
		agreement(Fixtures.prepaid("EXS03", "50.00", "manager1"), TODAY); // ends today: still in time
		agreement(Fixtures.prepaid("EXS04", "50.00", "manager1"), TODAY.minusDays(1)); // already over
		agreement(Fixtures.withLineStatus(Fixtures.prepaid("EXS05", "50.00", "manager1"), LineStatus.CLOSED),
				TODAY.plusDays(30)); // closed line

		ProcessInstance first = runScan(Map.of());

		assertThat(openCase("EXS01")).isTrue();
		assertThat(openCase("EXS02")).isFalse();
		assertThat(openCase("EXS03")).isTrue();
		assertThat(openCase("EXS04")).isFalse();
		assertThat(openCase("EXS05")).isFalse();
		assertThat((Integer) variable(first, ExpiryProcess.SCAN_OPENED)).isGreaterThanOrEqualTo(2);

		ProcessInstance second = runScan(Map.of());

		assertThat((Integer) variable(second, ExpiryProcess.SCAN_OPENED)).isZero();
		assertThat(casesOf("EXS01")).isOne();
		assertThat(casesOf("EXS03")).isOne();
	}

	@Test
	void shouldNotReopenAnAgreementWhoseCaseWasClosed() {
		Agreement agreement = agreement(Fixtures.prepaid("EXS10", "50.00", "manager2"), TODAY.plusDays(20));
		runScan(Map.of());
		files.close(cases.findOpen("EXS10", CaseType.CONTRACT_EXPIRY).orElseThrow().getId(), CaseOutcome.DECLINED,
				"价格/资费");

		runScan(Map.of());

		assertThat(openCase("EXS10")).isFalse();
		assertThat(cases.findAll().stream().filter(c -> agreement.getId().equals(c.getAgreementId())).count()).isOne();
	}

	@Test
	void shouldOpenNothingOnARestDayUnlessForced() {
		agreement(Fixtures.prepaid("EXS20", "50.00", "manager3"), TODAY.plusDays(40));
		kit.moveClockTo(WEDNESDAY.plusDays(3));

		runScan(Map.of());
		assertThat(openCase("EXS20")).isFalse();

		runScan(Map.of(ExpiryProcess.SCAN_FORCE, true));
		assertThat(openCase("EXS20")).isTrue();
	}

	private ProcessInstance runScan(Map<String, Object> variables) {
		ProcessInstance instance = runtime.startProcessInstanceByKey(ExpiryProcess.SCAN_PROCESS_KEY, variables);
		execute(job(ExpiryProcess.SERVICE_OPEN_CASES, instance));
		return instance;
	}

	private Agreement agreement(CustomerData data, LocalDate end) {
		customers.saveAndFlush(Fixtures.customer(data));
		return agreements.saveAndFlush(new Agreement(data.customerNo(), AgreementType.RECHARGE_BINDING, end,
				LocalDateTime.now()));
	}

	private Object variable(ProcessInstance instance, String name) {
		return history.createHistoricVariableInstanceQuery().processInstanceId(instance.getId()).variableName(name)
				.singleResult().getValue();
	}

	private boolean openCase(String customerNo) {
		return cases.findOpen(customerNo, CaseType.CONTRACT_EXPIRY).isPresent();
	}

	private long casesOf(String customerNo) {
		return cases.findAll().stream()
				.filter(c -> c.getCustomerNo().equals(customerNo) && c.getCaseType() == CaseType.CONTRACT_EXPIRY).count();
	}
}
