package com.retentiondesk.arrears;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;

import java.time.LocalDateTime;
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
import com.retentiondesk.casework.CaseType;
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
	Customers customers;
	@Autowired
	RetentionCases cases;
	@Autowired
	ArrearsScan scan;
	@Autowired
	ContactAttempts contacts;

	private static boolean loaded;

	@BeforeEach
	void customersAtTheBoundaries() {
		if (!loaded) {
			save(Fixtures.prepaid("SCAN01", "10.00", "manager1")); // exactly 10: not due
			save(Fixtures.prepaid("SCAN02", "9.99", "manager1")); // due
			save(Fixtures.postpaid("SCAN03", 1, "manager5")); // one month: not due
			save(Fixtures.postpaid("SCAN04", 2, "manager5")); // two months: due
			save(Fixtures.withLineStatus(Fixtures.prepaid("SCAN05", "1.00", "manager2"), LineStatus.CLOSED)); // closed
			save(Fixtures.withLineStatus(Fixtures.prepaid("SCAN06", "1.00", "manager2"), LineStatus.SINGLE_STOP)); // due
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
		assertThat(openCase("SCAN06")).isTrue();

		ProcessInstance second = runScan(Map.of());

		assertThat((Integer) variable(second, ArrearsProcess.SCAN_OPENED)).isZero();
		assertThat((Integer) variable(second, ArrearsProcess.SCAN_SKIPPED)).isGreaterThanOrEqualTo(3); // 02, 04, 06
		for (String customerNo : new String[] { "SCAN02", "SCAN04", "SCAN06" }) {
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
		String brief = (String) runtime.getVariable(withContacts.getProcessInstanceId(), CaseVariables.CASE_BRIEF);
		assertThat(brief).contains("2026-11-07 10:00", "第6次", "第2次").doesNotContain("第1次");
		assertThat(brief.indexOf("第6次")).isLessThan(brief.indexOf("第2次"));
		RetentionCase without = cases.findOpen("SCAN10", CaseType.ARREARS_REMINDER).orElseThrow();
		assertThat(without.getProcessInstanceId()).isNotNull();
		assertThat(without.getAmountOwed()).isEqualByComparingTo("120.00");
		assertThat((String) runtime.getVariable(without.getProcessInstanceId(), CaseVariables.CASE_BRIEF))
				.contains("最近联系: 无");
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
