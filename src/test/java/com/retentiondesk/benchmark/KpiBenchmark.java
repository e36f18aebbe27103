package com.retentiondesk.benchmark;

import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import com.retentiondesk.DeskTest;
import com.retentiondesk.Fixtures;
import com.retentiondesk.arrears.ArrearsCases;
import com.retentiondesk.customer.Customers;
import com.retentiondesk.kpi.KpiLedger;

/**
 * GET /api/kpi with 100,000 closed cases, 100,000 calls and 10,000 open call tasks, then (with
 * {@code -Dbenchmark.closedCases=100000,1000000}) again with more in the same database: prints the time per call
 * (median and p95 of 40 calls, through HTTP) and the p95's ratio to the first size's. Run with
 * {@code mvn -Pbenchmark test -Dtest=KpiBenchmark} (H2) or {@code KpiMariaDbBenchmark}.
 */
@Tag("benchmark")
@DeskTest
class KpiBenchmark extends KpiBenchmarkRun {
}

abstract class KpiBenchmarkRun {

	/** Closed cases at each measurement, growing in one database: {@code -Dbenchmark.closedCases=100000,1000000}. */
	static final int[] CLOSED = Arrays.stream(System.getProperty("benchmark.closedCases", "100000").split(","))
			.map(String::trim).mapToInt(Integer::parseInt).toArray();
	static final int OPEN_TASKS = Integer.getInteger("benchmark.openTasks", 10_000);
	private static final Logger log = LoggerFactory.getLogger(KpiBenchmarkRun.class);
	private static final String[] TYPES = { "ARREARS_REMINDER", "CONTRACT_EXPIRY", "SUSPENDED_WINBACK", "PHS_UPGRADE" };
	private static final String[] OUTCOMES = { "PAID", "RETAINED", "WON_BACK", "UPGRADED", "DECLINED", "LOST" };

	@Autowired
	JdbcTemplate jdbc;
	@Autowired
	Customers customers;
	@Autowired
	ArrearsCases arrears;
	@Autowired
	TestRestTemplate http;
	@Autowired
	KpiLedger ledger;

	@Test
	void kpiAtVolume() {
		long start = System.nanoTime();
		int largest = Arrays.stream(CLOSED).max().orElseThrow();
		int customerCount = OPEN_TASKS + Math.max(1, largest / 10);
		List<Object[]> rows = new ArrayList<>();
		Timestamp now = Timestamp.valueOf(LocalDateTime.now());
		for (int i = 0; i < customerCount; i++) {
			rows.add(new Object[] { String.format("KB%07d", i), "客户" + i, String.format("133%08d", i), "PHS", 4, "PREPAID",
					i < OPEN_TASKS ? 1.00 : 50.00, 0, "ACTIVE", "manager" + (1 + i % 8), now, now });
			if (rows.size() == 10_000) {
				insertCustomers(rows);
			}
		}
		insertCustomers(rows);
		start = System.nanoTime();
		for (int i = 0; i < OPEN_TASKS; i++) {
			arrears.open(customers.findById(String.format("KB%07d", i)).orElseThrow());
		}
		log.info("BENCHMARK kpi: {} arrears cases with open call tasks started in {} s", OPEN_TASKS,
				String.format("%.1f", (System.nanoTime() - start) / 1e9));

		LocalDateTime monthStart = LocalDateTime.now().withDayOfMonth(1).withHour(9).withMinute(0);
		String query = "/api/kpi?from=" + monthStart.toLocalDate() + "&to=" + monthStart.toLocalDate().plusMonths(1).minusDays(1);
		// one client, made once: withBasicAuth builds a new HTTP client and connection each time it is called
		TestRestTemplate supervisor = http.withBasicAuth("supervisor1", Fixtures.PASSWORD);
		int closed = 0;
		long firstP95 = 0;
		for (int size : CLOSED) {
			start = System.nanoTime();
			closed = insertClosedCases(closed, size, customerCount, monthStart);
			// rows written around the application: the KPI ledger is recomputed from them, as after a bulk load
			ledger.rebuild();
			log.info("BENCHMARK kpi: {} closed cases with their calls in the database, ledger rebuilt, in {} s", closed,
					String.format("%.1f", (System.nanoTime() - start) / 1e9));
			for (int i = 0; i < 10; i++) {
				get(supervisor, query);
			}
			long[] millis = new long[40];
			for (int i = 0; i < millis.length; i++) {
				long t = System.nanoTime();
				get(supervisor, query);
				millis[i] = (System.nanoTime() - t) / 1_000_000;
			}
			Arrays.sort(millis);
			long p95 = millis[(int) Math.ceil(millis.length * 0.95) - 1];
			firstP95 = firstP95 == 0 ? Math.max(1, p95) : firstP95;
			log.info("BENCHMARK kpi: GET {} over {} closed cases and {} open tasks: median {} ms, p95 {} ms, max {} ms; "
					+ "p95 / p95 at {} closed: {} (target <= 1.5); load average {}", query, closed, OPEN_TASKS,
					millis[millis.length / 2], p95, millis[millis.length - 1], CLOSED[0],
					String.format("%.2f", (double) p95 / firstP95), ThroughputBenchmarkRun.loadAverage());
		}
	}

	private void insertCustomers(List<Object[]> rows) {
		jdbc.batchUpdate("insert into customer (customer_no, name, service_no, network, star_level, payment_type, balance, "
				+ "arrears_months, line_status, manager_id, created_at, updated_at, version) values (?,?,?,?,?,?,?,?,?,?,?,?,0)",
				rows);
		rows.clear();
	}

	/** Closed cases numbered {@code from} to {@code to}, each with a call, in batches; returns {@code to}. */
	private int insertClosedCases(int from, int to, int customerCount, LocalDateTime monthStart) {
		for (int batch = from; batch < to; batch += 10_000) {
			List<Object[]> rows = new ArrayList<>();
			for (int i = batch; i < Math.min(to, batch + 10_000); i++) {
				LocalDateTime opened = monthStart.plusMinutes(i % 20_000);
				rows.add(new Object[] { TYPES[i % 4], String.format("KB%07d", OPEN_TASKS + i % (customerCount - OPEN_TASKS)),
						"manager" + (1 + i % 8), Timestamp.valueOf(opened), Timestamp.valueOf(opened.plusHours(30)),
						OUTCOMES[i % 6], 120.00, i % 3 == 0 ? 80.00 : 0.00, Timestamp.valueOf(opened.plusMinutes(30 + i % 600)) });
			}
			Long before = jdbc.queryForObject("select coalesce(max(id), 0) from retention_case", Long.class);
			jdbc.batchUpdate("insert into retention_case (case_type, customer_no, manager_id, opened_at, closed_at, outcome, "
					+ "amount_owed, amount_recovered, first_contact_at, escalations, version) values (?,?,?,?,?,?,?,?,?,0,0)", rows);
			List<Object[]> calls = new ArrayList<>();
			jdbc.query("select id, customer_no, manager_id, opened_at from retention_case where id > ? "
					+ "and customer_no like 'KB%' and closed_at is not null", rs -> {
						calls.add(new Object[] { rs.getString(2), rs.getLong(1), rs.getString(3),
								Timestamp.valueOf(rs.getTimestamp(4).toLocalDateTime().plusHours(2)),
								calls.size() % 3 == 0 ? "NOT_REACHED" : "REACHED" });
					}, before);
			jdbc.batchUpdate("insert into contact_attempt (customer_no, case_id, manager_id, attempted_at, channel, outcome) "
					+ "values (?,?,?,?,'PHONE',?)", calls);
		}
		return to;
	}

	private void get(TestRestTemplate client, String query) {
		ResponseEntity<String> answer = client.getForEntity(query, String.class);
		if (answer.getStatusCode() != HttpStatus.OK) {
			throw new AssertionError("KPI call failed: " + answer.getStatusCode() + " " + answer.getBody());
		}
	}
}
