package com.retentiondesk.benchmark;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.retentiondesk.DeskTest;
import com.retentiondesk.upgrade.DispatchImport;
import com.retentiondesk.imports.ListReport;

/**
 * A dispatched list of 50,000 PHS customers in one call, then the same list again: prints the time,
 * cases per second and what the second call opened. Run with
 * {@code mvn -Pbenchmark test -Dtest=DispatchBenchmark} ({@code -Dbenchmark.dispatchRows=N} for another size).
 */
@Tag("benchmark")
@DeskTest
class DispatchBenchmark {

	static final int ROWS = Integer.getInteger("benchmark.dispatchRows", 50_000);
	private static final Logger log = LoggerFactory.getLogger(DispatchBenchmark.class);

	@Autowired
	JdbcTemplate jdbc;
	@Autowired
	DispatchImport dispatches;

	@Test
	void dispatchAListTwice() throws Exception {
		List<Object[]> rows = new ArrayList<>();
		Timestamp now = Timestamp.valueOf(LocalDateTime.now());
		StringBuilder csv = new StringBuilder("customer_no,offer,note\n");
		for (int i = 0; i < ROWS; i++) {
			String customerNo = String.format("DB%07d", i);
			rows.add(new Object[] { customerNo, "客户" + i, String.format("020%08d", i), "manager" + (1 + i % 8), now, now });
			csv.append(customerNo).append(",C网199元套餐,\n");
		}
		jdbc.batchUpdate("insert into customer (customer_no, name, service_no, network, star_level, payment_type, balance, "
				+ "arrears_months, line_status, manager_id, created_at, updated_at, version) "
				+ "values (?,?,?,'PHS',3,'PREPAID',50,0,'ACTIVE',?,?,?,0)", rows);
		byte[] list = csv.toString().getBytes(StandardCharsets.UTF_8);

		long start = System.nanoTime();
		ListReport first = dispatches.importFile("big.csv", new ByteArrayInputStream(list), "基准测试",
				LocalDate.now().plusDays(10));
		double seconds = (System.nanoTime() - start) / 1e9;
		log.info("BENCHMARK dispatch: {} rows, {} cases opened in {} s ({} cases/s), {} skipped, {} rejected", first.rowsRead(),
				first.created(), String.format("%.1f", seconds), Math.round(first.created() / seconds),
				first.unchanged(), first.rejectedCount());

		start = System.nanoTime();
		ListReport again = dispatches.importFile("big.csv", new ByteArrayInputStream(list), "基准测试",
				LocalDate.now().plusDays(10));
		log.info("BENCHMARK dispatch again: {} cases opened, {} skipped in {} s", again.created(), again.unchanged(),
				String.format("%.1f", (System.nanoTime() - start) / 1e9));
		if (first.created() != ROWS || again.created() != 0) {
			throw new AssertionError("expected " + ROWS + " cases, then none: " + first.created() + ", " + again.created());
		}
	}
}
