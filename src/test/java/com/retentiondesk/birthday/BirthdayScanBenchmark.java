package com.retentiondesk.birthday;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.retentiondesk.CaseTestKit;
import com.retentiondesk.DeskTest;
import com.retentiondesk.casework.ChunkedScan;

/**
 * The daily birthday scan over {@code benchmark.birthdayCustomers} (default 100,000) star customers whose birthdays
 * are spread over the year (one in {@code benchmark.birthdayOneIn}, default 100, on the scanned Thursday): customers
 * looked at per second, greetings opened per second, and the second scan (nothing opened); for scale, the arrears scan
 * over the same customers (as many, other ones, two months in arrears) in the same run. Run with
 * {@code mvn -Pbenchmark test -Dtest=BirthdayScanBenchmark}.
 */
@Tag("benchmark")
@DeskTest
class BirthdayScanBenchmark {

	static final int CUSTOMERS = Integer.getInteger("benchmark.birthdayCustomers", 100_000);
	static final int ONE_IN = Integer.getInteger("benchmark.birthdayOneIn", 100);
	/** Thursday 10 June 2027 08:15: a working day before a working day, only its own birthdays. */
	private static final ZonedDateTime NOW = ZonedDateTime.parse("2027-06-10T08:15:00+08:00[Asia/Shanghai]");
	private static final Logger log = LoggerFactory.getLogger(BirthdayScanBenchmark.class);

	@RegisterExtension
	static final CaseTestKit kit = CaseTestKit.clockAt(NOW);

	@Autowired
	JdbcTemplate jdbc;
	@Autowired
	BirthdayScan scan;
	@Autowired
	com.retentiondesk.arrears.ArrearsScan arrearsScan;

	@Test
	void scanTheYearsBirthdays() {
		LocalDate today = NOW.toLocalDate();
		Timestamp now = Timestamp.valueOf(LocalDateTime.now());
		List<Object[]> rows = new ArrayList<>(5_000);
		for (int i = 0; i < CUSTOMERS; i++) {
			// today's birthday for one in ONE_IN, another day of the year (not today) for the others
			LocalDate born = i % ONE_IN == 0 ? today.withYear(1980) : today.withYear(1980).plusDays(1 + i % 300);
			// as many others (the next ones) two months in arrears, for the arrears scan beside
			rows.add(new Object[] { String.format("BB%07d", i), "生日基准" + i, String.format("134%08d", i),
					i % ONE_IN == 1 ? 2 : 0, "manager" + (1 + i % 8), Date.valueOf(born), now, now });
			if (rows.size() == 5_000) {
				insert(rows);
			}
		}
		insert(rows);

		long t = System.nanoTime();
		ChunkedScan.Result first = scan.run();
		double seconds = (System.nanoTime() - t) / 1e9;
		log.info("BENCHMARK birthday scan: {} star customers, {} greetings opened, {} failed in {} s: {} greetings/s",
				CUSTOMERS, first.opened(), first.failed(), String.format("%.2f", seconds), Math.round(first.opened() / seconds));
		t = System.nanoTime();
		ChunkedScan.Result again = scan.run();
		log.info("BENCHMARK birthday scan again: {} opened in {} s", again.opened(),
				String.format("%.2f", (System.nanoTime() - t) / 1e9));
		t = System.nanoTime();
		ChunkedScan.Result arrears = arrearsScan.run();
		seconds = (System.nanoTime() - t) / 1e9;
		log.info("BENCHMARK arrears scan, same customers and run: {} cases opened in {} s: {} cases/s", arrears.opened(),
				String.format("%.2f", seconds), Math.round(arrears.opened() / seconds));
		if (first.opened() != CUSTOMERS / ONE_IN || again.opened() != 0) {
			throw new AssertionError("opened " + first.opened() + ", then " + again.opened());
		}
	}

	private void insert(List<Object[]> rows) {
		jdbc.batchUpdate("insert into customer (customer_no, name, service_no, network, segment, star_level, payment_type, "
				+ "balance, arrears_months, line_status, manager_id, birthday, created_at, updated_at, version) "
				+ "values (?,?,?,'PHS','MID_HIGH_END',4,'POSTPAID',-100,?,'ACTIVE',?,?,?,?,0)", rows);
		rows.clear();
	}
}
