package com.retentiondesk.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Crash (issue #10): a desk node is killed with SIGKILL in the middle of the arrears scan of 20,000
 * customers and started again. The scan's job stays locked by the dead node until its lock expires
 * (20 s here), then the restarted node runs the scan again, which opens the rest: no duplicates, none
 * missing, no case without its process.
 */
class NodeCrashIT {

	private static final Logger log = LoggerFactory.getLogger(NodeCrashIT.class);

	private static final String DB = "rd_rel_crash";
	private static final int CUSTOMERS = 20_000;
	private static final int KILL_AFTER = 3_000;
	/** The node's job lock time (default 5 minutes): short, so that the test sees it expire. */
	private static final long LOCK_MILLIS = 20_000;
	private static final String SCAN_JOB = "select ID_ id, REV_ rev, LOCK_OWNER_ owner, LOCK_EXP_TIME_ expires from ACT_RU_JOB "
			+ "where PROCESS_DEF_KEY_ = 'ArrearsScanProcess' and HANDLER_TYPE_ = 'async-continuation'";
	private static final String CASES = "select count(*) from retention_case where case_type = 'ARREARS_REMINDER'";

	private DeskNode node;

	@AfterEach
	void stop() {
		if (node != null) {
			node.close();
		}
	}

	@Test
	void shouldFinishTheScanWithoutDuplicatesAfterANodeIsKilledMidway() {
		JdbcTemplate jdbc = ItDatabase.recreate(DB);
		node = new DeskNode("crash-node", DB, "camunda.bpm.job-execution.lock-time-in-millis=" + LOCK_MILLIS)
				.start().awaitUp(Duration.ofMinutes(4));
		node.createTeam("relcteam", "rcm", 10, "It-Manager#2026");
		ItDatabase.insertArrearsCustomers(jdbc, "RC", CUSTOMERS,
				IntStream.rangeClosed(1, 10).mapToObj(i -> String.format("rcm%02d", i)).toList(), false);

		long scanStart = System.nanoTime();
		node.admin("POST", "/engine-rest/process-definition/key/ArrearsScanProcess/start",
				"{\"variables\":{\"force\":{\"value\":true,\"type\":\"Boolean\"}}}");
		int beforeKill = 0;
		long deadline = System.currentTimeMillis() + 600_000;
		while (beforeKill < KILL_AFTER && System.currentTimeMillis() < deadline) {
			DeskNode.sleep(200);
			beforeKill = ItDatabase.count(jdbc, CASES);
		}
		assertThat(beforeKill).as("cases opened before the kill").isGreaterThanOrEqualTo(KILL_AFTER);
		node.kill();
		long killedAt = System.currentTimeMillis();
		double scanSecondsBeforeKill = (System.nanoTime() - scanStart) / 1e9;
		int atKill = ItDatabase.count(jdbc, CASES);

		// the dead node's chunk in flight was rolled back with its connection: every case row has its process
		assertThat(atKill).isLessThan(CUSTOMERS);
		assertThat(ItDatabase.count(jdbc, ItDatabase.CASES_WITHOUT_PROCESS)).isZero();
		Map<String, Object> lockedJob = jdbc.queryForMap(SCAN_JOB);
		assertThat(lockedJob.get("owner")).as("the scan job is still locked by the dead node").isNotNull();
		assertThat(lockedJob.get("rev")).as("acquired once: the running scan kept its lock (no second run of it)")
				.isEqualTo(2);
		long deadLockExpires = millis(lockedJob.get("expires"));

		long restarting = System.nanoTime();
		node.start().awaitUp(Duration.ofMinutes(4));
		double restartSeconds = (System.nanoTime() - restarting) / 1e9;

		Map<String, Object> takenOver = awaitNewOwner(jdbc, (String) lockedJob.get("owner"), 120_000);
		long pickedUpAt = System.currentTimeMillis();
		assertThat(takenOver).as("the scan job was picked up again").isNotNull();
		// acquisition sets the lock expiry to (now + lock time): so the job was taken once the old lock had run out
		long acquiredAt = millis(takenOver.get("expires")) - LOCK_MILLIS;
		assertThat(acquiredAt).as("re-acquired at or after the dead lock's expiry")
				.isGreaterThanOrEqualTo(deadLockExpires - 1_000);

		// generous: a shared, busy CI machine can be ten times slower than a quiet one
		int scans = ItDatabase.awaitCount(jdbc, 1, 1_500_000,
				"select count(*) from ACT_HI_PROCINST where PROC_DEF_KEY_ = 'ArrearsScanProcess' and END_TIME_ is not null");
		long doneAt = System.currentTimeMillis();
		assertThat(scans).as("the scan ended").isOne();

		assertThat(ItDatabase.count(jdbc, CASES)).as("cases").isEqualTo(CUSTOMERS);
		assertThat(ItDatabase.count(jdbc, "select count(distinct customer_no) from retention_case where open_flag = 1"))
				.as("customers with an open case").isEqualTo(CUSTOMERS);
		assertThat(ItDatabase.count(jdbc, ItDatabase.CASES_WITHOUT_PROCESS))
				.as("cases without their process").isZero();
		assertThat(ItDatabase.count(jdbc, "select count(*) from ACT_RU_EXECUTION e join ACT_RE_PROCDEF d on d.ID_ = e.PROC_DEF_ID_ "
				+ "where e.ID_ = e.PROC_INST_ID_ and d.KEY_ = 'ArrearsReminderProcess'"))
				.as("reminder processes").isEqualTo(CUSTOMERS);
		assertThat(ItDatabase.count(jdbc, "select count(distinct BUSINESS_KEY_) from ACT_HI_PROCINST "
				+ "where PROC_DEF_KEY_ = 'ArrearsReminderProcess'")).isEqualTo(CUSTOMERS);
		assertThat(ItDatabase.count(jdbc, "select count(*) from ACT_RU_JOB where PROCESS_DEF_KEY_ = 'ArrearsScanProcess' "
				+ "and HANDLER_TYPE_ = 'async-continuation'")).as("scan jobs left").isZero();
		assertThat(ItDatabase.count(jdbc, "select count(*) from ACT_RU_INCIDENT")).isZero();
		List<Map<String, Object>> runs = jdbc.queryForList("select HOSTNAME_ host, JOB_STATE_ state from ACT_HI_JOB_LOG "
				+ "where PROCESS_DEF_KEY_ = 'ArrearsScanProcess' and JOB_STATE_ in (1, 2)");
		log.info("crash: {} of {} cases opened in {} s when the node was killed ({} just after); restart took {} s; the "
				+ "scan job was picked up {} s after the kill ({} s after its lock expired) and the scan was done {} s after "
				+ "the kill; scan job runs (host, state): {}", beforeKill, CUSTOMERS, String.format("%.1f", scanSecondsBeforeKill),
				atKill, String.format("%.1f", restartSeconds), String.format("%.1f", (pickedUpAt - killedAt) / 1e3),
				String.format("%.1f", (acquiredAt - deadLockExpires) / 1e3),
				String.format("%.1f", (doneAt - killedAt) / 1e3), runs);
	}

	/** A DATETIME of the engine's tables (local time of the nodes, Asia/Shanghai like this JVM) in epoch millis. */
	private static long millis(Object datetime) {
		if (datetime instanceof LocalDateTime local) {
			return Timestamp.valueOf(local).getTime();
		}
		return ((Timestamp) datetime).getTime();
	}

	private static Map<String, Object> awaitNewOwner(JdbcTemplate jdbc, String deadOwner, long timeoutMillis) {
		long deadline = System.currentTimeMillis() + timeoutMillis;
		while (System.currentTimeMillis() < deadline) {
			List<Map<String, Object>> job = jdbc.queryForList(SCAN_JOB);
			if (job.isEmpty()) {
				return null;
			}
			Object owner = job.get(0).get("owner");
			if (owner != null && !owner.equals(deadOwner)) {
				return job.get(0);
			}
			DeskNode.sleep(100);
		}
		return null;
	}
}
