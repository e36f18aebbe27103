package com.retentiondesk.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import com.retentiondesk.DeskTest;
import com.retentiondesk.Fixtures;
import com.retentiondesk.arrears.ArrearsCases;
import com.retentiondesk.handover.PaymentBooking;
import com.retentiondesk.casework.RetentionCase;
import com.retentiondesk.customer.Customers;

/**
 * The KPI ledger kept in the transactions equals the ledger recomputed from the rows, and a transaction
 * that rolls back leaves no trace in it.
 */
@DeskTest
class KpiLedgerTest {

	private static final String LEDGER = "select * from kpi_case_day where opened <> 0 or owed <> 0 or recovered <> 0 "
			+ "or closed_paid + closed_unpaid + closed_suspended + closed_retained + closed_won_back + closed_upgraded "
			+ "+ closed_declined + closed_unreachable + closed_lost + closed_expired + closed_cancelled <> 0 "
			+ "order by on_day, case_type, manager_id";

	@Autowired
	KpiLedger ledger;
	@Autowired
	JdbcTemplate jdbc;
	@Autowired
	ArrearsCases arrears;
	@Autowired
	Customers customers;
	@Autowired
	TaskService tasks;
	@Autowired
	PaymentBooking payments;
	@Autowired
	TransactionTemplate transaction;

	@Test
	void shouldEqualTheLedgerRecomputedFromTheRows() {
		// a case opened, called, paid in part (closed as paid), one left open
		customers.saveAndFlush(Fixtures.customer(Fixtures.postpaid("KLG001", 2, "manager3")));
		RetentionCase paid = arrears.open(customers.findById("KLG001").orElseThrow());
		tasks.complete(tasks.createTaskQuery().processInstanceId(paid.getProcessInstanceId()).singleResult().getId(),
				Map.of("callOutcome", "NOT_REACHED"));
		payments.book("KLG001", new BigDecimal("30.00"), OffsetDateTime.now());
		customers.saveAndFlush(Fixtures.customer(Fixtures.prepaid("KLG002", "1.00", "manager3")));
		arrears.open(customers.findById("KLG002").orElseThrow());

		List<Map<String, Object>> cases = jdbc.queryForList(LEDGER);
		String contactsSql = "select * from kpi_contact_day where cases <> 0 order by on_day, case_type, manager_id, quarter";
		List<Map<String, Object>> contacts = jdbc.queryForList(contactsSql);
		List<Map<String, Object>> calls = jdbc.queryForList("select * from kpi_call_day where calls <> 0 order by on_day, manager_id");
		// the task part only for this test's manager: other tests delete deployments with their history,
		// which takes completed tasks out of the history but (rightly) not out of the ledger
		String tasksOfManager3 = "select * from kpi_task_day where manager_id = 'manager3' and on_time + late <> 0 "
				+ "order by on_day";
		List<Map<String, Object>> tasksDone = jdbc.queryForList(tasksOfManager3);
		ledger.rebuild();

		assertThat(cases).isNotEmpty().isEqualTo(jdbc.queryForList(LEDGER));
		assertThat(contacts).isNotEmpty().isEqualTo(jdbc.queryForList(contactsSql));
		assertThat(calls).isNotEmpty()
				.isEqualTo(jdbc.queryForList("select * from kpi_call_day where calls <> 0 order by on_day, manager_id"));
		assertThat(tasksDone).isNotEmpty().isEqualTo(jdbc.queryForList(tasksOfManager3));
	}

	@Test
	void shouldWriteNothingForATransactionThatRollsBack() {
		customers.saveAndFlush(Fixtures.customer(Fixtures.prepaid("KLG003", "1.00", "manager4")));
		Long before = openedBy("manager4");

		assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
			arrears.open(customers.findById("KLG003").orElseThrow());
			throw new IllegalStateException("rolled back on purpose");
		})).hasMessageContaining("on purpose");

		assertThat(openedBy("manager4")).isEqualTo(before);
		arrears.open(customers.findById("KLG003").orElseThrow());
		assertThat(openedBy("manager4")).isEqualTo(before + 1);
	}

	private Long openedBy(String manager) {
		return jdbc.queryForObject("select coalesce(sum(opened), 0) from kpi_case_day where manager_id = ?", Long.class,
				manager);
	}
}
