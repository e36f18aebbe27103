package com.retentiondesk.arrears;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

import com.retentiondesk.CaseTestKit;
import com.retentiondesk.DeskTest;
import com.retentiondesk.Fixtures;
import com.retentiondesk.billing.Payment;
import com.retentiondesk.billing.Payments;
import com.retentiondesk.casework.CaseOutcome;
import com.retentiondesk.casework.CaseType;
import com.retentiondesk.customer.Customer;
import com.retentiondesk.handover.LineEventBooking;
import com.retentiondesk.winback.StopKind;
import com.retentiondesk.casework.CaseVariables;
import com.retentiondesk.casework.ChunkedScan;
import com.retentiondesk.casework.RetentionCase;
import com.retentiondesk.casework.RetentionCases;
import com.retentiondesk.contact.ContactAttempt;
import com.retentiondesk.contact.ContactAttempts;
import com.retentiondesk.contact.ContactChannel;
import com.retentiondesk.customer.CustomerData;
import com.retentiondesk.customer.Customers;
import com.retentiondesk.customer.LineStatus;

/** ArrearsScanProcess (processes/arrears-scan.bpmn): who gets a case, and never a second one. */
@DeskTest
class ArrearsScanTest {

	private static final ZonedDateTime WEDNESDAY = ZonedDateTime.parse("2026-11-25T08:00:00+08:00[Asia/Shanghai]");
	private static final ZonedDateTime SATURDAY = ZonedDateTime.parse("2026-11-28T08:00:00+08:00[Asia/Shanghai]");

	@RegisterExtension
	static final CaseTestKit kit = CaseTestKit.clockAt(WEDNESDAY);

	@Autowired
	RuntimeService runtime;
	@Autowired
	HistoryService history;
	@Autowired
	org.camunda.bpm.engine.TaskService tasks;
	@Autowired
	org.camunda.bpm.engine.ManagementService management;
	@Autowired
	Customers customers;
	@Autowired
	RetentionCases cases;
	@Autowired
	ArrearsScan scan;
	@Autowired
	ContactAttempts contacts;
	@Autowired
	LineEventBooking lineEvents;
	@Autowired
	Payments payments;

	private static boolean loaded;

	@BeforeEach
	void customersAtTheBoundaries() {
		if (!loaded) {
			save(Fixtures.prepaid("SCAN01", "10.00", "manager1")); // exactly 10: not due
			save(Fixtures.prepaid("SCAN02", "9.99", "manager1")); // due
			save(Fixtures.postpaid("SCAN03", 1, "manager5")); // one month: not due
			save(Fixtures.postpaid("SCAN04", 2, "manager5")); // two months: due
			save(Fixtures.withLineStatus(Fixtures.prepaid("SCAN05", "1.00", "manager2"), LineStatus.CLOSED)); // closed
			save(Fixtures.withLineStatus(Fixtures.prepaid("SCAN06", "1.00", "manager2"), LineStatus.SINGLE_STOP)); // barred
			save(Fixtures.withLineStatus(Fixtures.prepaid("SCAN11", "1.00", "manager2"), LineStatus.DOUBLE_STOP)); // barred
			loaded = true;
		}
	}

	@Test
	void shouldOpenOneCaseForEachDueCustomerAndNoneTheSecondTime() {
		ProcessInstance first = runScan(Map.of());

		assertThat(first).isNotNull();
		assertThat(openCase("SCAN01")).isFalse();
		assertThat(openCase("SCAN02")).isTrue();
		assertThat(openCase("SCAN03")).isFalse();
		assertThat(openCase("SCAN04")).isTrue();
		assertThat(openCase("SCAN05")).isFalse();
		assertThat(openCase("SCAN06")).as("a single-stopped line is the win-back case's").isFalse();
		assertThat(openCase("SCAN11")).as("a double-stopped line is the win-back case's").isFalse();

		ProcessInstance second = runScan(Map.of());

		assertThat((Integer) variable(second, ArrearsProcess.SCAN_OPENED)).isZero();
		assertThat((Integer) variable(second, ArrearsProcess.SCAN_SKIPPED)).isGreaterThanOrEqualTo(2); // 02, 04
		for (String customerNo : new String[] { "SCAN02", "SCAN04" }) {
			assertThat(cases.findAll().stream().filter(c -> c.getCustomerNo().equals(customerNo)).count())
					.as(customerNo).isOne();
			assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(ArrearsProcess.PROCESS_KEY)
					.processInstanceBusinessKey(customerNo).count()).as(customerNo).isOne();
		}
	}

	@Test
	void shouldOpenNothingOnARestDayUnlessForced() {
		save(Fixtures.prepaid("SCAN07", "0.50", "manager3"));
		kit.moveClockTo(SATURDAY);

		ProcessInstance timerRun = runScan(Map.of());
		assertThat((Integer) variable(timerRun, ArrearsProcess.SCAN_OPENED)).isZero();
		assertThat(openCase("SCAN07")).isFalse();

		ProcessInstance forced = runScan(Map.of(ArrearsProcess.SCAN_FORCE, true));
		assertThat((Integer) variable(forced, ArrearsProcess.SCAN_OPENED)).isPositive();
		assertThat(openCase("SCAN07")).isTrue();
	}

	@Test
	void shouldOpenACaseOnlyOnceWhenTwoScansRunTheSameChunk() {
		save(Fixtures.prepaid("SCAN08", "0.10", "manager4"));

		ChunkedScan.Result one = scan.run();
		ChunkedScan.Result two = scan.run();

		assertThat(one.opened()).isPositive();
		assertThat(two.opened()).isZero();
		assertThat(cases.findAll().stream().filter(c -> c.getCustomerNo().equals("SCAN08")).count()).isOne();
	}

	@Test
	void shouldWriteTheBriefWithTheLastFiveContactsAndTheCaseRowWithItsProcess() {
		save(Fixtures.prepaid("SCAN09", "3.00", "manager1"));
		save(Fixtures.postpaid("SCAN10", 2, "manager2"));
		LocalDateTime first = LocalDateTime.of(2026, 11, 2, 10, 0);
		for (int day = 0; day < 6; day++) {
			contacts.save(new ContactAttempt("SCAN09", null, null, "manager1", first.plusDays(day), ContactChannel.PHONE,
					"REACHED", "第" + (day + 1) + "次"));
		}

		scan.run();

		RetentionCase withContacts = cases.findOpen("SCAN09", CaseType.ARREARS_REMINDER).orElseThrow();
		assertThat(withContacts.getProcessInstanceId()).isNotNull();
		String brief = kit.brief(withContacts.getProcessInstanceId());
		assertThat(brief).contains("2026-11-07 10:00", "第6次", "第2次").doesNotContain("第1次");
		assertThat(brief.indexOf("第6次")).isLessThan(brief.indexOf("第2次"));
		RetentionCase without = cases.findOpen("SCAN10", CaseType.ARREARS_REMINDER).orElseThrow();
		assertThat(without.getProcessInstanceId()).isNotNull();
		assertThat(without.getAmountOwed()).isEqualByComparingTo("120.00");
		assertThat(kit.brief(without.getProcessInstanceId()))
				.contains("最近联系: 无");
		// issue 32: a case without automatic reminders keeps only its ids and routing facts as variables; the
		// gateway's fact and the first call's due date were transient (the task and its timer hold the date)
		assertThat(runtime.getVariables(without.getProcessInstanceId()).keySet())
				.containsExactlyInAnyOrder("caseId", "customerNo", "managerId", "teamGroup");
		assertThat(history.createHistoricDetailQuery().processInstanceId(without.getProcessInstanceId()).count())
				.as("history detail rows of the opened case").isEqualTo(4);
		assertThat(tasks.createTaskQuery().processInstanceId(without.getProcessInstanceId()).singleResult()
				.getDueDate()).isNotNull();
		assertThat(management.createJobQuery().processInstanceId(without.getProcessInstanceId()).timers()
				.singleResult().getDuedate()).isEqualTo(tasks.createTaskQuery()
						.processInstanceId(without.getProcessInstanceId()).singleResult().getDueDate());
	}

	@Test
	void shouldNotOpenAnArrearsCaseAgainAfterASuspensionHandedTheCustomerToTheWinbackCase() {
		save(Fixtures.prepaid("SCAN12", "0.20", "manager1"));
		scan.run();
		RetentionCase arrearsCase = cases.findOpen("SCAN12", CaseType.ARREARS_REMINDER).orElseThrow();

		lineEvents.suspended("SCAN12", StopKind.SINGLE_STOP, OffsetDateTime.now());
		assertThat(cases.findById(arrearsCase.getId()).orElseThrow().getOutcome()).isEqualTo(CaseOutcome.SUSPENDED);
		assertThat(cases.findOpen("SCAN12", CaseType.SUSPENDED_WINBACK)).isPresent();

		// the next scan, and the line shown active again (say by a stale import) while the win-back case is open
		scan.run();
		Customer customer = customers.findById("SCAN12").orElseThrow();
		customer.changeLineStatus(LineStatus.ACTIVE, LocalDateTime.now());
		customers.saveAndFlush(customer);
		scan.run();

		assertThat(openCase("SCAN12")).isFalse();
		assertThat(cases.findAll().stream().filter(c -> c.getCustomerNo().equals("SCAN12")
				&& c.getCaseType() == CaseType.ARREARS_REMINDER).count()).isOne();
	}

	@Test
	void shouldLetACaseThatEndedUnpaidRestThirtyDaysUnlessAPaymentCameIn() {
		LocalDateTime now = WEDNESDAY.toLocalDateTime(); // the desk's clock in this test
		save(Fixtures.prepaid("SCAN13", "0.30", "manager1")); // ended unpaid 5 days ago: rests
		closedCase("SCAN13", CaseOutcome.UNPAID, now.minusDays(5));
		save(Fixtures.prepaid("SCAN14", "0.30", "manager1")); // ended unpaid 31 days ago: due again
		closedCase("SCAN14", CaseOutcome.UNPAID, now.minusDays(31));
		save(Fixtures.prepaid("SCAN15", "0.30", "manager1")); // ended unpaid 5 days ago, paid since: due again
		closedCase("SCAN15", CaseOutcome.UNPAID, now.minusDays(5));
		payments.saveAndFlush(new Payment("SCAN15", new java.math.BigDecimal("10.00"), now.minusDays(2), now.minusDays(2)));
		save(Fixtures.prepaid("SCAN16", "0.30", "manager1")); // suspended 10 days ago (then reactivated): rests
		closedCase("SCAN16", CaseOutcome.SUSPENDED, now.minusDays(10));
		save(Fixtures.prepaid("SCAN17", "0.30", "manager1")); // ended paid yesterday, balance low again: due
		closedCase("SCAN17", CaseOutcome.PAID, now.minusDays(1));

		scan.run();

		assertThat(openCase("SCAN13")).isFalse();
		assertThat(openCase("SCAN14")).isTrue();
		assertThat(openCase("SCAN15")).isTrue();
		assertThat(openCase("SCAN16")).isFalse();
		assertThat(openCase("SCAN17")).isTrue();
	}

	private void closedCase(String customerNo, CaseOutcome outcome, LocalDateTime closedAt) {
		RetentionCase file = new RetentionCase(CaseType.ARREARS_REMINDER, customerNo, "manager1", closedAt.minusDays(7));
		file.close(outcome, closedAt);
		cases.saveAndFlush(file);
	}

	private ProcessInstance runScan(Map<String, Object> variables) {
		ProcessInstance instance = runtime.startProcessInstanceByKey(ArrearsProcess.SCAN_PROCESS_KEY, variables);
		execute(job(ArrearsProcess.SERVICE_OPEN_CASES, instance));
		return instance;
	}

	private Object variable(ProcessInstance instance, String name) {
		return history.createHistoricVariableInstanceQuery().processInstanceId(instance.getId()).variableName(name)
				.singleResult().getValue();
	}

	private boolean openCase(String customerNo) {
		return cases.findOpen(customerNo, CaseType.ARREARS_REMINDER).isPresent();
	}

	private void save(CustomerData data) {
		customers.saveAndFlush(Fixtures.customer(data));
	}
}
