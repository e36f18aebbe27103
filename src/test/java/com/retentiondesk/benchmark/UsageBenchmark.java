package com.retentiondesk.benchmark;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.retentiondesk.DeskTest;
import com.retentiondesk.arrears.ArrearsScan;
import com.retentiondesk.billing.UsageFeed;
import com.retentiondesk.imports.ListReport;
import com.retentiondesk.casework.ChunkedScan;
import com.retentiondesk.usage.UsageWarningScan;

/**
 * Issue 25's figures: the monthly usage feed of {@code benchmark.usageCustomers} (default 100,000) rows as
 * a CSV upload (two months, then the later month again: nothing changes), the monthly usage-warning scan
 * over as many customers (1 in {@code benchmark.usageOneIn}, default 100, with a falling bill and as many
 * without a package: 2% get a case), and the arrears scan over as many customers (1 in as many due) in the
 * same run, for its rate beside. Prints rows/s, customers/s and cases/s. Run with
 * {@code mvn -Pbenchmark test -Dtest=UsageBenchmark}.
 */
@Tag("benchmark")
@DeskTest
class UsageBenchmark {

	static final int CUSTOMERS = Integer.getInteger("benchmark.usageCustomers", 100_000);
	/** One customer in this many has a falling bill, and as many have no package; one in this many owes. */
	static final int ONE_IN = Integer.getInteger("benchmark.usageOneIn", 100);
	private static final Logger log = LoggerFactory.getLogger(UsageBenchmark.class);

	@Autowired
	JdbcTemplate jdbc;
	@Autowired
	UsageFeed feed;
	@Autowired
	UsageWarningScan usageScan;
	@Autowired
	ArrearsScan arrearsScan;

	@Test
	void feedScanAndCompareWithTheArrearsScan() throws Exception {
		YearMonth scanMonth = YearMonth.now();
		YearMonth thisMonth = scanMonth.minusMonths(1);
		YearMonth lastMonth = scanMonth.minusMonths(2);
		insertCustomers("UB", CUSTOMERS, false);

		byte[] last = csv(lastMonth, CUSTOMERS, true);
		byte[] current = csv(thisMonth, CUSTOMERS, false);
		ListReport first = timedFeed("feed " + lastMonth + " (new rows)", "last.csv", last);
		ListReport second = timedFeed("feed " + thisMonth + " (new rows)", "this.csv", current);
		ListReport again = timedFeed("feed " + thisMonth + " again (unchanged)", "this.csv", current);
		if (first.created() != CUSTOMERS || second.created() != CUSTOMERS || again.unchanged() != CUSTOMERS) {
			throw new AssertionError("feed counts: " + first + " " + second + " " + again);
		}

		long t = System.nanoTime();
		ChunkedScan.Result usage = usageScan.run(scanMonth);
		double usageSeconds = (System.nanoTime() - t) / 1e9;
		log.info("BENCHMARK usage scan: {} customers, {} cases opened, {} skipped in {} s: {} cases/s, {} customers/s",
				CUSTOMERS, usage.opened(), usage.skipped(), fmt(usageSeconds), Math.round(usage.opened() / usageSeconds),
				Math.round(CUSTOMERS / usageSeconds));
		t = System.nanoTime();
		ChunkedScan.Result repeat = usageScan.run(scanMonth);
		log.info("BENCHMARK usage scan again: {} cases opened in {} s", repeat.opened(), fmt((System.nanoTime() - t) / 1e9));
		if (repeat.opened() != 0 || usage.failed() != 0) {
			throw new AssertionError("a second scan opened " + repeat.opened() + ", failed " + usage.failed());
		}

		// the arrears scan over as many customers, 1 in ONE_IN due, in the same JVM and database
		jdbc.update("update customer set line_status = 'CLOSED' where customer_no like 'UB%'");
		insertCustomers("UA", CUSTOMERS, true);
		t = System.nanoTime();
		ChunkedScan.Result arrears = arrearsScan.run();
		double arrearsSeconds = (System.nanoTime() - t) / 1e9;
		log.info("BENCHMARK arrears scan: {} customers, {} cases opened in {} s: {} cases/s, {} customers/s", CUSTOMERS,
				arrears.opened(), fmt(arrearsSeconds), Math.round(arrears.opened() / arrearsSeconds),
				Math.round(CUSTOMERS / arrearsSeconds));
		log.info("BENCHMARK usage scan / arrears scan: {} (cases/s), {} (customers/s)",
				fmt((usage.opened() / usageSeconds) / (arrears.opened() / arrearsSeconds)), fmt(arrearsSeconds / usageSeconds));
	}

	private ListReport timedFeed(String what, String name, byte[] file) throws Exception {
		long t = System.nanoTime();
		ListReport report = feed.feedFile(name, new ByteArrayInputStream(file));
		double seconds = (System.nanoTime() - t) / 1e9;
		log.info("BENCHMARK {}: {} rows ({} created, {} updated, {} unchanged, {} rejected) in {} s: {} rows/s", what,
				report.rowsRead(), report.created(), report.updated(), report.unchanged(), report.rejectedCount(),
				fmt(seconds), Math.round(report.rowsRead() / seconds));
		return report;
	}

	/**
	 * One row per customer: 1 in {@link #ONE_IN} falls from 100 to 60 this month (STAGE_1), as many have no
	 * package (JOIN_PACKAGE); the others spend 80 on PKG_89 both months (no case).
	 */
	private static byte[] csv(YearMonth month, int count, boolean lastMonth) {
		StringBuilder csv = new StringBuilder("客户编号,月份,金额,通话次数,通话分钟数,套餐\n");
		for (int i = 0; i < count; i++) {
			boolean falls = i % ONE_IN == 0;
			boolean noPackage = i % ONE_IN == ONE_IN / 2;
			String amount = falls ? (lastMonth ? "100.00" : "60.00") : "80.00";
			csv.append(String.format("UB%07d", i)).append(',').append(month).append(',').append(amount).append(',')
					.append(falls && !lastMonth ? 12 : 40).append(',').append(150).append(',')
					.append(noPackage ? "" : "PKG_89").append('\n');
		}
		return csv.toString().getBytes(StandardCharsets.UTF_8);
	}

	/** Customers {@code prefix0000000...} of managers 1 to 8; with {@code arrearsDue}, 1 in {@link #ONE_IN} owes (prepaid 5.00). */
	private void insertCustomers(String prefix, int count, boolean arrearsDue) {
		long t = System.nanoTime();
		Timestamp now = Timestamp.valueOf(LocalDateTime.now());
		List<Object[]> rows = new ArrayList<>(5_000);
		for (int i = 0; i < count; i++) {
			rows.add(new Object[] { String.format("%s%07d", prefix, i), "基准客户" + i, String.format("133%08d", i),
					arrearsDue && i % ONE_IN == 0 ? 5.00 : 50.00, "manager" + (1 + i % 8), now, now });
			if (rows.size() == 5_000) {
				insert(rows);
			}
		}
		insert(rows);
		log.info("BENCHMARK (setup) {} customers {}* inserted in {} s", count, prefix, fmt((System.nanoTime() - t) / 1e9));
	}

	private void insert(List<Object[]> rows) {
		jdbc.batchUpdate("insert into customer (customer_no, name, service_no, network, segment, star_level, payment_type, "
				+ "balance, arrears_months, line_status, manager_id, created_at, updated_at, version) "
				+ "values (?,?,?,'CDMA','OTHER',4,'PREPAID',?,0,'ACTIVE',?,?,?,0)", rows);
		rows.clear();
	}

	private static String fmt(double value) {
		return String.format("%.2f", value);
	}
}
