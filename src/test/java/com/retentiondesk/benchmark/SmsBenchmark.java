package com.retentiondesk.benchmark;

import java.lang.management.ManagementFactory;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.retentiondesk.notification.Notifications;
import com.retentiondesk.notification.SmsCategory;
import com.retentiondesk.notification.SmsGateway;
import com.retentiondesk.notification.TestSmsc;

/**
 * SMS per second through the desk's SMPP gateway to an SMS centre in the same JVM ({@link TestSmsc}) with
 * delivery receipts on: {@code benchmark.smsMessages} messages (default 5,000) to as many customers, sent by
 * six threads (the job executor's) through {@link Notifications#sendSms} (outbox row, submit, parts and
 * contact log written), and the time until every receipt moved its message to DELIVERED. H2 in memory;
 * rate limit 1,000 parts/s, window 10. Then the gateway alone (submits straight to the SMS centre, receipts
 * on). Prints messages/s and the JVM's CPU time per message (the desk and the SMS centre together), which
 * says more than messages/s on a machine others load. Run with {@code mvn -Pbenchmark test -Dtest=SmsBenchmark}.
 */
@Tag("benchmark")
@SpringBootTest
@ActiveProfiles("test")
class SmsBenchmark {

	static final int MESSAGES = Integer.getInteger("benchmark.smsMessages", 5_000);
	static final int THREADS = 6;
	static final TestSmsc SMSC = new TestSmsc();
	private static final Logger log = LoggerFactory.getLogger(SmsBenchmark.class);

	@DynamicPropertySource
	static void smpp(DynamicPropertyRegistry registry) {
		registry.add("desk.sms.smpp.host", () -> "127.0.0.1");
		registry.add("desk.sms.smpp.port", SMSC::port);
		registry.add("desk.sms.smpp.system-id", () -> TestSmsc.SYSTEM_ID);
		registry.add("desk.sms.smpp.password", () -> TestSmsc.PASSWORD);
		registry.add("desk.sms.smpp.source-addr", () -> "10659999");
		registry.add("desk.sms.smpp.rate-per-second", () -> "1000");
		registry.add("desk.sms.smpp.window", () -> "10");
	}

	@AfterAll
	static void stop() {
		SMSC.close();
	}

	@Autowired
	Notifications notifications;
	@Autowired
	JdbcTemplate jdbc;
	@Autowired
	SmsGateway gateway;

	@Test
	void messagesPerSecondWithReceipts() throws Exception {
		List<Object[]> rows = new ArrayList<>();
		Timestamp now = Timestamp.valueOf(LocalDateTime.now());
		for (int i = 0; i < MESSAGES; i++) {
			rows.add(new Object[] { String.format("SB%07d", i), "客户" + i, String.format("133%08d", i), now, now });
		}
		jdbc.batchUpdate("insert into customer (customer_no, name, service_no, network, star_level, payment_type, balance, "
				+ "arrears_months, line_status, manager_id, created_at, updated_at, version) "
				+ "values (?,?,?,'CDMA',3,'PREPAID',5,0,'ACTIVE','manager1',?,?,0)", rows);
		// warm-up: the link bound, the code paths compiled
		send(0, 200);
		awaitDelivered(200);

		long start = System.nanoTime();
		long cpuStart = cpuNanos();
		ExecutorService senders = Executors.newFixedThreadPool(THREADS);
		inParallel(senders, 200, MESSAGES, this::send);
		double sentSeconds = (System.nanoTime() - start) / 1e9;
		awaitDelivered(MESSAGES);
		double deliveredSeconds = (System.nanoTime() - start) / 1e9;
		double cpuMsPerMessage = (cpuNanos() - cpuStart) / 1e6 / (MESSAGES - 200);
		int measured = MESSAGES - 200;
		log.info("BENCHMARK sms desk: {} messages, {} threads: all submitted in {} s ({} messages/s), all DELIVERED by "
				+ "receipt in {} s ({} messages/s); {} ms JVM CPU per message (desk and SMS centre), load average {}",
				measured, THREADS, String.format("%.2f", sentSeconds), Math.round(measured / sentSeconds),
				String.format("%.2f", deliveredSeconds), Math.round(measured / deliveredSeconds),
				String.format("%.2f", cpuMsPerMessage), loadAverage());

		// the gateway alone: submits straight to the SMS centre, receipts on (they match no outbox row here)
		long receiptsBefore = SMSC.receiptsSent();
		start = System.nanoTime();
		cpuStart = cpuNanos();
		inParallel(senders, 0, measured, (from, to) -> {
			for (int i = from; i < to; i++) {
				gateway.submit(String.format("134%08d", i), "【温馨提醒】尊敬的客户" + i + ",您的话费余额不足,请及时缴费。");
			}
		});
		double submittedSeconds = (System.nanoTime() - start) / 1e9;
		long deadline = System.currentTimeMillis() + 120_000;
		while (SMSC.receiptsSent() - receiptsBefore < measured && System.currentTimeMillis() < deadline) {
			Thread.sleep(20);
		}
		double receiptsSeconds = (System.nanoTime() - start) / 1e9;
		log.info("BENCHMARK sms gateway: {} messages, {} threads: submitted in {} s ({} messages/s), {} receipts back "
				+ "in {} s ({}/s); {} ms JVM CPU per message, load average {}", measured, THREADS,
				String.format("%.2f", submittedSeconds), Math.round(measured / submittedSeconds),
				SMSC.receiptsSent() - receiptsBefore, String.format("%.2f", receiptsSeconds),
				Math.round(measured / receiptsSeconds), String.format("%.2f", (cpuNanos() - cpuStart) / 1e6 / measured),
				loadAverage());
		senders.shutdown();
		senders.awaitTermination(10, TimeUnit.SECONDS);
	}

	private static void inParallel(ExecutorService threads, int from, int to, java.util.function.BiConsumer<Integer, Integer> work)
			throws Exception {
		List<Future<?>> done = new ArrayList<>();
		int perThread = (to - from) / THREADS;
		for (int t = 0; t < THREADS; t++) {
			int first = from + t * perThread;
			int last = t == THREADS - 1 ? to : first + perThread;
			done.add(threads.submit(() -> work.accept(first, last)));
		}
		for (Future<?> f : done) {
			f.get();
		}
	}

	private static long cpuNanos() {
		return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
	}

	private static String loadAverage() {
		return String.format("%.1f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
	}

	private void send(int from, int to) {
		for (int i = from; i < to; i++) {
			String customerNo = String.format("SB%07d", i);
			notifications.sendSms(new Notifications.SmsRequest("bench:" + i, SmsCategory.SERVICE, customerNo, null,
					String.format("133%08d", i), "基准测试短信", "【温馨提醒】尊敬的客户" + i + ",您的话费余额不足,请及时缴费。"));
		}
	}

	private void awaitDelivered(int count) throws InterruptedException {
		long deadline = System.currentTimeMillis() + 300_000;
		while (jdbc.queryForObject("select count(*) from outbox_message where status = 'DELIVERED'", Integer.class) < count) {
			if (System.currentTimeMillis() > deadline) {
				throw new AssertionError("not all DELIVERED within 5 minutes");
			}
			Thread.sleep(50);
		}
	}
}
