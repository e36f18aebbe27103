package com.retentiondesk.expiry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.retentiondesk.CaseTestKit;
import com.retentiondesk.DeskTest;
import com.retentiondesk.Fixtures;
import com.retentiondesk.casework.CaseFiles;
import com.retentiondesk.casework.CaseOutcome;
import com.retentiondesk.casework.CaseType;
import com.retentiondesk.casework.ChunkedScan;
import com.retentiondesk.casework.RetentionCases;
import com.retentiondesk.contract.Agreement;
import com.retentiondesk.contract.AgreementType;
import com.retentiondesk.contract.Agreements;
import com.retentiondesk.customer.Customer;
import com.retentiondesk.customer.CustomerData;
import com.retentiondesk.customer.Customers;
import com.retentiondesk.customer.LineStatus;

/** ExpiryScanProcess (processes/expiry-scan.bpmn): the 60-day window at its boundaries, and idempotency. */
@DeskTest
@ExtendWith(OutputCaptureExtension.class)
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
	@Autowired
	ExpiryScan scan;
	@Autowired
	ExpiryCases expiry;
	@Autowired
	PlatformTransactionManager transactions;

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

	@Test
	void shouldOpenOneCaseForACustomerWithTwoAgreementsAndTheOtherTypeOnlyOnceTheFirstEnded() {
		Agreement recharge = agreement(Fixtures.prepaid("EXS30", "50.00", "manager1"), TODAY.plusDays(20));
		Agreement handset = agreements.saveAndFlush(new Agreement("EXS30", AgreementType.HANDSET_SUBSIDY,
				TODAY.plusDays(25), LocalDateTime.now()));

		runScan(Map.of());
		runScan(Map.of());

		assertThat(casesOf("EXS30")).as("one open case at a time").isOne();
		assertThat(cases.findOpen("EXS30", CaseType.CONTRACT_EXPIRY).orElseThrow().getAgreementId())
				.isEqualTo(recharge.getId());

		// the first case ends; the other agreement is a contract of its own: a new reason
		files.close(cases.findOpen("EXS30", CaseType.CONTRACT_EXPIRY).orElseThrow().getId(), CaseOutcome.DECLINED,
				"价格/资费");
		runScan(Map.of());
		runScan(Map.of());

		assertThat(casesOf("EXS30")).isEqualTo(2);
		assertThat(cases.findOpen("EXS30", CaseType.CONTRACT_EXPIRY).orElseThrow().getAgreementId())
				.isEqualTo(handset.getId());
	}

	@Test
	void shouldNotReopenTheSameExpiryWhenBillingCorrectsItsEndDate() {
		agreement(Fixtures.prepaid("EXS40", "50.00", "manager2"), TODAY.plusDays(20));
		runScan(Map.of());
		files.close(cases.findOpen("EXS40", CaseType.CONTRACT_EXPIRY).orElseThrow().getId(), CaseOutcome.DECLINED,
				"价格/资费");
		// the next import carries the agreement with an end date five days later: a new agreement row
		agreements.saveAndFlush(new Agreement("EXS40", AgreementType.RECHARGE_BINDING, TODAY.plusDays(25),
				LocalDateTime.now()));

		kit.moveClockTo(WEDNESDAY.plusDays(1));
		runScan(Map.of());

		assertThat(openCase("EXS40")).isFalse();
		assertThat(casesOf("EXS40")).isOne();
	}

	@Test
	void shouldOpenACaseForARenewedAgreementSixtyDaysBeforeItsNewEnd() {
		agreement(Fixtures.prepaid("EXS50", "50.00", "manager3"), TODAY.plusDays(20));
		runScan(Map.of());
		files.close(cases.findOpen("EXS50", CaseType.CONTRACT_EXPIRY).orElseThrow().getId(), CaseOutcome.RETAINED,
				null);
		Agreement renewed = agreements.saveAndFlush(new Agreement("EXS50", AgreementType.RECHARGE_BINDING,
				TODAY.plusDays(20).plusMonths(12), LocalDateTime.now()));

		kit.moveClockTo(WEDNESDAY.plusDays(1));
		runScan(Map.of());
		assertThat(openCase("EXS50")).as("the renewal ends in a year").isFalse();

		kit.moveClockTo(renewed.getEndDate().minusDays(59).atTime(8, 30).atZone(WEDNESDAY.getZone()));
		runScan(Map.of(ExpiryProcess.SCAN_FORCE, true));

		assertThat(cases.findOpen("EXS50", CaseType.CONTRACT_EXPIRY).orElseThrow().getAgreementId())
				.isEqualTo(renewed.getId());
		assertThat(casesOf("EXS50")).isEqualTo(2);
	}

	@Test
	void shouldWaitForAChunkAnotherNodeHoldsAndThenFindItsCaseOpen(CapturedOutput output) throws Exception {
		Agreement agreement = agreement(Fixtures.prepaid("EXS60", "50.00", "manager4"), TODAY.plusDays(30));
		CountDownLatch locked = new CountDownLatch(1);
		ExecutorService otherNode = Executors.newSingleThreadExecutor();
		try {
			// the other node's chunk: it has locked the customer and opens the case, committing later
			Future<?> other = otherNode.submit(() -> new TransactionTemplate(transactions).executeWithoutResult(status -> {
				Customer customer = customers.lockAll(List.of("EXS60")).get(0);
				locked.countDown();
				pause(1500); // this node's scan reads the agreement and waits for the lock
				expiry.open(customer, agreement);
			}));
			assertThat(locked.await(10, TimeUnit.SECONDS)).isTrue();

			ChunkedScan.Result result = scan.run();
			other.get(30, TimeUnit.SECONDS);

			assertThat(result.opened()).isZero();
			assertThat(result.failed()).isZero();
			assertThat(output.getAll()).doesNotContain("expiry scan: chunk up to");
			assertThat(casesOf("EXS60")).isOne();
			assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(ExpiryProcess.PROCESS_KEY)
					.processInstanceBusinessKey("EXS60").count()).isOne();
		} finally {
			otherNode.shutdownNow();
		}
	}

	private static void pause(long millis) {
		try {
			Thread.sleep(millis);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
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
