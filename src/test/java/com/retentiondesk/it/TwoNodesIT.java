package com.retentiondesk.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two nodes, one database (issue #10): two desk JVMs with their job executors on share database
 * {@code rd_rel_two}. Both start the arrears scan at the same moment over 5,000 due customers; then
 * 2,000 second-reminder timers fall due at once and the two job executors fire them; then both start
 * the expiry scan over 1,000 customers with agreements ending soon (issue #22), 100 of them with two (at 500, one node could finish before the other began: 1,000 kept both busy).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoNodesIT {

	private static final Logger log = LoggerFactory.getLogger(TwoNodesIT.class);

	private static final String DB = "rd_rel_two";
	private static final int CUSTOMERS = 5_000;
	private static final int TIMERS = 2_000;
	private static final int EXPIRING = 1_000;
	private static final int WITH_TWO_AGREEMENTS = 100;
	private static final String PASSWORD = "It-Manager#2026";
	private static final String EXPIRY_CHUNKS = "desk.expiry.scan-chunk-size=100";
	private static final String SCAN_START = "{\"variables\":{\"force\":{\"value\":true,\"type\":\"Boolean\"}}}";

	private JdbcTemplate jdbc;
	private DeskNode nodeA;
	private DeskNode nodeB;

	@BeforeAll
	void twoNodes() {
		jdbc = ItDatabase.recreate(DB);
		// small expiry chunks: the two scans meet on several chunks, not on one
		nodeA = new DeskNode("two-node-a", DB, EXPIRY_CHUNKS).start();
		// the first node creates the schema (Flyway and the engine); the second starts once it is there
		nodeA.awaitEngine(Duration.ofMinutes(4));
		nodeB = new DeskNode("two-node-b", DB, EXPIRY_CHUNKS).start();
		nodeA.awaitUp(Duration.ofMinutes(4));
		nodeB.awaitUp(Duration.ofMinutes(4));

		nodeA.createTeam("rel2team", "r2m", 10, PASSWORD);
		List<String> managers = IntStream.rangeClosed(1, 10).mapToObj(i -> String.format("r2m%02d", i)).toList();
		ItDatabase.insertArrearsCustomers(jdbc, "R2C", CUSTOMERS, managers, false);
	}

	@AfterAll
	void stop() {
		if (nodeA != null) {
			nodeA.close();
		}
		if (nodeB != null) {
			nodeB.close();
		}
	}

	@Test
	@Order(1)
	void shouldOpenExactlyOneCasePerCustomerWhenBothNodesScanAtOnce() {
		// node A starts its scan; node B starts its own as soon as A's job executor has taken A's (so that
		// each node's job executor runs one scan, not one node both)
		long start = System.nanoTime();
		nodeA.admin("POST", "/engine-rest/process-definition/key/ArrearsScanProcess/start", SCAN_START);
		ItDatabase.awaitCount(jdbc, 1, 30_000, "select count(*) from ACT_RU_JOB where PROCESS_DEF_KEY_ = 'ArrearsScanProcess' "
				+ "and HANDLER_TYPE_ = 'async-continuation' and LOCK_OWNER_ is not null");
		nodeB.admin("POST", "/engine-rest/process-definition/key/ArrearsScanProcess/start", SCAN_START);

		int scansDone = ItDatabase.awaitCount(jdbc, 2, 1_200_000,
				"select count(*) from ACT_HI_PROCINST where PROC_DEF_KEY_ = 'ArrearsScanProcess' and END_TIME_ is not null");
		double seconds = (System.nanoTime() - start) / 1e9;

		assertThat(scansDone).as("both scans ended").isEqualTo(2);
		assertThat(ItDatabase.count(jdbc, "select count(*) from retention_case where case_type = 'ARREARS_REMINDER'"))
				.as("cases").isEqualTo(CUSTOMERS);
		assertThat(ItDatabase.count(jdbc,
				"select count(distinct customer_no) from retention_case where case_type = 'ARREARS_REMINDER' and open_flag = 1 and process_instance_id is not null"))
				.as("customers with one open case and its process").isEqualTo(CUSTOMERS);
		assertThat(ItDatabase.count(jdbc,
				"select count(*) from customer c where not exists (select 1 from retention_case r where r.customer_no = c.customer_no)"))
				.as("customers without a case").isZero();
		assertThat(ItDatabase.count(jdbc,
				"select count(*) from ACT_RU_EXECUTION e join ACT_RE_PROCDEF d on d.ID_ = e.PROC_DEF_ID_ "
						+ "where e.ID_ = e.PROC_INST_ID_ and d.KEY_ = 'ArrearsReminderProcess'"))
				.as("running reminder processes").isEqualTo(CUSTOMERS);
		assertThat(ItDatabase.count(jdbc,
				"select count(distinct BUSINESS_KEY_) from ACT_HI_PROCINST where PROC_DEF_KEY_ = 'ArrearsReminderProcess'"))
				.isEqualTo(CUSTOMERS);
		assertThat(ItDatabase.count(jdbc,
				ItDatabase.CASES_WITHOUT_PROCESS))
				.as("cases whose process is missing").isZero();
		assertThat(ItDatabase.count(jdbc, "select count(*) from ACT_RU_INCIDENT")).isZero();
		int openedByScans = ItDatabase.count(jdbc,
				"select coalesce(sum(LONG_), 0) from ACT_HI_VARINST where NAME_ = 'opened'");
		assertThat(openedByScans).as("cases the two scans report as opened").isEqualTo(CUSTOMERS);

		List<Map<String, Object>> byNode = jdbc.queryForList(
				"select j.HOSTNAME_ host, v.LONG_ opened from ACT_HI_JOB_LOG j join ACT_HI_VARINST v on v.PROC_INST_ID_ = j.PROCESS_INSTANCE_ID_ "
						+ "where j.PROCESS_DEF_KEY_ = 'ArrearsScanProcess' and j.JOB_DEF_TYPE_ = 'async-continuation' "
						+ "and j.JOB_STATE_ = 2 and v.NAME_ = 'opened'");
		log.info("two-node scan: {} cases in {} s ({} cases/s); scans (node, opened): {}", CUSTOMERS,
				String.format("%.1f", seconds), String.format("%.0f", CUSTOMERS / seconds), byNode);
	}

	@Test
	@Order(2)
	void shouldFireEachOf2000DueTimersExactlyOnce() throws Exception {
		// the first calls' escalation timers are due at 20:00 today: keep them out of the way whatever
		// the hour this test runs at
		jdbc.update("update ACT_RU_JOB set DUEDATE_ = ? where JOB_DEF_ID_ in "
				+ "(select ID_ from ACT_RU_JOBDEF where ACT_ID_ = 'BoundaryEvent_FirstCallOverdue')",
				Timestamp.valueOf(java.time.LocalDateTime.now().plusDays(5)));
		List<Map<String, Object>> calls = jdbc.queryForList("select ID_ id, ASSIGNEE_ assignee from ACT_RU_TASK "
				+ "where TASK_DEF_KEY_ = 'Task_FirstReminderCall' order by ID_ limit " + TIMERS);
		assertThat(calls).hasSize(TIMERS);

		// the managers complete their first calls on both nodes; each completion creates a follow-up timer
		ExecutorService managers = Executors.newFixedThreadPool(6);
		AtomicInteger index = new AtomicInteger();
		List<Future<HttpResponse<String>>> completions = new ArrayList<>();
		long completing = System.nanoTime();
		for (Map<String, Object> call : calls) {
			DeskNode node = index.getAndIncrement() % 2 == 0 ? nodeA : nodeB;
			completions.add(managers.submit(() -> node.call("POST", "/engine-rest/task/" + call.get("id") + "/complete",
					(String) call.get("assignee"), PASSWORD,
					"{\"variables\":{\"callOutcome\":{\"value\":\"REACHED\"},\"paymentChannel\":{\"value\":\"WECHAT\"}}}")));
		}
		for (Future<HttpResponse<String>> completion : completions) {
			HttpResponse<String> response = completion.get();
			assertThat(response.statusCode()).as(response.body()).isEqualTo(204);
		}
		managers.shutdown();
		double completeSeconds = (System.nanoTime() - completing) / 1e9;
		String followUpJobs = "select count(*) from ACT_RU_JOB where JOB_DEF_ID_ in "
				+ "(select ID_ from ACT_RU_JOBDEF where ACT_ID_ = 'TimerEvent_FollowUpDue')";
		assertThat(ItDatabase.count(jdbc, followUpJobs)).isEqualTo(TIMERS);

		// three days later: every follow-up timer is due at the same moment
		long start = System.nanoTime();
		jdbc.update("update ACT_RU_JOB set DUEDATE_ = ? where JOB_DEF_ID_ in "
				+ "(select ID_ from ACT_RU_JOBDEF where ACT_ID_ = 'TimerEvent_FollowUpDue')",
				Timestamp.valueOf(java.time.LocalDateTime.now().minusSeconds(1)));

		int secondCalls = ItDatabase.awaitCount(jdbc, TIMERS, 900_000,
				"select count(*) from ACT_RU_TASK where TASK_DEF_KEY_ = 'Task_SecondReminderCall'");
		double seconds = (System.nanoTime() - start) / 1e9;

		assertThat(secondCalls).isEqualTo(TIMERS);
		assertThat(ItDatabase.count(jdbc, followUpJobs)).as("follow-up timers left").isZero();
		assertThat(ItDatabase.count(jdbc, "select count(*) from (select PROC_INST_ID_ from ACT_HI_TASKINST "
				+ "where TASK_DEF_KEY_ = 'Task_SecondReminderCall' group by PROC_INST_ID_ having count(*) > 1) twice"))
				.as("cases with two second calls").isZero();
		assertThat(ItDatabase.count(jdbc, "select count(*) from ACT_HI_TASKINST where TASK_DEF_KEY_ = 'Task_SecondReminderCall'"))
				.isEqualTo(TIMERS);
		assertThat(ItDatabase.count(jdbc, "select count(*) from ACT_HI_ACTINST where ACT_ID_ = 'TimerEvent_FollowUpDue' and END_TIME_ is not null"))
				.as("timers that fired").isEqualTo(TIMERS);
		assertThat(ItDatabase.count(jdbc, "select count(*) from contact_attempt where channel = 'PHONE'"))
				.as("one contact per completed call").isEqualTo(TIMERS);
		assertThat(ItDatabase.count(jdbc, "select count(*) from ACT_RU_INCIDENT")).isZero();
		List<Map<String, Object>> byNode = jdbc.queryForList("select HOSTNAME_ host, case JOB_STATE_ when 2 then 'ok' else 'failed' end state, count(*) n "
				+ "from ACT_HI_JOB_LOG where ACT_ID_ = 'TimerEvent_FollowUpDue' and JOB_STATE_ in (1, 2) group by HOSTNAME_, JOB_STATE_");
		log.info("two-node timers: {} first calls completed over REST in {} s; {} due timers fired in {} s ({} timers/s); "
				+ "job executions (node, state, count): {}", TIMERS, String.format("%.1f", completeSeconds), TIMERS,
				String.format("%.1f", seconds), String.format("%.0f", TIMERS / seconds), byNode);
	}

	@Test
	@Order(3)
	void shouldOpenExactlyOneExpiryCasePerCustomerWhenBothNodesScanAtOnce() {
		// agreements ending in 30 days for the first 1,000 customers; the first 100 have a second one (the
		// other type, later): one case at a time per customer, so the second waits for a later scan
		LocalDate end = LocalDate.now().plusDays(30);
		Timestamp now = Timestamp.valueOf(java.time.LocalDateTime.now());
		List<Object[]> rows = new ArrayList<>();
		for (int i = 1; i <= EXPIRING; i++) {
			String customerNo = String.format("R2C%05d", i);
			rows.add(new Object[] { customerNo, "RECHARGE_BINDING", java.sql.Date.valueOf(end), now });
			if (i <= WITH_TWO_AGREEMENTS) {
				rows.add(new Object[] { customerNo, "HANDSET_SUBSIDY", java.sql.Date.valueOf(end.plusDays(5)), now });
			}
		}
		jdbc.batchUpdate("insert into agreement (customer_no, agreement_type, end_date, created_at) values (?,?,?,?)", rows);

		long start = System.nanoTime();
		nodeA.admin("POST", "/engine-rest/process-definition/key/ExpiryScanProcess/start", SCAN_START);
		ItDatabase.awaitCount(jdbc, 1, 30_000, "select count(*) from ACT_RU_JOB where PROCESS_DEF_KEY_ = 'ExpiryScanProcess' "
				+ "and HANDLER_TYPE_ = 'async-continuation' and LOCK_OWNER_ is not null");
		nodeB.admin("POST", "/engine-rest/process-definition/key/ExpiryScanProcess/start", SCAN_START);

		int scansDone = ItDatabase.awaitCount(jdbc, 2, 600_000,
				"select count(*) from ACT_HI_PROCINST where PROC_DEF_KEY_ = 'ExpiryScanProcess' and END_TIME_ is not null");
		double seconds = (System.nanoTime() - start) / 1e9;

		assertThat(scansDone).as("both scans ended").isEqualTo(2);
		assertThat(ItDatabase.count(jdbc, "select count(*) from retention_case where case_type = 'CONTRACT_EXPIRY'"))
				.as("expiry cases").isEqualTo(EXPIRING);
		assertThat(ItDatabase.count(jdbc, "select count(distinct customer_no) from retention_case "
				+ "where case_type = 'CONTRACT_EXPIRY' and open_flag = 1 and process_instance_id is not null"))
				.as("customers with one open expiry case and its process").isEqualTo(EXPIRING);
		assertThat(ItDatabase.count(jdbc, "select count(*) from retention_case r join agreement a on a.id = r.agreement_id "
				+ "where r.case_type = 'CONTRACT_EXPIRY' and a.agreement_type = 'RECHARGE_BINDING'"))
				.as("cases about the first agreement").isEqualTo(EXPIRING);
		assertThat(ItDatabase.count(jdbc,
				"select count(distinct BUSINESS_KEY_) from ACT_HI_PROCINST where PROC_DEF_KEY_ = 'ContractExpiryRetentionProcess'"))
				.isEqualTo(EXPIRING);
		assertThat(ItDatabase.count(jdbc,
				"select count(*) from ACT_HI_PROCINST where PROC_DEF_KEY_ = 'ContractExpiryRetentionProcess'"))
				.as("expiry processes started").isEqualTo(EXPIRING);
		assertThat(ItDatabase.count(jdbc, ItDatabase.CASES_WITHOUT_PROCESS)).as("cases whose process is missing").isZero();
		assertThat(ItDatabase.count(jdbc, "select count(*) from ACT_RU_INCIDENT")).isZero();
		assertThat(ItDatabase.count(jdbc, "select coalesce(sum(v.LONG_), 0) from ACT_HI_VARINST v join ACT_HI_PROCINST p "
				+ "on p.ID_ = v.PROC_INST_ID_ where p.PROC_DEF_KEY_ = 'ExpiryScanProcess' and v.NAME_ = 'opened'"))
				.as("cases the two scans report as opened").isEqualTo(EXPIRING);
		// each chunk locks its customers first: no chunk ran into the other node's cases and had to be redone
		assertThat(nodeA.logSoFar() + nodeB.logSoFar()).doesNotContain("expiry scan: chunk up to");

		List<Map<String, Object>> byNode = jdbc.queryForList(
				"select j.HOSTNAME_ host, v.LONG_ opened from ACT_HI_JOB_LOG j join ACT_HI_VARINST v on v.PROC_INST_ID_ = j.PROCESS_INSTANCE_ID_ "
						+ "where j.PROCESS_DEF_KEY_ = 'ExpiryScanProcess' and j.JOB_DEF_TYPE_ = 'async-continuation' "
						+ "and j.JOB_STATE_ = 2 and v.NAME_ = 'opened'");
		log.info("two-node expiry scan: {} cases in {} s; scans (node, opened): {}", EXPIRING,
				String.format("%.1f", seconds), byNode);
	}
}
