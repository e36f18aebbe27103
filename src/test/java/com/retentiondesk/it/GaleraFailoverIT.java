package com.retentiondesk.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
 * The desk on a MariaDB Galera cluster (issue #31). The test starts three {@code mariadbd} of its own on
 * loopback (ports 3311-3313, Galera 4571-4573; {@link LocalMariaDb}), bootstraps the cluster, and a plain
 * MariaDB with the same settings on 3314 to compare with. Then:
 * <ol>
 * <li>a desk refuses to start while one node lacks {@code wsrep_sync_wait=7};</li>
 * <li>on the plain server, two desk nodes run the arrears scan over 5,000 customers and fire 2,000 due
 * timers (the rates to compare);</li>
 * <li>on the cluster (URL {@code jdbc:mysql://127.0.0.1:3311,127.0.0.1:3312,127.0.0.1:3313/...}), two desk
 * nodes do the same, and the database node serving them (the first host) is killed with SIGKILL in the
 * middle of the scan: the desks go on on the second host; 0 duplicate and 0 missing cases, each timer
 * fired once, no incident; then the killed node is started again, rejoins, and every node holds the same
 * rows.</li>
 * </ol>
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GaleraFailoverIT {

	private static final Logger log = LoggerFactory.getLogger(GaleraFailoverIT.class);

	private static final String DB = "rd_galera";
	private static final String PROBE_DB = "rd_galera_probe";
	private static final int CUSTOMERS = 5_000;
	private static final int TIMERS = 2_000;
	/** The serving database node is killed once this many cases are open. */
	private static final int KILL_AFTER = 1_500;
	private static final String PASSWORD = "It-Manager#2026";
	/**
	 * The job lock time (default 5 minutes): a job whose transaction dies with the database node (the
	 * running scan's own) stays locked until then and runs again after it; short, so the test does not
	 * wait 5 minutes (as NodeCrashIT). The same on both databases.
	 */
	private static final String LOCK_TIME = "camunda.bpm.job-execution.lock-time-in-millis=30000";
	private static final String SCAN_START = "{\"variables\":{\"force\":{\"value\":true,\"type\":\"Boolean\"}}}";
	private static final String CASES = "select count(*) from retention_case where case_type = 'ARREARS_REMINDER'";
	private static final String CLUSTER_ADDRESS = "gcomm://127.0.0.1:4571,127.0.0.1:4572,127.0.0.1:4573";
	private static final String OPTIONS = "?sendFractionalSeconds=false&rewriteBatchedStatements=true&characterEncoding=UTF-8";
	/** The rows each node must hold alike after the killed one rejoined. */
	private static final Map<String, String> ROW_COUNTS = new LinkedHashMap<>();

	static {
		ROW_COUNTS.put("customers", "select count(*) from customer");
		ROW_COUNTS.put("cases", "select count(*) from retention_case");
		ROW_COUNTS.put("running processes", "select count(*) from ACT_RU_EXECUTION where ID_ = PROC_INST_ID_");
		ROW_COUNTS.put("open tasks", "select count(*) from ACT_RU_TASK");
		ROW_COUNTS.put("jobs", "select count(*) from ACT_RU_JOB");
		ROW_COUNTS.put("job log", "select count(*) from ACT_HI_JOB_LOG");
		ROW_COUNTS.put("historic activities", "select count(*) from ACT_HI_ACTINST");
		ROW_COUNTS.put("historic variables", "select count(*) from ACT_HI_VARINST");
		ROW_COUNTS.put("contacts", "select count(*) from contact_attempt");
	}

	private final List<LocalMariaDb> cluster = new ArrayList<>();
	private LocalMariaDb plain;
	private final List<DeskNode> desks = new ArrayList<>();
	private final Map<String, Rates> rates = new LinkedHashMap<>();
	private final List<String> driverFigures = new ArrayList<>();

	/** The scan and timer figures of one database. */
	record Rates(double scanSeconds, double timerSeconds, String loadBefore, String loadAfter) {
	}

	@BeforeAll
	void startDatabases() {
		LocalMariaDb.requirePackages();
		long start = System.nanoTime();
		for (int i = 1; i <= 3; i++) {
			cluster.add(LocalMariaDb.galera("galera" + i, 3310 + i, 4570 + i, CLUSTER_ADDRESS));
		}
		plain = LocalMariaDb.plain("plain", 3314).fresh(true).start();
		// the first node starts a new cluster; the others join it with an empty data directory and get a
		// copy by SST (mariadb-backup)
		cluster.get(0).fresh(true).start("--wsrep-new-cluster").awaitReady(120_000);
		cluster.get(1).fresh(false).start();
		cluster.get(1).awaitReady(240_000);
		cluster.get(2).fresh(false).start();
		cluster.get(2).awaitReady(240_000);
		plain.awaitReady(60_000);
		assertThat(cluster.get(0).status("wsrep_cluster_size")).isEqualTo("3");
		log.info("galera: three nodes synced and a plain server up in {} s", String.format("%.1f", (System.nanoTime() - start) / 1e9));

		cluster.get(0).jdbc("").execute("CREATE DATABASE " + DB + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
		plain.jdbc("").execute("CREATE DATABASE " + DB + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
	}

	@AfterAll
	void stopAll() {
		desks.forEach(DeskNode::close);
		cluster.forEach(LocalMariaDb::close);
		if (plain != null) {
			plain.close();
		}
		writeFigures();
		cluster.forEach(LocalMariaDb::deleteData);
		if (plain != null) {
			plain.deleteData();
		}
	}

	@Test
	@Order(1)
	void shouldRefuseToStartWhileANodeLacksASettingCamundaRequires() {
		JdbcTemplate third = cluster.get(2).jdbc("");
		third.execute("SET GLOBAL wsrep_sync_wait = 0");
		try {
			DeskNode refused = new DeskNode("galera-refused", DB).url(clusterUrl());
			desks.add(refused);
			assertThatThrownBy(() -> refused.start().awaitUp(Duration.ofMinutes(3))).hasMessageContaining("died at start-up");
			assertThat(refused.logSoFar()).contains("Galera 集群配置不符合 Camunda 7.24 的要求, 拒绝启动")
					.contains("节点 127.0.0.1:3313: wsrep_sync_wait 是 0, 应为 7")
					.doesNotContain("节点 127.0.0.1:3311:").doesNotContain("节点 127.0.0.1:3312:");
		} finally {
			third.execute("SET GLOBAL wsrep_sync_wait = 7");
		}
		assertThat(ItDatabase.count(cluster.get(0).jdbc(DB), "select count(*) from information_schema.TABLES where TABLE_SCHEMA = ?", DB))
				.as("nothing created before the refusal").isZero();
	}

	@Test
	@Order(2)
	void shouldMeasureScanAndTimersOnOnePlainMariaDb() throws Exception {
		JdbcTemplate jdbc = plain.jdbc(DB);
		List<DeskNode> nodes = startDesks("plain", plain.url(DB));
		prepare(jdbc, nodes.get(0), "GPC");

		String loadBefore = loadAverage();
		double scan = scan(jdbc, nodes, null);
		assertCases(jdbc);
		double timers = timers(jdbc, nodes);
		rates.put("one MariaDB (3314)", new Rates(scan, timers, loadBefore, loadAverage()));
		nodes.forEach(DeskNode::close);
	}

	@Test
	@Order(3)
	void shouldKeepEveryCaseAndTimerWhenTheServingDatabaseNodeIsKilledMidScan() throws Exception {
		JdbcTemplate jdbc = cluster.get(1).jdbc(DB); // the test reads through the node that survives
		List<DeskNode> nodes = startDesks("galera", clusterUrl());
		prepare(jdbc, nodes.get(0), "GGC");
		LocalMariaDb serving = cluster.get(0);
		assertThat(connections(serving)).as("the desks' connections are on the first host").isGreaterThan(0);
		assertThat(connections(cluster.get(1)) + connections(cluster.get(2))).as("and on no other").isZero();

		String loadBefore = loadAverage();
		double[] killedAt = new double[2];
		double scan = scan(jdbc, nodes, (seconds, cases) -> {
			serving.kill();
			killedAt[0] = seconds;
			killedAt[1] = cases;
		});
		assertThat(serving.isAlive()).isFalse();
		assertThat(cluster.get(1).status("wsrep_cluster_size")).as("two nodes keep the quorum").isEqualTo("2");
		assertCases(jdbc);
		assertThat(connections(cluster.get(1)) + connections(cluster.get(2))).as("the desks failed over").isGreaterThan(0);
		List<Map<String, Object>> scanRuns = jdbc.queryForList("select HOSTNAME_ host, case JOB_STATE_ when 2 then 'ok' else 'failed' end state, "
				+ "count(*) n from ACT_HI_JOB_LOG where PROCESS_DEF_KEY_ = 'ArrearsScanProcess' and JOB_STATE_ in (1, 2) group by HOSTNAME_, JOB_STATE_");
		log.info("galera: scan job executions (node, state, count): {}", scanRuns);

		double timers = timers(jdbc, nodes);
		rates.put("Galera, 3 nodes (3311-3313)", new Rates(scan, timers, loadBefore, loadAverage()));
		log.info("galera: serving node killed {} s into the scan with {} cases open", String.format("%.1f", killedAt[0]),
				(int) killedAt[1]);

		// the killed node starts again, receives what it missed and holds the same rows as the others
		long restarting = System.nanoTime();
		serving.restart();
		double rejoin = serving.awaitReady(300_000);
		assertThat(cluster.get(1).status("wsrep_cluster_size")).isEqualTo("3");
		Map<String, List<Integer>> counts = new LinkedHashMap<>();
		for (Map.Entry<String, String> count : ROW_COUNTS.entrySet()) {
			List<Integer> perNode = cluster.stream().map(node -> ItDatabase.count(node.jdbc(DB), count.getValue())).toList();
			counts.put(count.getKey(), perNode);
			assertThat(perNode).as(count.getKey() + " on nodes 1, 2, 3").containsOnly(perNode.get(1));
		}
		assertThat(counts.get("cases")).containsOnly(CUSTOMERS);
		log.info("galera: the killed node rejoined in {} s ({} s with recovery); rows on nodes 1, 2, 3: {}",
				String.format("%.1f", rejoin), String.format("%.1f", (System.nanoTime() - restarting) / 1e9), counts);
		nodes.forEach(DeskNode::close);
	}

	@Test
	@Order(4)
	void shouldMeasureWhichDriverModesKeepWritingWhenTheirFirstHostDies() throws Exception {
		// the third node is the first host of these clients (the desks' first host, node 1, stays as it is)
		LocalMariaDb first = cluster.get(2);
		if (!cluster.get(0).isAlive()) {
			// the test before failed between killing node 1 and starting it again: without it, killing the
			// third would leave one node of three, no quorum
			cluster.get(0).restart().awaitReady(300_000);
		}
		cluster.get(0).jdbc("").execute("CREATE DATABASE " + PROBE_DB);
		cluster.get(0).jdbc(PROBE_DB).execute("create table probe (id bigint auto_increment primary key, client varchar(40), n int)");
		String hosts = "127.0.0.1:3313,127.0.0.1:3312,127.0.0.1:3311/" + PROBE_DB;
		Map<String, DriverProbe> probes = new LinkedHashMap<>();
		probes.put("mysql-connector-j, failOverReadOnly default (true)", new DriverProbe("jdbc:mysql://" + hosts, Map.of()));
		probes.put("mysql-connector-j, failOverReadOnly=false (the mysql profile)",
				new DriverProbe("jdbc:mysql://" + hosts, Map.of("failOverReadOnly", "false")));
		probes.put("MariaDB Connector/J 3.5, sequential", new DriverProbe("jdbc:mariadb:sequential://" + hosts, Map.of()));
		probes.put("MariaDB Connector/J 3.5, failover", new DriverProbe("jdbc:mariadb:failover://" + hosts, Map.of()));
		for (DriverProbe probe : probes.values()) {
			probe.connect();
		}
		long killed = System.nanoTime();
		first.kill();
		ExecutorService clients = Executors.newFixedThreadPool(probes.size());
		List<Future<?>> running = new ArrayList<>();
		for (Map.Entry<String, DriverProbe> probe : probes.entrySet()) {
			running.add(clients.submit(() -> probe.getValue().writeFor(probe.getKey(), killed, 15_000)));
		}
		for (Future<?> r : running) {
			r.get();
		}
		clients.shutdown();
		probes.values().forEach(DriverProbe::close);
		first.restart().awaitReady(300_000);
		probes.forEach((name, probe) -> driverFigures.add(name + ": " + probe));
		log.info("galera driver probe (first host killed, 15 s of single-row autocommit inserts, a broken connection "
				+ "replaced as Hikari does):\n{}", String.join("\n", driverFigures));

		DriverProbe readOnly = probes.get("mysql-connector-j, failOverReadOnly default (true)");
		DriverProbe writable = probes.get("mysql-connector-j, failOverReadOnly=false (the mysql profile)");
		DriverProbe sequential = probes.get("MariaDB Connector/J 3.5, sequential");
		assertThat(readOnly.writesAfterKill).as("read-only after the failover: no write succeeds").isZero();
		assertThat(readOnly.errors.keySet()).anyMatch(e -> e.contains("read-only"));
		assertThat(writable.writesAfterKill).as("writable after the failover").isPositive();
		assertThat(writable.hostsAfterKill).containsOnly("3312");
		assertThat(sequential.writesAfterKill).isPositive();
		assertThat(sequential.hostsAfterKill).containsOnly("3312");
	}

	/**
	 * One client of the driver comparison: one connection, autocommit inserts; a connection the driver
	 * reports broken (SQLState 08...) is replaced by a new one, as Hikari does.
	 */
	static final class DriverProbe {

		final String url;
		final java.util.Properties properties = new java.util.Properties();
		java.sql.Connection connection;
		String connectError;
		int writesAfterKill;
		int failedAfterKill;
		double firstWriteAfter = -1;
		final java.util.Set<String> hostsAfterKill = new java.util.TreeSet<>();
		final Map<String, Integer> errors = new LinkedHashMap<>();

		DriverProbe(String url, Map<String, String> options) {
			this.url = url;
			properties.setProperty("user", "root");
			properties.setProperty("password", "");
			properties.setProperty("connectTimeout", "5000");
			properties.putAll(options);
		}

		void connect() {
			try {
				connection = java.sql.DriverManager.getConnection(url, properties);
				insert(0);
			} catch (java.sql.SQLException | RuntimeException e) {
				connectError = e.getClass().getSimpleName() + ": " + e.getMessage();
			}
		}

		void writeFor(String client, long killedNanos, long millis) {
			if (connection == null) {
				return;
			}
			long end = System.currentTimeMillis() + millis;
			int n = 1;
			while (System.currentTimeMillis() < end && writesAfterKill < 50) {
				try {
					String port = insert(n++);
					writesAfterKill++;
					hostsAfterKill.add(port);
					if (firstWriteAfter < 0) {
						firstWriteAfter = (System.nanoTime() - killedNanos) / 1e9;
					}
				} catch (java.sql.SQLException e) {
					failedAfterKill++;
					String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
					errors.merge(e.getSQLState() + " " + message.substring(0, Math.min(120, message.length())), 1, Integer::sum);
					if (e.getSQLState() != null && e.getSQLState().startsWith("08")) {
						close();
						try {
							connection = java.sql.DriverManager.getConnection(url, properties);
						} catch (java.sql.SQLException again) {
							errors.merge("reconnect: " + again.getMessage(), 1, Integer::sum);
						}
					}
					DeskNode.sleep(50);
				}
			}
		}

		private String insert(int n) throws java.sql.SQLException {
			try (java.sql.PreparedStatement insert = connection.prepareStatement("insert into probe (client, n) values (?, ?)");
					java.sql.Statement port = connection.createStatement()) {
				insert.setString(1, url.substring(0, Math.min(40, url.length())));
				insert.setInt(2, n);
				insert.executeUpdate();
				try (java.sql.ResultSet rows = port.executeQuery("select @@port")) {
					rows.next();
					return rows.getString(1);
				}
			}
		}

		void close() {
			try {
				if (connection != null) {
					connection.close();
				}
			} catch (java.sql.SQLException e) {
				// broken anyway
			}
		}

		@Override
		public String toString() {
			if (connectError != null) {
				return "cannot connect: " + connectError;
			}
			return String.format("%d writes in 15 s after the kill, first after %.2f s, on port(s) %s; %d failed: %s", writesAfterKill,
					firstWriteAfter, hostsAfterKill, failedAfterKill, errors);
		}
	}

	/** Two desk nodes on the URL: the first builds the schema, then the second starts. */
	private List<DeskNode> startDesks(String prefix, String url) {
		DeskNode a = new DeskNode(prefix + "-desk-a", DB, LOCK_TIME).url(url);
		DeskNode b = new DeskNode(prefix + "-desk-b", DB, LOCK_TIME).url(url);
		desks.add(a);
		desks.add(b);
		a.start().awaitEngine(Duration.ofMinutes(4));
		b.start();
		a.awaitUp(Duration.ofMinutes(4));
		b.awaitUp(Duration.ofMinutes(4));
		return List.of(a, b);
	}

	private void prepare(JdbcTemplate jdbc, DeskNode node, String prefix) {
		String team = prefix.toLowerCase() + "team";
		node.createTeam(team, prefix.toLowerCase() + "m", 10, PASSWORD);
		List<String> managers = IntStream.rangeClosed(1, 10).mapToObj(i -> String.format("%sm%02d", prefix.toLowerCase(), i)).toList();
		ItDatabase.insertArrearsCustomers(jdbc, prefix, CUSTOMERS, managers, false);
	}

	interface MidScan {
		void at(double seconds, int cases);
	}

	/** Both nodes start the arrears scan; answers the seconds until both scans ended. */
	private double scan(JdbcTemplate jdbc, List<DeskNode> nodes, MidScan midScan) {
		long start = System.nanoTime();
		nodes.get(0).admin("POST", "/engine-rest/process-definition/key/ArrearsScanProcess/start", SCAN_START);
		ItDatabase.awaitCount(jdbc, 1, 30_000, "select count(*) from ACT_RU_JOB where PROCESS_DEF_KEY_ = 'ArrearsScanProcess' "
				+ "and HANDLER_TYPE_ = 'async-continuation' and LOCK_OWNER_ is not null");
		nodes.get(1).admin("POST", "/engine-rest/process-definition/key/ArrearsScanProcess/start", SCAN_START);
		if (midScan != null) {
			int open = 0;
			long deadline = System.currentTimeMillis() + 600_000;
			while (open < KILL_AFTER && System.currentTimeMillis() < deadline) {
				DeskNode.sleep(100);
				open = ItDatabase.count(jdbc, CASES);
			}
			assertThat(open).as("cases before the kill").isBetween(KILL_AFTER, CUSTOMERS - 1);
			midScan.at((System.nanoTime() - start) / 1e9, open);
		}
		int done = ItDatabase.awaitCount(jdbc, 2, 900_000,
				"select count(*) from ACT_HI_PROCINST where PROC_DEF_KEY_ = 'ArrearsScanProcess' and END_TIME_ is not null");
		assertThat(done).as("both scans ended").isEqualTo(2);
		return (System.nanoTime() - start) / 1e9;
	}

	private static void assertCases(JdbcTemplate jdbc) {
		assertThat(ItDatabase.count(jdbc, CASES)).as("cases").isEqualTo(CUSTOMERS);
		assertThat(ItDatabase.count(jdbc, "select count(*) from (select customer_no from retention_case "
				+ "where case_type = 'ARREARS_REMINDER' group by customer_no having count(*) > 1) twice"))
				.as("customers with two cases").isZero();
		assertThat(ItDatabase.count(jdbc,
				"select count(*) from customer c where not exists (select 1 from retention_case r where r.customer_no = c.customer_no)"))
				.as("customers without a case").isZero();
		assertThat(ItDatabase.count(jdbc, ItDatabase.CASES_WITHOUT_PROCESS)).as("cases whose process is missing").isZero();
		assertThat(ItDatabase.count(jdbc, "select count(*) from ACT_RU_EXECUTION e join ACT_RE_PROCDEF d on d.ID_ = e.PROC_DEF_ID_ "
				+ "where e.ID_ = e.PROC_INST_ID_ and d.KEY_ = 'ArrearsReminderProcess'")).as("running reminder processes")
				.isEqualTo(CUSTOMERS);
		assertThat(ItDatabase.count(jdbc, "select count(*) from ACT_RU_INCIDENT")).as("incidents").isZero();
	}

	/**
	 * 2,000 first calls completed over REST on both nodes, then their follow-up timers all due at once;
	 * answers the seconds until every timer fired. Each fired once: one successful job-log row per timer.
	 */
	private double timers(JdbcTemplate jdbc, List<DeskNode> nodes) throws Exception {
		jdbc.update("update ACT_RU_JOB set DUEDATE_ = ? where JOB_DEF_ID_ in "
				+ "(select ID_ from ACT_RU_JOBDEF where ACT_ID_ = 'BoundaryEvent_FirstCallOverdue')",
				Timestamp.valueOf(LocalDateTime.now().plusDays(5)));
		List<Map<String, Object>> calls = jdbc.queryForList("select ID_ id, ASSIGNEE_ assignee from ACT_RU_TASK "
				+ "where TASK_DEF_KEY_ = 'Task_FirstReminderCall' order by ID_ limit " + TIMERS);
		assertThat(calls).hasSize(TIMERS);
		ExecutorService managers = Executors.newFixedThreadPool(6);
		AtomicInteger index = new AtomicInteger();
		List<Future<HttpResponse<String>>> completions = new ArrayList<>();
		for (Map<String, Object> call : calls) {
			DeskNode node = nodes.get(index.getAndIncrement() % 2);
			completions.add(managers.submit(() -> node.call("POST", "/engine-rest/task/" + call.get("id") + "/complete",
					(String) call.get("assignee"), PASSWORD,
					"{\"variables\":{\"callOutcome\":{\"value\":\"REACHED\"},\"paymentChannel\":{\"value\":\"WECHAT\"}}}")));
		}
		for (Future<HttpResponse<String>> completion : completions) {
			HttpResponse<String> response = completion.get();
			assertThat(response.statusCode()).as(response.body()).isEqualTo(204);
		}
		managers.shutdown();
		String followUps = "select count(*) from ACT_RU_JOB where JOB_DEF_ID_ in "
				+ "(select ID_ from ACT_RU_JOBDEF where ACT_ID_ = 'TimerEvent_FollowUpDue')";
		assertThat(ItDatabase.count(jdbc, followUps)).isEqualTo(TIMERS);

		long start = System.nanoTime();
		jdbc.update("update ACT_RU_JOB set DUEDATE_ = ? where JOB_DEF_ID_ in "
				+ "(select ID_ from ACT_RU_JOBDEF where ACT_ID_ = 'TimerEvent_FollowUpDue')",
				Timestamp.valueOf(LocalDateTime.now().minusSeconds(1)));
		int secondCalls = ItDatabase.awaitCount(jdbc, TIMERS, 900_000,
				"select count(*) from ACT_RU_TASK where TASK_DEF_KEY_ = 'Task_SecondReminderCall'");
		double seconds = (System.nanoTime() - start) / 1e9;

		assertThat(secondCalls).isEqualTo(TIMERS);
		assertThat(ItDatabase.count(jdbc, followUps)).as("follow-up timers left").isZero();
		assertThat(ItDatabase.count(jdbc, "select count(*) from ACT_HI_JOB_LOG where ACT_ID_ = 'TimerEvent_FollowUpDue' and JOB_STATE_ = 2"))
				.as("successful timer executions").isEqualTo(TIMERS);
		assertThat(ItDatabase.count(jdbc, "select count(distinct JOB_ID_) from ACT_HI_JOB_LOG where ACT_ID_ = 'TimerEvent_FollowUpDue' and JOB_STATE_ = 2"))
				.as("timers that fired").isEqualTo(TIMERS);
		assertThat(ItDatabase.count(jdbc, "select count(*) from ACT_HI_TASKINST where TASK_DEF_KEY_ = 'Task_SecondReminderCall'"))
				.as("second calls ever created").isEqualTo(TIMERS);
		assertThat(ItDatabase.count(jdbc, "select count(*) from ACT_RU_INCIDENT")).as("incidents").isZero();
		return seconds;
	}

	/** Connections of the desks (not the test's) to the database on that server. */
	private static int connections(LocalMariaDb server) {
		return ItDatabase.count(server.jdbc(""), "select count(*) from information_schema.PROCESSLIST where DB = ? and ID <> CONNECTION_ID() "
				+ "and USER <> 'system user'", DB);
	}

	private static String clusterUrl() {
		return "jdbc:mysql://127.0.0.1:3311,127.0.0.1:3312,127.0.0.1:3313/" + DB + OPTIONS;
	}

	private static String loadAverage() {
		try {
			return Files.readString(Paths.get("/proc/loadavg")).trim();
		} catch (IOException e) {
			return "?";
		}
	}

	/** The figures in the log and in target/galera-figures.txt (docs/galera.md quotes them). */
	private void writeFigures() {
		StringBuilder figures = new StringBuilder();
		rates.forEach((database, r) -> figures.append(String.format(
				"%s: scan of %d customers by two desk nodes %.1f s (%.0f cases/s); %d due timers %.1f s (%.0f timers/s); load average before %s, after %s%n",
				database, CUSTOMERS, r.scanSeconds(), CUSTOMERS / r.scanSeconds(), TIMERS, r.timerSeconds(),
				TIMERS / r.timerSeconds(), r.loadBefore(), r.loadAfter())));
		driverFigures.forEach(line -> figures.append(line).append('\n'));
		log.info("galera figures:\n{}", figures);
		try {
			Path out = Paths.get("target", "galera-figures.txt");
			Files.writeString(out, figures.toString(), StandardCharsets.UTF_8);
		} catch (IOException e) {
			log.warn("cannot write the figures: {}", e.getMessage());
		}
	}
}
