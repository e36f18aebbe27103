package com.retentiondesk.benchmark;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.Date;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import com.retentiondesk.DeskTest;
import com.retentiondesk.Fixtures;
import com.retentiondesk.TasklistSession;
import com.retentiondesk.arrears.ArrearsCases;
import com.retentiondesk.casework.TeamSupervisors;
import com.retentiondesk.customer.Customers;
import com.retentiondesk.tasklist.TaskAuthorizationCheck;
import com.retentiondesk.tasklist.TaskTally;
import com.retentiondesk.web.DeskGroups;

/**
 * Tasklist at an operator's volume, authorization on: 8 teams of 4 phone managers, open arrears call
 * tasks (each with its candidate-group and assignee authorization rows, as the engine writes them) and
 * 1% escalations. Prints p50/p95 of the first page of 15 (with its count) per filter, through
 * /engine-rest (filter list in HAL, as Tasklist asks, and /task plus /task/count) and through the
 * webapp API with a Tasklist session, at 10k and 100k open tasks; also the time to open a case. Each row
 * names its path: "desk" is this code; "stock" is the engine's own statements on the same rows (the desk's
 * rewrite and the tally's counts switched off, {@link TaskAuthorizationCheck#setRewriting}), timed at the
 * levels up to {@code benchmark.stockUpTo} (default 10,000: seconds per call there, minutes at 100,000).
 * A last row per level has {@code benchmark.clients} (8) managers' Tasklist sessions refreshing at once
 * for {@code benchmark.concurrentSeconds} (30).
 * <p>
 * The open tasks are real engine rows: 320 cases are started through the engine, then their runtime
 * rows (execution, task, identity links, authorizations, variables) are copied with new ids. The copies
 * are due from 5 days ago to 25 days ahead, spread evenly from the time they are made, so that 今日到期
 * (due today or overdue) holds about a sixth of the open tasks on whatever day the benchmark runs, as
 * on a desk that works its list every day.
 * <p>
 * Before a level is timed, every one of its calls is made {@code benchmark.warmups} times (default 150)
 * in rotation: a desk serves Tasklist all day, so its JIT and caches are warm, and a cold start would
 * time the compiler rather than the queries (3 to 7 times the CPU per call on the first rows). On 2 cores
 * the JIT's C2 thread kept one core busy for 2-3 minutes of Tasklist calls after start (seen with
 * {@code top -H}); 150 rounds of the 12 calls take about that long. Run with
 * {@code mvn -Pbenchmark test -Dtest=TasklistBenchmark} (H2) or {@code TasklistMariaDbBenchmark}.
 */
@Tag("benchmark")
@DeskTest
@Import(StatementCounter.Install.class)
class TasklistBenchmark extends TasklistBenchmarkRun {
}

abstract class TasklistBenchmarkRun {

	static final int[] LEVELS = Arrays.stream(System.getProperty("benchmark.tasks", "10000,100000").split(","))
			.mapToInt(s -> Integer.parseInt(s.trim())).toArray();
	static final int TEAMS = 8;
	static final int MANAGERS_PER_TEAM = 4;
	static final int SEED_PER_MANAGER = 10;
	static final int CALLS = Integer.getInteger("benchmark.calls", 40);
	static final int WARMUPS = Integer.getInteger("benchmark.warmups", 150);
	/** The most warm-up rounds, whether or not the JIT has settled. */
	static final int MAX_WARMUPS = Integer.getInteger("benchmark.maxWarmups", 600);
	/** A warm-up round during which the JIT compiled for less than this has found the steady state. */
	static final long JIT_SETTLED_MILLIS = 50;
	/** A call slower than this is the stock engine path: timed 3 times only, and warmed up no further. */
	static final long SLOW_MILLIS = 2_000;
	/**
	 * The levels up to which the engine's own statements (the stock path, rewrite off) are timed as well:
	 * 0.5-5 s per call at 10,000 open tasks, minutes at 100,000.
	 */
	static final int STOCK_UP_TO = Integer.getInteger("benchmark.stockUpTo", 10_000);
	/** Tasklist sessions refreshing at once for the concurrent row (0: no such row). */
	static final int CLIENTS = Integer.getInteger("benchmark.clients", 8);
	static final long CONCURRENT_SECONDS = Long.getLong("benchmark.concurrentSeconds", 30);
	/** Warm-up rounds of the stock path: its seconds per call are the database's, not the JIT's. */
	static final int STOCK_WARMUPS = Integer.getInteger("benchmark.stockWarmups", 3);
	/**
	 * Closed cases past their time to live whose history the engine's cleanup removes while the last level is
	 * timed again (0: no such measurement); at most 1,000 copies of the seed's cases.
	 */
	static final int CLEANUP_CASES = Integer.getInteger("benchmark.cleanupCases", 0);
	/** The history tables a closed case leaves, copied for the cleanup. */
	private static final List<String> HISTORY = List.of("ACT_HI_PROCINST", "ACT_HI_ACTINST", "ACT_HI_TASKINST",
			"ACT_HI_VARINST", "ACT_HI_DETAIL", "ACT_HI_IDENTITYLINK", "ACT_HI_JOB_LOG");
	/** Columns of the history tables that hold ids of copied rows. */
	private static final Set<String> HISTORY_IDS = Set.of("ID_", "PROC_INST_ID_", "ROOT_PROC_INST_ID_", "EXECUTION_ID_",
			"TASK_ID_", "ACT_INST_ID_", "PARENT_ACT_INST_ID_", "VAR_INST_ID_", "JOB_ID_", "PROCESS_INSTANCE_ID_",
			"CALL_PROC_INST_ID_", "SUPER_PROCESS_INSTANCE_ID_");
	private static final Logger log = LoggerFactory.getLogger(TasklistBenchmarkRun.class);
	/** Runtime tables copied per seed case, and the columns that hold ids of copied rows. */
	private static final Map<String, Set<String>> COPIED = new LinkedHashMap<>();
	static {
		COPIED.put("ACT_RU_EXECUTION", Set.of("ID_", "PROC_INST_ID_", "PARENT_ID_", "ROOT_PROC_INST_ID_"));
		COPIED.put("ACT_RU_TASK", Set.of("ID_", "EXECUTION_ID_", "PROC_INST_ID_"));
		COPIED.put("ACT_RU_IDENTITYLINK", Set.of("ID_", "TASK_ID_"));
		COPIED.put("ACT_RU_VARIABLE", Set.of("ID_", "EXECUTION_ID_", "PROC_INST_ID_", "VAR_SCOPE_", "TASK_ID_"));
	}

	@Autowired
	JdbcTemplate jdbc;
	@Autowired
	TaskTally tally;
	@Autowired
	Customers customers;
	@Autowired
	ArrearsCases arrears;
	@Autowired
	IdentityService identity;
	@Autowired
	TaskService tasks;
	@Autowired
	ManagementService management;
	@Autowired
	ProcessEngineConfiguration configuration;
	@Autowired
	TestRestTemplate http;
	@Autowired
	TaskAuthorizationCheck check;
	@Autowired
	TeamSupervisors teamSupervisors;
	@Autowired
	HistoryService history;
	@Value("${desk.history.cleanup-duty:0.02}")
	String duty;

	private final List<String> seedInstances = new ArrayList<>();
	/** What the warm-up did at each level, for the results' heading. */
	private final List<String> warmUps = new ArrayList<>();
	private int copies;
	private String tag;
	/** p95 of each row by path and call ("desk 我的任务 ..."), for the cleanup's comparison. */
	private final Map<String, Long> p95s = new LinkedHashMap<>();

	@Test
	void tasklistAtVolume() throws SQLException {
		tag = "TL" + Long.toString(System.currentTimeMillis() % 1_000_000, 36).toUpperCase(Locale.ROOT);
		ProcessEngineConfigurationImpl engine = (ProcessEngineConfigurationImpl) configuration;
		log.info("BENCHMARK tasklist: {} cores, database {}, authorization {}, authorizationCheckRevokes {}, "
				+ "cmmn {}, standalone tasks {}", Runtime.getRuntime().availableProcessors(), engine.getDatabaseType(),
				engine.isAuthorizationEnabled(), engine.getAuthorizationCheckRevokes(), engine.isCmmnEnabled(),
				engine.isStandaloneTasksEnabled());
		users();
		// the benchmark's supervisors join their team's supervisors group now, as every node does within 5 minutes
		// of an administrator's change (before, bs1 missed it and 已升级 found none of team1's escalations)
		teamSupervisors.syncAll();
		long creation = seed();
		log.info("BENCHMARK tasklist: opening a case (call task + timers + authorizations) took {} ms on average "
				+ "over {} cases", String.format("%.1f", creation / 1e6 / seedInstances.size()), seedInstances.size());
		List<String> table = new ArrayList<>();
		table.add(String.format("%-8s %-6s %-34s %8s %8s %8s %8s %8s %8s %8s", "open", "path", "query", "matches", "p50 ms",
				"p95 ms", "max ms", "cpu ms", "sql", "db ms"));
		for (int level : LEVELS) {
			copyTo(level);
			long open = jdbc.queryForObject("select count(*) from ACT_RU_TASK", Long.class);
			table.addAll(measure(open, "desk", WARMUPS));
			if (level <= STOCK_UP_TO) {
				// before: the engine's own statements on the same rows (the rewrite and the tally's counts off)
				check.setRewriting(false);
				try {
					table.addAll(measure(open, "stock", STOCK_WARMUPS));
				} finally {
					check.setRewriting(true);
				}
			}
		}
		log.info("BENCHMARK tasklist results ({} calls per row, each after 1 untimed call; warm-up per level: {}; "
				+ "team counts answered from the task tally: {}):\n{}", CALLS, String.join("; ", warmUps),
				TaskTally.countsAnswered(), String.join("\n", table));
		cleanupWhileMeasuring(LEVELS[LEVELS.length - 1]);
		creationCost();
	}

	/**
	 * The Tasklist p95 while the engine's history cleanup removes closed cases past their time to live (issue 32):
	 * {@link #CLEANUP_CASES} closed cases' history is copied from the seed's, removal time yesterday, then every
	 * call of the last level is timed once more without the cleanup ("before", after a short warm-up) and once
	 * while a thread runs the cleanup job whenever it is due, as the job executor does in the nightly window
	 * ("clean"; the desk paces it, {@code desk.history.cleanup-duty}). Prints each call's p95 ratio, the rows
	 * removed and whether a backlog was left when the last call was timed (there must be, or the figure says
	 * nothing).
	 */
	private void cleanupWhileMeasuring(int level) {
		if (CLEANUP_CASES <= 0) {
			return;
		}
		long open = jdbc.queryForObject("select count(*) from ACT_RU_TASK", Long.class);
		int closedCopies = Math.min(1000, Math.max(1, CLEANUP_CASES / seedInstances.size()));
		long start = System.nanoTime();
		copyClosedHistory(closedCopies);
		long rowsBefore = removableHistoryRows();
		log.info("BENCHMARK tasklist: {} closed cases past their time to live, {} history rows, copied in {} s",
				closedCopies * seedInstances.size(), rowsBefore, String.format("%.1f", (System.nanoTime() - start) / 1e9));
		List<String> table = new ArrayList<>(measure(open, "before", 20));
		// the same calls once more without the cleanup: how far two series differ by themselves (the noise floor)
		table.addAll(measure(open, "again", 0));
		AtomicBoolean stop = new AtomicBoolean();
		AtomicInteger runs = new AtomicInteger();
		Thread cleaner = new Thread(() -> {
			// what the job executor does with the cleanup job in the nightly window: run it whenever it is due (the
			// desk paces it, desk.history.cleanup-duty); cleanUpHistoryAsync(true) makes it due now, whatever the window
			history.cleanUpHistoryAsync(true);
			while (!stop.get()) {
				for (Job job : history.findHistoryCleanupJobs()) {
					if (!job.getDuedate().after(new Date())) {
						management.executeJob(job.getId());
						runs.incrementAndGet();
					}
				}
				try {
					Thread.sleep(20);
				} catch (InterruptedException e) {
					return;
				}
			}
		}, "history-cleanup");
		long cleanupStart = System.nanoTime();
		cleaner.start();
		table.addAll(measure(open, "clean", 0));
		double measuredFor = (System.nanoTime() - cleanupStart) / 1e9;
		stop.set(true);
		try {
			cleaner.join(600_000);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
		boolean stillRunning = removableHistoryRows() > 0;
		long removed = rowsBefore - removableHistoryRows();
		table.add(String.format("history cleanup: %d runs of the cleanup job (batch %d, duty %s) in %.1f s removed %d of "
				+ "%d rows (%.0f rows/s); a backlog left when the last call was timed: %s", runs.get(),
				((ProcessEngineConfigurationImpl) configuration).getHistoryCleanupBatchSize(), duty, measuredFor, removed,
				rowsBefore, removed / measuredFor, stillRunning ? "yes" : "NO (the figures below are partly without it)"));
		double worst = 0;
		double noise = 0;
		long beforeSum = 0;
		long duringSum = 0;
		for (Map.Entry<String, Long> before : p95s.entrySet()) {
			if (!before.getKey().startsWith("before ")) {
				continue;
			}
			String call = before.getKey().substring("before ".length());
			Long during = p95s.get("clean " + call);
			Long again = p95s.get("again " + call);
			if (during == null || again == null || before.getValue() == 0) {
				continue;
			}
			double ratio = (double) during / before.getValue();
			double alone = (double) again / before.getValue();
			worst = Math.max(worst, ratio);
			noise = Math.max(noise, Math.max(alone, 1 / Math.max(alone, 1e-9)));
			beforeSum += before.getValue();
			duringSum += during;
			table.add(String.format("  %-34s p95 %5d ms before, %5d ms again without the cleanup (%.2f), %5d ms during "
					+ "it: %.2f", call, before.getValue(), again, alone, during, ratio));
		}
		table.add(String.format("  the largest p95 ratio during / before: %.2f (target <= 1.10: %s); the sum of the p95s "
				+ "during / before: %.2f; two series without the cleanup differed by up to %.2f", worst,
				worst <= 1.10 ? "met" : "NOT met", (double) duringSum / Math.max(1, beforeSum), noise));
		log.info("BENCHMARK tasklist at {} open tasks (level {}) while the history cleanup runs:\n{}", open, level,
				String.join("\n", table));
	}

	/** History rows of the copied closed cases still there. */
	private long removableHistoryRows() {
		long rows = 0;
		for (String table : HISTORY) {
			rows += jdbc.queryForObject("select count(*) from " + table + " where ROOT_PROC_INST_ID_ like ?", Long.class,
					"%-H%");
		}
		return rows;
	}

	/**
	 * The seed cases' history copied {@code count} times as closed cases (ids suffixed {@code -H<n>}), ended 181
	 * days ago and due for removal since yesterday, as the engine sets it at the end with a 180-day time to live.
	 */
	private void copyClosedHistory(int count) {
		ensureSequence();
		String in = "'" + String.join("','", seedInstances) + "'";
		Timestamp removal = Timestamp.valueOf(LocalDateTime.now().minusDays(1));
		Timestamp ended = Timestamp.valueOf(LocalDateTime.now().minusDays(181));
		try (Connection connection = jdbc.getDataSource().getConnection()) {
			JdbcTemplate session = new JdbcTemplate(new SingleConnectionDataSource(connection, true));
			DatabaseMetaData meta = connection.getMetaData();
			boolean h2 = meta.getDatabaseProductName().startsWith("H2");
			for (String table : HISTORY) {
				List<String> columns = columns(meta, table);
				for (int from = 0; from < count; from += 50) {
					List<Object> parameters = new ArrayList<>();
					StringBuilder select = new StringBuilder();
					for (String column : columns) {
						select.append(select.length() > 0 ? ", " : "");
						if (HISTORY_IDS.contains(column)) {
							// the engine's ids end in a UUID (an activity instance's start with its activity's id): that
							// part and the copy number keep them unique, and within the column's 64 characters
							select.append("case when R.").append(column).append(" is null then null else concat(right(R.")
									.append(column).append(", 36), '-H', S.N) end");
						} else if (column.equals("REMOVAL_TIME_")) {
							select.append("cast(? as datetime)");
							parameters.add(removal);
						} else if (table.equals("ACT_HI_PROCINST") && column.equals("END_TIME_")) {
							select.append("cast(? as datetime)");
							parameters.add(ended);
						} else if (table.equals("ACT_HI_PROCINST") && column.equals("STATE_")) {
							select.append("'COMPLETED'");
						} else {
							select.append("R.").append(column);
						}
					}
					parameters.add(from);
					parameters.add(Math.min(count, from + 50));
					session.update("insert into " + table + " (" + String.join(", ", columns) + ") select " + select
							+ " from " + table + " R cross join BENCH_SEQ S where S.N > ? and S.N <= ? "
							+ "and R.ROOT_PROC_INST_ID_ in (" + in + ")", parameters.toArray());
				}
				if (!h2) {
					session.execute("analyze table " + table);
				}
			}
		} catch (SQLException e) {
			throw new IllegalStateException(e);
		}
	}

	/** Our indexes on the engine tables (db/engine), dropped and re-created for the creation comparison. */
	private static final Map<String, String> OUR_INDEXES = Map.of(
			"DESK_IDX_IDENT_GROUP_TASK", "ACT_RU_IDENTITYLINK (GROUP_ID_, TYPE_, TASK_ID_)",
			"DESK_IDX_AUTH_RESOURCE",
			"ACT_RU_AUTHORIZATION (RESOURCE_ID_, RESOURCE_TYPE_, TYPE_, PERMS_, GROUP_ID_, USER_ID_)",
			"DESK_IDX_TASK_ASSIGNEE_DUE", "ACT_RU_TASK (ASSIGNEE_, DUE_DATE_, TENANT_ID_, PROC_DEF_ID_)",
			"DESK_IDX_TASK_DUE", "ACT_RU_TASK (DUE_DATE_)",
			"DESK_IDX_TASK_DEF_KEY", "ACT_RU_TASK (TASK_DEF_KEY_, CREATE_TIME_)");

	/**
	 * Opening a case (call task, timers, grants) with and without the desk's Tasklist machinery (our
	 * engine-table indexes and the task tally's rows), at the volume reached: rounds of cases alternate
	 * between the two, so the machine's load falls on both alike.
	 */
	private void creationCost() {
		int rounds = 3;
		int perRound = Integer.getInteger("benchmark.creationCases", 100);
		List<Object[]> rows = new ArrayList<>();
		Timestamp now = Timestamp.valueOf(LocalDateTime.now());
		for (int i = 0; i < 2 * rounds * perRound; i++) {
			rows.add(new Object[] { tag + String.format("C%05d", i), "新客户" + i, String.format("135%08d", i),
					managerId(1 + i % TEAMS, 1 + i % MANAGERS_PER_TEAM), now, now });
		}
		jdbc.batchUpdate("insert into customer (customer_no, name, service_no, network, star_level, payment_type, balance, "
				+ "arrears_months, line_status, manager_id, created_at, updated_at, version) "
				+ "values (?,?,?,'PHS',4,'PREPAID',1.00,0,'ACTIVE',?,?,?,0)", rows);
		boolean h2 = configuration instanceof ProcessEngineConfigurationImpl engine && "h2".equals(engine.getDatabaseType());
		long[] withIndexes = new long[rounds];
		long[] without = new long[rounds];
		int next = 0;
		for (int round = 0; round < rounds; round++) {
			withIndexes[round] = open(rows.subList(next, next + perRound));
			next += perRound;
			OUR_INDEXES.keySet().forEach(index -> jdbc.execute(h2 ? "drop index " + index
					: "drop index " + index + " on " + OUR_INDEXES.get(index).substring(0, OUR_INDEXES.get(index).indexOf(' '))));
			tally.setRecording(false);
			without[round] = open(rows.subList(next, next + perRound));
			next += perRound;
			tally.setRecording(true);
			tally.reconcile();
			OUR_INDEXES.forEach((index, on) -> jdbc.execute("create index " + index + " on " + on));
		}
		double with = Arrays.stream(withIndexes).average().orElseThrow() / 1e6 / perRound;
		double bare = Arrays.stream(without).average().orElseThrow() / 1e6 / perRound;
		log.info("BENCHMARK tasklist: opening a case at {} open tasks: {} ms with our engine-table indexes and the task "
				+ "tally, {} ms without ({} rounds of {} cases each, alternating): {}%", jdbc.queryForObject(
						"select count(*) from ACT_RU_TASK", Long.class), String.format("%.1f", with),
				String.format("%.1f", bare), rounds, perRound, String.format("%+.0f", 100 * (with - bare) / bare));
	}

	private long open(List<Object[]> customerRows) {
		long start = System.nanoTime();
		for (Object[] row : customerRows) {
			arrears.open(customers.findById((String) row[0]).orElseThrow());
		}
		return System.nanoTime() - start;
	}

	private void users() {
		for (int t = 1; t <= TEAMS; t++) {
			String team = "team" + t;
			if (identity.createGroupQuery().groupId(team).count() == 0) {
				Group group = identity.newGroup(team);
				group.setName("第" + t + "组");
				group.setType(DeskGroups.TEAM_TYPE);
				identity.saveGroup(group);
			}
			for (int m = 1; m <= MANAGERS_PER_TEAM; m++) {
				user(managerId(t, m), List.of(DeskGroups.PHONE_MANAGERS, team));
			}
			user("bs" + t, List.of(DeskGroups.SUPERVISORS, team));
		}
	}

	private void user(String id, List<String> groups) {
		if (identity.createUserQuery().userId(id).count() > 0) {
			return;
		}
		User user = identity.newUser(id);
		user.setFirstName(id);
		user.setLastName("基准");
		user.setPassword(Fixtures.PASSWORD);
		identity.saveUser(user);
		groups.forEach(group -> identity.createMembership(id, group));
	}

	private static String managerId(int team, int member) {
		return "bm" + team + "x" + member;
	}

	/** Opens the seed cases through the engine; returns the nanoseconds that took. */
	private long seed() {
		Timestamp now = Timestamp.valueOf(LocalDateTime.now());
		List<Object[]> rows = new ArrayList<>();
		int n = 0;
		for (int t = 1; t <= TEAMS; t++) {
			for (int m = 1; m <= MANAGERS_PER_TEAM; m++) {
				for (int s = 0; s < SEED_PER_MANAGER; s++) {
					rows.add(new Object[] { tag + String.format("%05d", n), "客户" + n, String.format("134%08d", n),
							managerId(t, m), now, now });
					n++;
				}
			}
		}
		jdbc.batchUpdate("insert into customer (customer_no, name, service_no, network, star_level, payment_type, balance, "
				+ "arrears_months, line_status, manager_id, created_at, updated_at, version) "
				+ "values (?,?,?,'PHS',4,'PREPAID',1.00,0,'ACTIVE',?,?,?,0)", rows);
		long start = System.nanoTime();
		for (Object[] row : rows) {
			seedInstances.add(arrears.open(customers.findById((String) row[0]).orElseThrow()).getProcessInstanceId());
		}
		long took = System.nanoTime() - start;
		// 1 in 100 seed cases is escalated: its overdue timer fires and the supervisor gets a task
		for (int i = 0; i < seedInstances.size(); i += 100) {
			Job overdue = management.createJobQuery().processInstanceId(seedInstances.get(i))
					.activityId("BoundaryEvent_FirstCallOverdue").singleResult();
			management.executeJob(overdue.getId());
			// then the asynchronous steps after it (the notification, the supervisor's task)
			for (Job next : management.createJobQuery().processInstanceId(seedInstances.get(i)).executable().list()) {
				if (!next.getId().equals(overdue.getId()) && next.getDuedate() == null) {
					management.executeJob(next.getId());
				}
			}
		}
		return took;
	}

	/** Copies the seed cases' runtime rows until about {@code level} tasks are open. */
	private void copyTo(int level) throws SQLException {
		long start = System.nanoTime();
		int seedTasks = tasks.createTaskQuery().processInstanceIdIn(seedInstances.toArray(String[]::new)).list().size();
		int target = Math.max(0, level / seedTasks - 1);
		String in = "'" + String.join("','", seedInstances) + "'";
		// the JVM's clock, not the database's: the 今日到期 filter reckons "today" in the JVM's time zone
		Timestamp now = Timestamp.valueOf(LocalDateTime.now());
		ensureSequence();
		try (Connection connection = jdbc.getDataSource().getConnection()) {
			// the copies of an execution tree arrive in any order: no foreign key checks on this connection
			JdbcTemplate session = new JdbcTemplate(new SingleConnectionDataSource(connection, true));
			boolean h2 = connection.getMetaData().getDatabaseProductName().startsWith("H2");
			session.execute(h2 ? "set referential_integrity false" : "set foreign_key_checks = 0");
			DatabaseMetaData meta = connection.getMetaData();
			while (copies < target) {
				int batch = Math.min(50, target - copies);
				for (Map.Entry<String, Set<String>> table : COPIED.entrySet()) {
					copy(session, meta, table.getKey(), table.getValue(), in, batch, now);
				}
				copyAuthorizations(session, in, batch);
				copyCaseRows(session, in, batch);
				copies += batch;
			}
			session.execute(h2 ? "set referential_integrity true" : "set foreign_key_checks = 1");
			if (!h2) {
				// a desk grows by a few thousand tasks a day and the server keeps its statistics up to date;
				// after this bulk copy they are stale until it gets round to them (seen: plans 10x slower)
				session.execute("analyze table ACT_RU_TASK, ACT_RU_IDENTITYLINK, ACT_RU_AUTHORIZATION, ACT_RU_VARIABLE, "
						+ "ACT_RU_EXECUTION, retention_case");
			}
		}
		log.info("BENCHMARK tasklist: {} copies of {} seed tasks in {} s", copies, seedTasks,
				String.format("%.1f", (System.nanoTime() - start) / 1e9));
		// the copies bypass the engine and its task listeners: the tally learns of them as it would of any
		// bulk change, by reconciling (a node does that at start and every 5 minutes)
		long reconcile = System.nanoTime();
		long off = tally.reconcile();
		log.info("BENCHMARK tasklist: task tally reconciled in {} ms ({} copied tasks added)",
				(System.nanoTime() - reconcile) / 1_000_000, off);
		// the filter's bound, ${dateTime().withTimeAtStartOfDay().plusDays(1)}, in the JVM's time zone as well
		Timestamp tomorrow = Timestamp.valueOf(LocalDate.now().plusDays(1).atStartOfDay());
		long open = jdbc.queryForObject("select count(*) from ACT_RU_TASK", Long.class);
		long dueToday = jdbc.queryForObject("select count(*) from ACT_RU_TASK where DUE_DATE_ < ?", Long.class, tomorrow);
		log.info("BENCHMARK tasklist: {} of {} open tasks ({}%) are due before {}, the 今日到期 population of all teams",
				dueToday, open, String.format("%.1f", 100.0 * dueToday / open), tomorrow);
	}

	/**
	 * Copies a table's rows of the seed cases, copy numbers {@code copies + 1} to {@code copies + batch}
	 * ({@code S.N}), ids suffixed with the copy number. A due date becomes {@code now} minus 5 days plus
	 * {@code (S.N * 26699 + 37 * ascii(last character of the source row's id)) mod 30 days} in minutes,
	 * whatever the seed's: 26699/43200 is close to the golden ratio's fraction, so any number of copies
	 * lies evenly over the 30 days, the 29 of the 10,000 level as well as the 300 of the 100,000 (a small
	 * step such as 143 minutes would put all 29 in the first 3 days, every task overdue), and the term of
	 * the source row spreads one copy's tasks over a day and a half rather than giving them all one date.
	 * 5 of the 30 days overdue, plus today's part: 17% to 20% of the tasks are 今日到期, on any day.
	 */
	private void copy(JdbcTemplate session, DatabaseMetaData meta, String table, Set<String> ids, String seedIn, int batch,
			Timestamp now) throws SQLException {
		List<String> columns = columns(meta, table);
		List<Object> parameters = new ArrayList<>();
		StringBuilder select = new StringBuilder();
		for (String column : columns) {
			if (select.length() > 0) {
				select.append(", ");
			}
			if (ids.contains(column)) {
				select.append("case when R.").append(column).append(" is null then null else concat(R.").append(column)
						.append(", '-', S.N) end");
			} else if (column.equals("DUE_DATE_")) {
				// H2 must be told the parameter's type (it cannot infer it inside timestampadd); a task
				// without a due date keeps none, as the seed's
				select.append("case when R.DUE_DATE_ is null then null else timestampadd(MINUTE, "
						+ "mod(S.N * 26699 + ascii(right(R.ID_, 1)) * 37, 43200) - 7200, cast(? as datetime)) end");
				parameters.add(now);
			} else {
				select.append("R.").append(column);
			}
		}
		String where = table.equals("ACT_RU_IDENTITYLINK")
				? "R.TASK_ID_ in (select ID_ from ACT_RU_TASK where PROC_INST_ID_ in (" + seedIn + "))"
				: "R.PROC_INST_ID_ in (" + seedIn + ")";
		// the select list's parameters come before the where clause's
		parameters.add(copies);
		parameters.add(copies + batch);
		session.update("insert into " + table + " (" + String.join(", ", columns) + ") select " + select + " from " + table
				+ " R cross join BENCH_SEQ S where S.N > ? and S.N <= ? and " + where, parameters.toArray());
	}

	/**
	 * The case rows of the copied instances, where Tasklist's customer columns come from (issue 32); NULL as
	 * their open flag, so that the one-open-case-per-customer key lets a customer have them all.
	 */
	private void copyCaseRows(JdbcTemplate session, String seedIn, int batch) {
		session.update("insert into retention_case (case_type, customer_no, manager_id, opened_at, process_instance_id, "
				+ "escalations, version, brief) select R.case_type, R.customer_no, R.manager_id, R.opened_at, "
				+ "concat(R.process_instance_id, '-', S.N), 0, 0, R.brief from retention_case R cross join BENCH_SEQ S "
				+ "where S.N > ? and S.N <= ? and R.process_instance_id in (" + seedIn + ")", copies, copies + batch);
	}

	/** The task authorizations (candidate group and assignee) of the copied tasks. */
	private void copyAuthorizations(JdbcTemplate session, String seedIn, int batch) {
		session.update("insert into ACT_RU_AUTHORIZATION (ID_, REV_, TYPE_, GROUP_ID_, USER_ID_, RESOURCE_TYPE_, "
				+ "RESOURCE_ID_, PERMS_, REMOVAL_TIME_, ROOT_PROC_INST_ID_) select concat(A.ID_, '-', S.N), A.REV_, A.TYPE_, "
				+ "A.GROUP_ID_, A.USER_ID_, A.RESOURCE_TYPE_, concat(A.RESOURCE_ID_, '-', S.N), A.PERMS_, A.REMOVAL_TIME_, "
				+ "A.ROOT_PROC_INST_ID_ from ACT_RU_AUTHORIZATION A cross join BENCH_SEQ S where S.N > ? and S.N <= ? "
				+ "and A.RESOURCE_TYPE_ = 7 and A.RESOURCE_ID_ in (select ID_ from ACT_RU_TASK where PROC_INST_ID_ in ("
				+ seedIn + "))", copies, copies + batch);
	}

	private List<String> columns(DatabaseMetaData meta, String table) throws SQLException {
		List<String> columns = new ArrayList<>();
		for (String name : List.of(table, table.toLowerCase(Locale.ROOT))) {
			try (ResultSet rs = meta.getColumns(null, null, name, null)) {
				while (rs.next()) {
					columns.add(rs.getString("COLUMN_NAME").toUpperCase(Locale.ROOT));
				}
			}
			if (!columns.isEmpty()) {
				break;
			}
		}
		return columns.stream().distinct().toList();
	}

	private void ensureSequence() {
		jdbc.execute("create table if not exists BENCH_SEQ (N int primary key)");
		Integer rows = jdbc.query("select count(*) from BENCH_SEQ", rs -> rs.next() ? rs.getInt(1) : 0);
		if (rows == null || rows < 1000) {
			List<Object[]> numbers = new ArrayList<>();
			for (int i = 1; i <= 1000; i++) {
				numbers.add(new Object[] { i });
			}
			jdbc.batchUpdate("insert into BENCH_SEQ (N) values (?)", numbers);
		}
	}

	/** The rows of one level and path ("desk": this code; "stock": the engine's own statements). */
	private List<String> measure(long open, String queryPath, int warmups) {
		String manager = managerId(1, 1);
		Map<String, String> filters = new LinkedHashMap<>();
		jdbc.query("select ID_, NAME_ from ACT_RU_FILTER", rs -> {
			filters.put(rs.getString(2), rs.getString(1));
		});
		HttpHeaders hal = new HttpHeaders();
		hal.setContentType(MediaType.APPLICATION_JSON);
		hal.setAccept(List.of(MediaType.parseMediaType("application/hal+json")));
		HttpHeaders session = halSession(manager);
		HttpHeaders supervisorSession = halSession("bs1");
		// one client per REST user, made once: each withBasicAuth builds a new HTTP client (threads, a new
		// connection), which the calls timed with it paid for before (3 threads started per call, JFR), where a
		// real REST client keeps its connection
		TestRestTemplate managerRest = http.withBasicAuth(manager, Fixtures.PASSWORD);
		TestRestTemplate supervisorRest = http.withBasicAuth("bs1", Fixtures.PASSWORD);
		String page = "/list?firstResult=0&maxResults=15";
		// a REST client sorts by due date; Tasklist sends its own sorting, by default newest first, which the
		// engine puts after the filter's (the body below is what Tasklist 7.24 sends, captured in chromium)
		String body = "{\"sorting\":[{\"sortBy\":\"dueDate\",\"sortOrder\":\"asc\"}]}";
		String tasklistBody = TasklistSession.PAGE_BODY;
		Map<String, Supplier<String>> calls = new LinkedHashMap<>();
		for (String filter : List.of("我的任务", "本组任务", "今日到期")) {
			String path = "/filter/" + filters.get(filter) + page;
			calls.put("rest  filter " + filter, () -> post(managerRest,
					"/engine-rest" + path, body, hal));
			calls.put("webapp filter " + filter, () -> post(http, "/camunda/api/engine/engine/default" + path, tasklistBody,
					session));
		}
		String escalated = "/filter/" + filters.get("已升级") + page;
		calls.put("rest  filter 已升级 (bs1)", () -> post(supervisorRest,
				"/engine-rest" + escalated, body, hal));
		calls.put("webapp filter 已升级 (bs1)", () -> post(http, "/camunda/api/engine/engine/default" + escalated, tasklistBody,
				supervisorSession));
		calls.put("rest  /task?candidateGroup=team1", () -> {
			get(managerRest, "/engine-rest/task/count?candidateGroup=team1&includeAssignedTasks=true");
			return get(managerRest, "/engine-rest/task?candidateGroup=team1&includeAssignedTasks=true"
					+ "&sortBy=dueDate&sortOrder=asc&firstResult=0&maxResults=15");
		});
		calls.put("rest  /task?assignee=me", () -> {
			get(managerRest, "/engine-rest/task/count?assignee=" + manager);
			return get(managerRest, "/engine-rest/task?assignee=" + manager
					+ "&sortBy=dueDate&sortOrder=asc&firstResult=0&maxResults=15");
		});
		// 今日到期 and 已升级 as a REST client asks them: the filters' conditions as parameters, the escalation
		// keys' LIKE pattern and the due date encoded (the pattern's backslash and %, the offset's +)
		String tomorrow = URLEncoder.encode(LocalDate.now().plusDays(1).atStartOfDay(ZoneId.systemDefault())
				.format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ")), StandardCharsets.UTF_8);
		String dueToday = "candidateGroups=" + DeskGroups.PHONE_MANAGERS + ",team1&includeAssignedTasks=true&dueBefore="
				+ tomorrow;
		calls.put("rest  /task?candidateGroups&dueBefore", () -> {
			get(managerRest, "/engine-rest/task/count?" + dueToday);
			return get(managerRest, "/engine-rest/task?" + dueToday + "&sortBy=dueDate&sortOrder=asc&firstResult=0"
					+ "&maxResults=15");
		});
		String escalations = "taskDefinitionKeyLike=" + URLEncoder.encode(DeskGroups.ESCALATION_TASK_PREFIX.replace("_",
				"\\_") + "%", StandardCharsets.UTF_8) + "&candidateGroups=" + DeskGroups.SUPERVISORS
				+ ",team1," + DeskGroups.supervisorsOf("team1") + "&includeAssignedTasks=true";
		calls.put("rest  /task?taskDefinitionKeyLike (bs1)", () -> {
			get(supervisorRest, "/engine-rest/task/count?" + escalations);
			return get(supervisorRest, "/engine-rest/task?" + escalations + "&sortBy=dueDate&sortOrder=asc&firstResult=0"
					+ "&maxResults=15");
		});
		// Tasklist's list of filters with each one's count, as it asks on every load and refresh
		calls.put("webapp filter list, with counts", filterList(session));
		warmUp(open + " open tasks, " + queryPath, calls, warmups);
		List<String> rows = new ArrayList<>();
		calls.forEach((name, call) -> rows.add(row(open, queryPath, name, call)));
		if (CLIENTS > 0 && queryPath.equals("desk")) {
			rows.add(atOnce(open, queryPath, filters, page, tasklistBody));
		}
		return rows;
	}

	/**
	 * {@link #CLIENTS} Tasklist sessions at once, managers of every team, each refreshing as Tasklist does
	 * (the filter list with counts, then the first page of 我的任务, 本组任务 and 今日到期) without pause for
	 * {@link #CONCURRENT_SECONDS}: the row gives p50/p95/max of those calls together, and the calls per
	 * second the desk served.
	 */
	private String atOnce(long open, String queryPath, Map<String, String> filters, String page, String body) {
		List<List<Supplier<String>>> refreshes = new ArrayList<>();
		for (int c = 0; c < CLIENTS; c++) {
			HttpHeaders session = halSession(managerId(1 + c % TEAMS, 1 + (c / TEAMS) % MANAGERS_PER_TEAM));
			List<Supplier<String>> refresh = new ArrayList<>();
			refresh.add(filterList(session));
			for (String filter : List.of("我的任务", "本组任务", "今日到期")) {
				String path = "/camunda/api/engine/engine/default/filter/" + filters.get(filter) + page;
				refresh.add(() -> post(http, path, body, session));
			}
			refreshes.add(refresh);
		}
		List<long[]> timings = new ArrayList<>();
		List<Thread> threads = new ArrayList<>();
		List<Throwable> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
		StatementCounter.reset();
		long cpuStart = processCpuNanos();
		long start = System.nanoTime();
		long end = start + CONCURRENT_SECONDS * 1_000_000_000L;
		for (List<Supplier<String>> refresh : refreshes) {
			long[] millis = new long[100_000];
			timings.add(millis);
			Thread thread = new Thread(() -> {
				int n = 0;
				try {
					while (System.nanoTime() < end && n < millis.length - refresh.size()) {
						for (Supplier<String> call : refresh) {
							long t = System.nanoTime();
							call.get();
							millis[n++] = (System.nanoTime() - t) / 1_000_000 + 1;
						}
					}
				} catch (Throwable failure) {
					failures.add(failure);
				}
			}, "tasklist-client");
			threads.add(thread);
			thread.start();
		}
		for (Thread thread : threads) {
			try {
				thread.join();
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(e);
			}
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		if (!failures.isEmpty()) {
			throw new AssertionError(failures.size() + " sessions failed", failures.get(0));
		}
		// the timings were stored plus 1, so that 0 marks an unused slot
		long[] all = timings.stream().flatMapToLong(Arrays::stream).filter(m -> m > 0).map(m -> m - 1).sorted().toArray();
		int n = all.length;
		String result = String.format("%-8d %-6s %-34s %8s %8d %8d %8d %8.1f%s", open, queryPath,
				CLIENTS + " sessions at once, " + String.format("%.0f", n / seconds) + "/s", n + " calls", all[n / 2],
				all[(int) Math.ceil(n * 0.95) - 1], all[n - 1], (processCpuNanos() - cpuStart) / 1e6 / n,
				statements(n, open + " " + queryPath + " sessions at once"));
		log.info("BENCHMARK tasklist: {}", result);
		return result;
	}

	/**
	 * Makes every call {@link #WARMUPS} times, in rotation as a desk's managers make them, so that the
	 * JIT has compiled the paths they share and the rows time the steady state rather than the compiler.
	 * A call slower than 2 s is the stock engine path, which the rows time 3 times only: it is warmed up
	 * no further, or the warm-up alone would take longer than the whole benchmark.
	 */
	private void warmUp(String what, Map<String, Supplier<String>> calls, int warmups) {
		long start = System.nanoTime();
		CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
		Set<String> warming = new LinkedHashSet<>(calls.keySet());
		Map<String, Integer> stopped = new LinkedHashMap<>();
		int round = 0;
		long jitMillis = jit.getTotalCompilationTime();
		long lastRoundJit = Long.MAX_VALUE;
		// at least benchmark.warmups rounds, then on until the JIT has settled: a round that made it compile
		// for less than JIT_SETTLED_MILLIS (a C2 thread busy for minutes on 2 cores is what a cold desk does)
		// (a short warm-up, the stock path's, is just that many rounds)
		int most = warmups >= WARMUPS ? MAX_WARMUPS : warmups;
		while (!warming.isEmpty() && round < most && (round < warmups || lastRoundJit >= JIT_SETTLED_MILLIS)) {
			round++;
			for (Iterator<String> names = warming.iterator(); names.hasNext();) {
				String name = names.next();
				long t = System.nanoTime();
				calls.get(name).get();
				if ((System.nanoTime() - t) / 1_000_000 > SLOW_MILLIS) {
					names.remove();
					stopped.put(name, round);
				}
			}
			long now = jit.getTotalCompilationTime();
			lastRoundJit = now - jitMillis;
			jitMillis = now;
		}
		String done = what + ", " + round + " rounds of its " + calls.size() + " calls (JIT compiled "
				+ lastRoundJit + " ms in the last)" + (stopped.isEmpty()
				? "" : " (over 2 s, so stopped early: " + stopped.entrySet().stream()
						.map(e -> e.getKey() + " in round " + e.getValue()).collect(Collectors.joining(", ")) + ")");
		warmUps.add(done);
		log.info("BENCHMARK tasklist: warm-up at {} in {} s", done,
				String.format("%.1f", (System.nanoTime() - start) / 1e9));
	}

	private String post(TestRestTemplate client, String path, String body, HttpHeaders headers) {
		ResponseEntity<String> answer = client.exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers),
				String.class);
		if (!answer.getStatusCode().is2xxSuccessful()) {
			throw new AssertionError(path + " answered " + answer.getStatusCode() + ": " + answer.getBody());
		}
		return answer.getBody();
	}

	/** A Tasklist session's headers for the webapp API, asking for HAL as Tasklist does. */
	private HttpHeaders halSession(String user) {
		HttpHeaders session = TasklistSession.login(http, user, Fixtures.PASSWORD);
		session.setContentType(MediaType.APPLICATION_JSON);
		session.setAccept(List.of(MediaType.parseMediaType("application/hal+json")));
		return session;
	}

	/** The call for Tasklist's list of filters with each one's count (the sidebar, in JSON) in a session. */
	private Supplier<String> filterList(HttpHeaders session) {
		HttpHeaders sidebar = new HttpHeaders();
		sidebar.putAll(session);
		sidebar.setAccept(List.of(MediaType.APPLICATION_JSON));
		HttpEntity<Void> request = new HttpEntity<>(sidebar);
		return () -> {
			ResponseEntity<String> answer = http.exchange("/camunda/api/engine/engine/default/filter?resourceType=Task"
					+ "&itemCount=true", HttpMethod.GET, request, String.class);
			if (!answer.getStatusCode().is2xxSuccessful()) {
				throw new AssertionError("filter list answered " + answer.getStatusCode() + ": " + answer.getBody());
			}
			return answer.getBody();
		};
	}

	private String get(TestRestTemplate client, String path) {
		// a URI, so that the parameters' own encoding is kept as it is
		ResponseEntity<String> answer = client.getForEntity(URI.create(path), String.class);
		if (!answer.getStatusCode().is2xxSuccessful()) {
			throw new AssertionError(path + " answered " + answer.getStatusCode() + ": " + answer.getBody());
		}
		return answer.getBody();
	}

	private String row(long open, String path, String name, Supplier<String> call) {
		// untimed: it gives the row's count, and tells whether the call is slow enough to be timed less often
		long first = System.nanoTime();
		String answer = call.get();
		long firstMillis = (System.nanoTime() - first) / 1_000_000;
		// the stock engine at volume: a query slower than 2 s is timed 3 times, one slower than 10 s once
		int calls = firstMillis > 10_000 ? 0 : firstMillis > SLOW_MILLIS ? 3 : CALLS;
		long[] millis = calls == 0 ? new long[] { firstMillis } : new long[calls];
		StatementCounter.reset();
		long cpuStart = processCpuNanos();
		for (int i = 0; i < calls; i++) {
			long t = System.nanoTime();
			call.get();
			millis[i] = (System.nanoTime() - t) / 1_000_000;
		}
		double cpuPerCall = calls == 0 ? Double.NaN : (processCpuNanos() - cpuStart) / 1e6 / calls;
		Arrays.sort(millis);
		int n = millis.length;
		String result = String.format("%-8d %-6s %-34s %8s %8d %8d %8d %8.1f%s%s", open, path, name, matches(answer),
				millis[n / 2], millis[(int) Math.ceil(n * 0.95) - 1], millis[n - 1], cpuPerCall,
				statements(calls, open + " " + path + " " + name), n == CALLS ? "" : "  (" + n + " calls)");
		log.info("BENCHMARK tasklist: {}", result);
		p95s.put(path + " " + name, millis[(int) Math.ceil(n * 0.95) - 1]);
		return result;
	}

	/**
	 * The statements the database got per call since {@link StatementCounter#reset()} (round trips, and the
	 * milliseconds spent waiting for them), as two columns; the costliest ones go to the log.
	 */
	private static String statements(int calls, String name) {
		if (calls == 0) {
			return String.format(" %8s %8s", "-", "-");
		}
		List<StatementCounter.Figures> profile = StatementCounter.snapshot();
		profile.stream().limit(5).forEach(f -> log.debug("BENCHMARK tasklist:   {}: {}/call, {} ms/call: {}", name,
				String.format("%.1f", (double) f.calls() / calls), String.format("%.2f", f.nanos() / 1e6 / calls), f.sql()));
		return String.format(" %8.1f %8.1f", (double) StatementCounter.totalCalls() / calls,
				StatementCounter.totalNanos() / 1e6 / calls);
	}

	/**
	 * CPU time this JVM (desk and HTTP client) has used: per call, a figure the load of other processes
	 * on a shared machine does not inflate, unlike the wall-clock times.
	 */
	private static long processCpuNanos() {
		return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
				.getOperatingSystemMXBean()).getProcessCpuTime();
	}

	/** The count of a HAL list ("count":N), or the number of tasks of a plain list. */
	private static String matches(String answer) {
		java.util.regex.Matcher count = java.util.regex.Pattern.compile("\"count\":(\\d+)").matcher(answer);
		if (count.find()) {
			return count.group(1);
		}
		return "page " + (answer.split("\"id\":", -1).length - 1);
	}
}
