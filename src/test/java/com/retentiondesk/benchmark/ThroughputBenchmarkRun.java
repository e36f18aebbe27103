package com.retentiondesk.benchmark;

import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.impl.jobexecutor.DefaultJobExecutor;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

import com.retentiondesk.arrears.ArrearsProcess;
import com.retentiondesk.arrears.ArrearsScan;
import com.retentiondesk.casework.CaseVariables;
import com.retentiondesk.casework.ChunkedScan;

/**
 * Issue #10, throughput: prints one table (log lines starting with {@code BENCHMARK}).
 * <ol>
 * <li>The arrears scan ({@link ArrearsScan}, the service the daily scan process calls) over
 * {@code benchmark.scanCustomers} customers per size (default {@code 10000,100000}), 10% of them due;
 * next to the bare engine starting the same process with the same variables and no domain work, once in
 * chunks of 500 starts per transaction (as the scan) and once one start per transaction (at most
 * {@code benchmark.singleStarts}, default 2,000: a rate needs no more), and next to a raw JDBC batched
 * insert of as many rows as the scan wrote (rows per case measured at the first size).</li>
 * <li>A timer storm: {@code benchmark.timers} (default 10,000) arrears cases waiting at
 * {@code TimerEvent_FollowUpDue}, all due, then the engine's job executor (default settings, as in
 * production) started: jobs/s until the last has fired, and duplicates from history (a timer activity
 * completed twice in one case, or two second-call tasks in one case: must be 0).</li>
 * <li>Start-up: the database is filled with scanned cases up to {@code benchmark.waitingCases} (default
 * 100,000) waiting arrears cases, this JVM lets go of H2 (MariaDB needs nothing), and a second desk JVM
 * ({@code java -jar target/retention-desk-*.jar}, the same profile's environment) is started: seconds
 * until {@code /actuator/health} is UP, and heap used ({@code jvm.memory.used}, area heap) after
 * {@code jcmd <pid> GC.run}; the same jar is first started twice on an empty database of its own (a new H2 file,
 * or a MariaDB database named after this one with {@code _empty}): the first start creates the schema, the second
 * is the one the waiting cases' start-up and heap are compared with (issue 32: at most 1.1 each, heap at most
 * 256 MB). Skipped when there is no jar ({@code mvn -o -DskipTests package}) or with
 * {@code -Dbenchmark.startup=false}.</li>
 * </ol>
 * A quick check of the code: {@code -Dbenchmark.scanCustomers=2000 -Dbenchmark.timers=1000
 * -Dbenchmark.waitingCases=3000}.
 */
abstract class ThroughputBenchmarkRun {

	static final int[] SCAN_SIZES = Arrays.stream(System.getProperty("benchmark.scanCustomers", "10000,100000").split(","))
			.map(String::trim).mapToInt(Integer::parseInt).toArray();
	static final int SINGLE_STARTS = Integer.getInteger("benchmark.singleStarts", 2_000);
	/**
	 * Scans of more customers than this are not compared with the bare engine and raw JDBC again (at 1,000,000
	 * customers those would take longer than the scan), only with the scan's own rate at the size before.
	 */
	static final int COMPARE_UP_TO = Integer.getInteger("benchmark.compareUpTo", 100_000);
	static final int TIMERS = Integer.getInteger("benchmark.timers", 10_000);
	static final int WAITING_CASES = Integer.getInteger("benchmark.waitingCases", 100_000);
	static final boolean STARTUP = Boolean.parseBoolean(System.getProperty("benchmark.startup", "true"));
	static final String APP_JVM_ARGS = System.getProperty("benchmark.appJvmArgs", "");
	static final int CHUNK = 500;

	private static final Logger log = LoggerFactory.getLogger(ThroughputBenchmarkRun.class);

	@Value("${desk.arrears.scan-chunk-size}")
	int scanChunk;
	@Value("${desk.scan.workers}")
	int workers;
	@Autowired
	JdbcTemplate jdbc;
	@Autowired
	DataSource dataSource;
	@Autowired
	ArrearsScan scan;
	@Autowired
	RuntimeService runtime;
	@Autowired
	ManagementService management;
	@Autowired
	ProcessEngineConfigurationImpl engineConfiguration;
	@Autowired
	Environment environment;

	private final List<String> table = new ArrayList<>();
	/** The scan's cases per second at each size of customers. */
	private final Map<Integer, Double> scanRates = new java.util.LinkedHashMap<>();
	private String database;
	private String jdbcUrl;
	private int customerSeries;

	@Test
	void throughput() throws Exception {
		try (Connection c = dataSource.getConnection()) {
			database = c.getMetaData().getDatabaseProductName() + " " + c.getMetaData().getDatabaseProductVersion();
			jdbcUrl = c.getMetaData().getURL();
		}
		log.info("BENCHMARK throughput on {}, {} cores, load average at start {}", database,
				Runtime.getRuntime().availableProcessors(), loadAverage());
		row("measurement", "size", "done", "seconds", "rate", "ratio / check", "load 1m");

		double rowsPerCase = 0;
		for (int size : SCAN_SIZES) {
			rowsPerCase = scanAndCompare(size, rowsPerCase);
		}
		if (scanRates.size() > 1) {
			int last = SCAN_SIZES[SCAN_SIZES.length - 1];
			int before = SCAN_SIZES[SCAN_SIZES.length - 2];
			double ratio = scanRates.get(last) / scanRates.get(before);
			row("arrears scan at " + fmt(last) + " / at " + fmt(before) + " customers", "", "", "",
					fmt(scanRates.get(last)) + " / " + fmt(scanRates.get(before)) + " cases/s",
					"size ratio " + ratio(ratio) + " (target >= 0.9)", loadAverage1());
		}
		double stock = timerStorm(TIMERS, "TD", false);
		double desk = timerStorm(TIMERS, "TS", true);
		if (stock > 0) {
			row("timer storm: desk / engine's default job executor", fmt(TIMERS) + " due timers each", "", "",
					fmt(desk) + " / " + fmt(stock) + " jobs/s", "desk/default " + ratio(desk / stock) + " (target >= 1.5)",
					loadAverage1());
		}
		startUp(WAITING_CASES);

		log.info("BENCHMARK ==== Retention Desk throughput: {}, {} cores (Runtime.availableProcessors), load average at end {}",
				database, Runtime.getRuntime().availableProcessors(), loadAverage());
		table.forEach(line -> log.info("BENCHMARK {}", line));
	}

	// ---- scan, bare engine, raw JDBC

	private double scanAndCompare(int customers, double knownRowsPerCase) throws Exception {
		String prefix = nextPrefix();
		int due = insertCustomers(prefix, customers, 10);
		Map<String, Long> before = knownRowsPerCase == 0 ? rowCounts() : Map.of();
		StatementCounter.reset();
		long cpu = cpuNanos();
		long t = System.nanoTime();
		ChunkedScan.Result result = scan.run();
		double seconds = seconds(t);
		String scanCpu = cpuPer(cpu, result.opened(), "case");
		long jdbcNanos = StatementCounter.totalNanos();
		List<StatementCounter.Figures> profile = StatementCounter.snapshot();
		neutralise(prefix);
		if (result.opened() != due) {
			throw new AssertionError("scan opened " + result.opened() + " cases, expected " + due + ": " + result);
		}
		double rowsPerCase = knownRowsPerCase;
		if (rowsPerCase == 0) {
			Map<String, Long> after = rowCounts();
			long written = after.entrySet().stream().mapToLong(e -> e.getValue() - before.getOrDefault(e.getKey(), 0L)).sum();
			long grants = after.getOrDefault("ACT_RU_AUTHORIZATION", 0L) - before.getOrDefault("ACT_RU_AUTHORIZATION", 0L);
			rowsPerCase = (double) written / result.opened();
			double withoutGrants = (double) (written - grants) / result.opened();
			log.info("BENCHMARK rows written per case by the scan: {} ({} rows for {} cases; by table: {})",
					String.format("%.1f", rowsPerCase), written, result.opened(), diff(before, after));
			row("rows per opened arrears case (history FULL)", fmt(result.opened()) + " cases", fmt(written) + " rows", "",
					String.format("%.1f rows/case without the %.1f authorization rows of team scoping", withoutGrants,
							(double) grants / result.opened()),
					"target <= 30: " + (withoutGrants <= 30 ? "met" : "NOT met"), loadAverage1());
		}
		double scanCasesPerSecond = result.opened() / seconds;
		scanRates.put(customers, scanCasesPerSecond);
		row("arrears scan (" + workers + " x chunks of " + scanChunk + ")", fmt(customers) + " customers", fmt(result.opened()) + " cases",
				secs(seconds), fmt(customers / seconds) + " customers/s, " + fmt(scanCasesPerSecond) + " cases/s" + scanCpu, "", loadAverage1());
		logProfile("scan of " + fmt(customers) + " customers", profile, result.opened(), seconds, jdbcNanos);

		int cases = result.opened();
		if (customers > COMPARE_UP_TO) {
			return rowsPerCase;
		}
		long cpu2 = cpuNanos();
		double chunked = bareEngine(prefix + "C", cases, scanChunk);
		row("bare engine, " + scanChunk + " starts/transaction", fmt(cases) + " instances", fmt(cases), secs(cases / chunked),
				fmt(chunked) + " instances/s" + cpuPer(cpu2, cases, "instance"), "scan/bare " + ratio(scanCasesPerSecond / chunked), loadAverage1());
		int singles = Math.min(cases, SINGLE_STARTS);
		long cpu3 = cpuNanos();
		double single = bareEngine(prefix + "S", singles, 1);
		row("bare engine, 1 start/transaction", fmt(singles) + " instances", fmt(singles), secs(singles / single),
				fmt(single) + " instances/s" + cpuPer(cpu3, singles, "instance"), "scan/bare " + ratio(scanCasesPerSecond / single), loadAverage1());
		long rows = Math.round(rowsPerCase * cases);
		double rowsPerSecond = rawJdbc(rows, Math.round(rowsPerCase * scanChunk));
		row("raw JDBC batched insert (" + String.format("%.1f", rowsPerCase) + " rows/case)", fmt(rows) + " rows", fmt(rows),
				secs(rows / rowsPerSecond), fmt(rowsPerSecond) + " rows/s = " + fmt(rowsPerSecond / rowsPerCase) + " cases/s",
				"scan/JDBC " + ratio(scanCasesPerSecond / (rowsPerSecond / rowsPerCase)), loadAverage1());
		return rowsPerCase;
	}

	/** Customers {@code prefix0000000...}; one in {@code dueOneIn} is due (half prepaid low, half postpaid). */
	private int insertCustomers(String prefix, int count, int dueOneIn) {
		long t = System.nanoTime();
		Timestamp now = Timestamp.valueOf(LocalDateTime.now());
		int due = 0;
		List<Object[]> rows = new ArrayList<>(5_000);
		for (int i = 0; i < count; i++) {
			boolean isDue = i % dueOneIn == 0;
			boolean postpaid = (i / dueOneIn) % 2 == 1;
			due += isDue ? 1 : 0;
			rows.add(new Object[] { String.format("%s%07d", prefix, i), "基准客户" + i, String.format("133%08d", i),
					postpaid ? "POSTPAID" : "PREPAID", isDue ? (postpaid ? -120.00 : 5.00) : 50.00,
					isDue && postpaid ? 2 : 0, "manager" + (1 + i % 8), now, now });
			if (rows.size() == 5_000) {
				insertCustomerRows(rows);
			}
		}
		insertCustomerRows(rows);
		log.info("BENCHMARK (setup) {} customers {}*, {} due, inserted in {} s", count, prefix, due, secs(seconds(t)));
		return due;
	}

	private void insertCustomerRows(List<Object[]> rows) {
		jdbc.batchUpdate("insert into customer (customer_no, name, service_no, network, segment, star_level, payment_type, "
				+ "balance, arrears_months, line_status, manager_id, created_at, updated_at, version) "
				+ "values (?,?,?,'PHS','OTHER',4,?,?,?,'ACTIVE',?,?,?,0)", rows);
		rows.clear();
	}

	/** The customers were scanned: nothing is due for them any more, so the next scan reads only its own. */
	private void neutralise(String prefix) {
		jdbc.update("update customer set balance = 50, arrears_months = 0 where customer_no like ?", prefix + "%");
	}

	/** A customer number prefix no earlier run on this database used ({@code TBA}, {@code TBB}, ...). */
	private String nextPrefix() {
		while (true) {
			String prefix = "TB" + (char) ('A' + customerSeries++);
			if (jdbc.queryForObject("select count(*) from customer where customer_no like ?", Integer.class,
					prefix + "%") == 0) {
				return prefix;
			}
		}
	}

	/** Starts the arrears process with the scan's start variables, {@code perTransaction} starts per transaction. */
	private double bareEngine(String keyPrefix, int count, int perTransaction) {
		CommandExecutor ownTransaction = engineConfiguration.getCommandExecutorTxRequiresNew();
		Date firstCallDue = Date.from(Instant.now().plus(Duration.ofHours(8)));
		long t = System.nanoTime();
		for (int from = 0; from < count; from += perTransaction) {
			int first = from;
			int last = Math.min(count, from + perTransaction);
			ownTransaction.execute(context -> {
				for (int i = first; i < last; i++) {
					String key = String.format("%s%07d", keyPrefix, i);
					runtime.startProcessInstanceByKey(ArrearsProcess.PROCESS_KEY, key, startVariables(key, i, firstCallDue));
				}
				return null;
			});
		}
		return count / seconds(t);
	}

	private static Map<String, Object> startVariables(String customerNo, int i, Date firstCallDue) {
		Map<String, Object> start = new HashMap<>();
		start.put(ArrearsProcess.AUTO_REMINDER, Variables.booleanValue(false, true));
		start.put(ArrearsProcess.FIRST_CALL_DUE, Variables.dateValue(firstCallDue, true));
		start.put(CaseVariables.CASE_ID, (long) -i);
		start.put(CaseVariables.CUSTOMER_NO, customerNo);
		start.put(CaseVariables.MANAGER_ID, "manager" + (1 + i % 8));
		start.put(CaseVariables.TEAM_GROUP, i % 8 < 4 ? "team1" : "team2");
		return start;
	}

	/** Inserts rows shaped like the engine's variable rows, in batches, one transaction per scan chunk's worth. */
	private double rawJdbc(long rows, long rowsPerTransaction) throws Exception {
		jdbc.execute("create table bench_jdbc_row (ID_ varchar(64) not null primary key, REV_ integer, "
				+ "PROC_INST_ID_ varchar(64), NAME_ varchar(255), TYPE_ varchar(255), TEXT_ varchar(4000), "
				+ "LONG_ bigint, TIME_ timestamp null)");
		try (Connection c = dataSource.getConnection()) {
			c.setAutoCommit(false);
			Timestamp now = Timestamp.valueOf(LocalDateTime.now());
			long t = System.nanoTime();
			try (PreparedStatement insert = c.prepareStatement("insert into bench_jdbc_row (ID_, REV_, PROC_INST_ID_, NAME_, "
					+ "TYPE_, TEXT_, LONG_, TIME_) values (?,?,?,?,?,?,?,?)")) {
				for (long i = 0; i < rows; i++) {
					insert.setString(1, "row-" + i);
					insert.setInt(2, 1);
					insert.setString(3, "instance-" + (i / 27));
					insert.setString(4, "customerName");
					insert.setString(5, "string");
					insert.setString(6, "基准客户" + i);
					insert.setLong(7, i);
					insert.setTimestamp(8, now);
					insert.addBatch();
					if ((i + 1) % CHUNK == 0 || i == rows - 1) {
						insert.executeBatch();
					}
					if ((i + 1) % rowsPerTransaction == 0 || i == rows - 1) {
						c.commit();
					}
				}
			}
			double perSecond = rows / seconds(t);
			c.setAutoCommit(true);
			return perSecond;
		} finally {
			jdbc.execute("drop table bench_jdbc_row");
		}
	}

	// ---- timer storm

	/**
	 * Cases waiting at the follow-up timer, all due, then a job executor until all have fired: the desk's
	 * (the engine's as Spring configured it from {@code camunda.bpm.job-execution.*}), or a {@link DefaultJobExecutor}
	 * with the engine's own defaults (3 threads, 3 jobs per acquisition) registered with the same engine.
	 *
	 * @return jobs per second
	 */
	private double timerStorm(int timers, String keyPrefix, boolean desk) throws InterruptedException {
		if (timers <= 0) {
			return 0;
		}
		CommandExecutor ownTransaction = engineConfiguration.getCommandExecutorTxRequiresNew();
		Date dueAlready = new Date(ClockUtil.getCurrentTime().getTime() - 60_000);
		Date secondCallDue = Date.from(Instant.now().plus(Duration.ofDays(2)));
		long t = System.nanoTime();
		for (int from = 0; from < timers; from += CHUNK) {
			int first = from;
			int last = Math.min(timers, from + CHUNK);
			ownTransaction.execute(context -> {
				for (int i = first; i < last; i++) {
					String key = String.format("%s%07d", keyPrefix, i);
					Map<String, Object> variables = startVariables(key, i, dueAlready);
					variables.put(ArrearsProcess.FOLLOW_UP_AT, dueAlready);
					variables.put(ArrearsProcess.SECOND_CALL_DUE, secondCallDue);
					runtime.createProcessInstanceByKey(ArrearsProcess.PROCESS_KEY).businessKey(key).setVariables(variables)
							.startBeforeActivity(ArrearsProcess.TIMER_FOLLOW_UP).execute();
				}
				return null;
			});
		}
		long dueJobs = management.createJobQuery().timers().duedateLowerThan(ClockUtil.getCurrentTime()).count();
		long ours = management.createJobQuery().activityId(ArrearsProcess.TIMER_FOLLOW_UP).count();
		log.info("BENCHMARK (setup) {} cases waiting at {} in {} s; due jobs: {}, of them follow-up timers: {}", timers,
				ArrearsProcess.TIMER_FOLLOW_UP, secs(seconds(t)), dueJobs, ours);

		JobExecutor executor = engineConfiguration.getJobExecutor();
		if (desk) {
			configureAsProduction(executor);
		} else {
			configureAsEngineDefault(executor);
		}
		freshAcquisition(executor);
		log.info("BENCHMARK (setup) job executor {}: {} jobs per acquisition, wait {} ms, lock {} ms, threads {}-{}, "
				+ "queue {}, active: {}", executor.getClass().getSimpleName(), executor.getMaxJobsPerAcquisition(),
				executor.getWaitTimeInMillis(), executor.getLockTimeInMillis(), jobThreads(executor), jobMaxThreads(executor),
				jobQueue(executor), executor.isActive());
		long cpu = cpuNanos();
		t = System.nanoTime();
		executor.start();
		long remaining = ours;
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(Math.max(300, timers / 10));
		try {
			while (remaining > 0 && System.nanoTime() < deadline) {
				Thread.sleep(100);
				remaining = management.createJobQuery().activityId(ArrearsProcess.TIMER_FOLLOW_UP).noRetriesLeft().count() > 0
						? -1 : management.createJobQuery().activityId(ArrearsProcess.TIMER_FOLLOW_UP).count();
				if (remaining < 0) {
					break;
				}
			}
		} finally {
			executor.shutdown();
		}
		double seconds = seconds(t);
		long fired = ours - Math.max(0, management.createJobQuery().activityId(ArrearsProcess.TIMER_FOLLOW_UP).count());
		Long duplicateTimers = jdbc.queryForObject("select count(*) from (select a.PROC_INST_ID_ from ACT_HI_ACTINST a "
				+ "join ACT_HI_PROCINST p on p.PROC_INST_ID_ = a.PROC_INST_ID_ where p.BUSINESS_KEY_ like '" + keyPrefix + "%' "
				+ "and a.ACT_ID_ = ? and a.END_TIME_ is not null group by a.PROC_INST_ID_ having count(*) > 1) d",
				Long.class, ArrearsProcess.TIMER_FOLLOW_UP);
		Long secondCalls = jdbc.queryForObject("select count(*) from ACT_RU_TASK t join ACT_HI_PROCINST p "
				+ "on p.PROC_INST_ID_ = t.PROC_INST_ID_ where p.BUSINESS_KEY_ like '" + keyPrefix + "%' and t.TASK_DEF_KEY_ = ?", Long.class,
				ArrearsProcess.TASK_SECOND_CALL);
		Long casesWithSecondCall = jdbc.queryForObject("select count(distinct t.PROC_INST_ID_) from ACT_RU_TASK t "
				+ "join ACT_HI_PROCINST p on p.PROC_INST_ID_ = t.PROC_INST_ID_ where p.BUSINESS_KEY_ like '" + keyPrefix + "%' "
				+ "and t.TASK_DEF_KEY_ = ?", Long.class, ArrearsProcess.TASK_SECOND_CALL);
		long failing = management.createJobQuery().withException().count();
		long duplicates = duplicateTimers + (secondCalls - casesWithSecondCall);
		row("timer storm (" + (desk ? "desk's" : "engine's default") + " job executor, " + jobThreads(executor) + " threads)", fmt(timers) + " due timers", fmt(fired) + " fired", secs(seconds),
				fmt(fired / seconds) + " jobs/s" + cpuPer(cpu, fired, "job"), "duplicates " + duplicates + ", second calls " + fmt(secondCalls)
						+ ", jobs failing " + failing, loadAverage1());
		if (duplicates != 0 || fired != timers || secondCalls != timers) {
			throw new AssertionError("timer storm: " + fired + " of " + timers + " fired, " + secondCalls
					+ " second calls, duplicates " + duplicates + ", failing jobs " + failing);
		}
		return fired / seconds;
	}

	// ---- start-up with waiting cases

	private void startUp(int waitingCases) throws Exception {
		long waiting = runtime.createProcessInstanceQuery().processDefinitionKey(ArrearsProcess.PROCESS_KEY).count();
		if (waiting < waitingCases) {
			int more = (int) (waitingCases - waiting);
			String prefix = nextPrefix();
			insertCustomers(prefix, more, 1);
			long cpu = cpuNanos();
			long t = System.nanoTime();
			ChunkedScan.Result result = scan.run();
			double seconds = seconds(t);
			neutralise(prefix);
			row("arrears scan, all due (fill)", fmt(more) + " customers", fmt(result.opened()) + " cases", secs(seconds),
					fmt(result.opened() / seconds) + " cases/s" + cpuPer(cpu, result.opened(), "case"), "", loadAverage1());
			waiting = runtime.createProcessInstanceQuery().processDefinitionKey(ArrearsProcess.PROCESS_KEY).count();
		}
		long openTasks = jdbc.queryForObject("select count(*) from ACT_RU_TASK", Long.class);
		long jobs = jdbc.queryForObject("select count(*) from ACT_RU_JOB", Long.class);
		if (!STARTUP) {
			row("start-up", fmt(waiting) + " waiting cases", "skipped (-Dbenchmark.startup=false)", "", "", "", loadAverage1());
			return;
		}
		File jar = findJar();
		if (jar == null) {
			row("start-up", fmt(waiting) + " waiting cases", "skipped: no target/retention-desk-*.jar "
					+ "(mvn -o -DskipTests package first)", "", "", "", loadAverage1());
			return;
		}
		boolean h2 = database.startsWith("H2");
		// the same desk on an empty database of its own (schema and demo users, no case): a first start
		// creates the schema, the second is the one compared
		Map<String, String> emptyDatabase = h2 ? Map.of("DESK_H2_FILE", "./target/benchmark-h2/empty-" + UUID.randomUUID())
				: Map.of("DB_URL", freshDatabase(jdbcUrl, "_empty"));
		Startup schema = startJvm(jar, h2, emptyDatabase, "empty-1");
		row("start-up of a 2nd desk JVM (java -jar), first start", "empty database", "schema created", secs(schema.upAfter())
				+ " to health UP", schema.heap(), "Spring: " + schema.started(), loadAverage1());
		Startup empty = startJvm(jar, h2, emptyDatabase, "empty-2");
		row("start-up of a 2nd desk JVM (java -jar)", "empty database", "0 open tasks", secs(empty.upAfter())
				+ " to health UP", empty.heap(), "Spring: " + empty.started(), loadAverage1());
		Map<String, String> thisDatabase = Map.of();
		if (h2) {
			// the second JVM opens the same file; H2 lets only one process have it
			Matcher m = Pattern.compile("jdbc:h2:(?:file:)?([^;]+)").matcher(jdbcUrl);
			if (!m.find() || jdbcUrl.startsWith("jdbc:h2:mem:")) {
				throw new IllegalStateException("not an H2 file database: " + jdbcUrl);
			}
			thisDatabase = Map.of("DESK_H2_FILE", m.group(1));
			// close the pool first, or it opens the file again at once
			dataSource.unwrap(HikariDataSource.class).close();
			try (Connection c = DriverManager.getConnection(jdbcUrl, environment.getProperty("spring.datasource.username"),
					environment.getProperty("spring.datasource.password", ""))) {
				c.createStatement().execute("SHUTDOWN");
			}
		}
		Startup full = startJvm(jar, h2, thisDatabase, "waiting");
		row("start-up of a 2nd desk JVM (java -jar)", fmt(waiting) + " waiting cases", fmt(openTasks) + " open tasks, "
				+ fmt(jobs) + " jobs", secs(full.upAfter()) + " to health UP", full.heap(), "Spring: " + full.started(),
				loadAverage1());
		row("start-up with " + fmt(waiting) + " waiting cases / empty database", "", "", "",
				secs(full.upAfter()) + " / " + secs(empty.upAfter()) + " s; heap " + fmt(full.heapMb()) + " / "
						+ fmt(empty.heapMb()) + " MB",
				"start-up " + ratio(full.upAfter() / empty.upAfter()) + (full.heapMb() < 0 || empty.heapMb() < 0
						? ", heap unknown (see the log)" : ", heap " + ratio(full.heapMb() / empty.heapMb())
								+ " (target <= 1.1 each); heap " + (full.heapMb() <= 256 ? "<=" : ">") + " 256 MB"),
				loadAverage1());
	}

	/** A second desk JVM's start: seconds to health UP, heap used after a full GC (MB; -1 if unknown). */
	private record Startup(double upAfter, double heapMb, String started) {
		String heap() {
			return heapMb < 0 ? "heap unknown" : fmt(heapMb) + " MB heap used after GC";
		}
	}

	/** Starts {@code java -jar} on the profile's database (or the one {@code env} names) until health is UP. */
	private Startup startJvm(File jar, boolean h2, Map<String, String> env, String name) throws Exception {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		if (!APP_JVM_ARGS.isBlank()) {
			command.addAll(Arrays.asList(APP_JVM_ARGS.trim().split("\\s+")));
		}
		command.addAll(List.of("-Duser.timezone=Asia/Shanghai", "-jar", jar.getPath(), "--server.port=" + port));
		if (!h2) {
			command.add("--spring.profiles.active=mysql");
		}
		ProcessBuilder builder = new ProcessBuilder(command);
		builder.environment().putAll(env);
		Path appLog = Path.of("target", "benchmark-startup-" + (h2 ? "h2" : "mysql") + "-" + name + ".log");
		builder.redirectErrorStream(true).redirectOutput(appLog.toFile());
		String user = h2 ? "admin" : System.getenv("DESK_ADMIN_USER");
		String password = h2 ? environment.getProperty("desk.demo.password") : System.getenv("DESK_ADMIN_PASSWORD");
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
		long t = System.nanoTime();
		Process app = builder.start();
		try {
			double upAfter = -1;
			while (seconds(t) < 300 && app.isAlive()) {
				try {
					HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
							+ "/actuator/health")).timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
					if (health.statusCode() == 200 && health.body().contains("\"UP\"")) {
						upAfter = seconds(t);
						break;
					}
				} catch (IOException notYet) {
					// not listening yet
				}
				Thread.sleep(100);
			}
			if (upAfter < 0) {
				throw new AssertionError("the second desk JVM did not come UP; see " + appLog);
			}
			String started = Files.readAllLines(appLog, StandardCharsets.UTF_8).stream()
					.filter(line -> line.contains("Started RetentionDeskApplication")).findFirst()
					.map(line -> line.replaceAll(".*(Started RetentionDeskApplication in [0-9.]+ seconds).*", "$1")).orElse("?");
			new ProcessBuilder("jcmd", Long.toString(app.pid()), "GC.run").redirectErrorStream(true)
					.redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor(60, TimeUnit.SECONDS);
			String auth = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
			HttpResponse<String> heap = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
					+ "/actuator/metrics/jvm.memory.used?tag=area:heap")).header("Authorization", auth).build(),
					HttpResponse.BodyHandlers.ofString());
			Matcher value = Pattern.compile("\"value\"\\s*:\\s*([0-9.Ee+]+)").matcher(heap.body());
			if (heap.statusCode() != 200 || !value.find()) {
				log.warn("BENCHMARK heap of the {} start: HTTP {} {}", name, heap.statusCode(), heap.body());
				return new Startup(upAfter, -1, started);
			}
			return new Startup(upAfter, Double.parseDouble(value.group(1)) / 1024 / 1024, started);
		} finally {
			app.destroy();
			if (!app.waitFor(60, TimeUnit.SECONDS)) {
				app.destroyForcibly();
			}
		}
	}

	/** A new, empty MariaDB database beside the one of {@code url}, named with {@code suffix}; its JDBC URL. */
	private String freshDatabase(String url, String suffix) {
		Matcher m = Pattern.compile("^(jdbc:[a-z]+://[^/]+/)([A-Za-z0-9_]+)(.*)$").matcher(url);
		if (!m.matches()) {
			throw new IllegalStateException("cannot name a database beside " + url);
		}
		String name = m.group(2) + suffix;
		jdbc.execute("drop database if exists " + name);
		jdbc.execute("create database " + name + " character set utf8mb4 collate utf8mb4_bin");
		return m.group(1) + name + m.group(3);
	}

	private static File findJar() {
		File[] jars = new File("target").listFiles((dir, name) -> name.startsWith("retention-desk-") && name.endsWith(".jar")
				&& !name.endsWith("-plain.jar") && !name.endsWith("-sources.jar"));
		return jars == null || jars.length == 0 ? null : jars[0];
	}

	/**
	 * The tests switch the Spring job executor off; the engine's own one then runs the storm. It gets the
	 * pool and acquisition settings that production configures ({@code camunda.bpm.job-execution.*}).
	 */
	private void configureAsProduction(JobExecutor executor) {
		String prefix = "camunda.bpm.job-execution.";
		executor.setMaxJobsPerAcquisition(environment.getProperty(prefix + "max-jobs-per-acquisition", Integer.class,
				executor.getMaxJobsPerAcquisition()));
		if (executor instanceof DefaultJobExecutor pool) {
			pool.setCorePoolSize(environment.getProperty(prefix + "core-pool-size", Integer.class, jobThreads(executor)));
			pool.setMaxPoolSize(environment.getProperty(prefix + "max-pool-size", Integer.class, jobMaxThreads(executor)));
			pool.setQueueSize(environment.getProperty(prefix + "queue-capacity", Integer.class, jobQueue(executor)));
		}
	}

	/** The settings of a {@link DefaultJobExecutor} as the engine makes it: 3 threads (up to 10), queue 3, 3 jobs per acquisition. */
	private static void configureAsEngineDefault(JobExecutor executor) {
		DefaultJobExecutor defaults = new DefaultJobExecutor();
		executor.setMaxJobsPerAcquisition(defaults.getMaxJobsPerAcquisition());
		executor.setWaitTimeInMillis(defaults.getWaitTimeInMillis());
		if (executor instanceof DefaultJobExecutor pool) {
			pool.setCorePoolSize(defaults.getCorePoolSize());
			pool.setMaxPoolSize(defaults.getMaxPoolSize());
			pool.setQueueSize(defaults.getQueueSize());
		}
	}

	/**
	 * A job executor that was started and shut down keeps its acquisition loop, stopped for good: the next start
	 * gets a new one (the executor makes it when it has none).
	 */
	private static void freshAcquisition(JobExecutor executor) {
		try {
			java.lang.reflect.Field runnable = JobExecutor.class.getDeclaredField("acquireJobsRunnable");
			runnable.setAccessible(true);
			runnable.set(executor, null);
		} catch (ReflectiveOperationException e) {
			throw new IllegalStateException("cannot restart the job executor for a second storm", e);
		}
	}

	private static int jobThreads(JobExecutor executor) {
		return executor instanceof DefaultJobExecutor pool ? pool.getCorePoolSize() : -1;
	}

	private static int jobMaxThreads(JobExecutor executor) {
		return executor instanceof DefaultJobExecutor pool ? pool.getMaxPoolSize() : -1;
	}

	private static int jobQueue(JobExecutor executor) {
		return executor instanceof DefaultJobExecutor pool ? pool.getQueueSize() : -1;
	}

	// ---- helpers

	/** Rows per table of the desk's schema (engine and domain tables). */
	private Map<String, Long> rowCounts() throws Exception {
		List<String> tables = new ArrayList<>();
		try (Connection c = dataSource.getConnection()) {
			DatabaseMetaData meta = c.getMetaData();
			try (ResultSet rs = meta.getTables(c.getCatalog(), c.getSchema(), "%", new String[] { "TABLE" })) {
				while (rs.next()) {
					tables.add(rs.getString("TABLE_NAME"));
				}
			}
		}
		Map<String, Long> counts = new HashMap<>();
		for (String table : tables) {
			// Flyway's own history tables (H2 keeps their lower-case names, which need quotes there)
			if (!table.toLowerCase().startsWith("flyway") && !table.toLowerCase().endsWith("schema_history")) {
				counts.put(table, jdbc.queryForObject("select count(*) from " + table, Long.class));
			}
		}
		return counts;
	}

	private static String diff(Map<String, Long> before, Map<String, Long> after) {
		StringBuilder text = new StringBuilder();
		after.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
			long d = e.getValue() - before.getOrDefault(e.getKey(), 0L);
			if (d != 0) {
				text.append(e.getKey()).append(' ').append(d).append(", ");
			}
		});
		return text.toString();
	}

	private void logProfile(String phase, List<StatementCounter.Figures> profile, int cases, double seconds, long jdbcNanos) {
		long calls = profile.stream().mapToLong(StatementCounter.Figures::calls).sum();
		String share = String.format("%.0f%%", 100.0 * jdbcNanos / 1e9 / seconds);
		row("  profile of the " + phase, "per case", String.format("%.1f", (double) calls / Math.max(1, cases))
				+ " round trips", "", String.format("%.2f ms/case", seconds * 1000 / Math.max(1, cases)),
				"JDBC wait " + share + " of the time (all threads)", "");
		log.info("BENCHMARK profile of the {}: {} round trips to the database ({} per case), {} s waiting for JDBC, summed over the threads ({} of {} s)",
				phase, calls, String.format("%.1f", (double) calls / Math.max(1, cases)), secs(jdbcNanos / 1e9), share,
				secs(seconds));
		profile.stream().limit(15).forEach(f -> log.info("BENCHMARK   {} calls ({}/case), {} rows batched, {} ms: {}",
				f.calls(), String.format("%.2f", (double) f.calls() / Math.max(1, cases)), f.batchedRows(), f.nanos() / 1_000_000,
				f.sql()));
	}

	private void row(String... cells) {
		int[] widths = { 44, 26, 28, 20, 66, 40, 7 };
		StringBuilder line = new StringBuilder("|");
		for (int i = 0; i < cells.length; i++) {
			line.append(' ').append(String.format("%-" + widths[i] + "s", cells[i])).append(" |");
		}
		table.add(line.toString());
		log.info("BENCHMARK {}", line);
	}

	/** CPU time of this JVM (all its threads: the job executor's too). */
	private static long cpuNanos() {
		return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
	}

	/** ", JVM CPU 12.3 ms/case": what the work cost this JVM, a figure that the machine's load inflates less. */
	private static String cpuPer(long cpuAtStart, long count, String unit) {
		return String.format(", JVM CPU %.1f ms/%s", (cpuNanos() - cpuAtStart) / 1e6 / Math.max(1, count), unit);
	}

	private static double seconds(long startNanos) {
		return (System.nanoTime() - startNanos) / 1e9;
	}

	private static String secs(double seconds) {
		return String.format("%.1f", seconds);
	}

	private static String fmt(double value) {
		return String.format("%,d", Math.round(value));
	}

	private static String ratio(double value) {
		return String.format("%.2f", value);
	}

	static String loadAverage() {
		try {
			String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
			return parts[0] + " " + parts[1] + " " + parts[2];
		} catch (IOException e) {
			return "n/a";
		}
	}

	private static String loadAverage1() {
		return loadAverage().split(" ")[0];
	}
}
