package com.retentiondesk.system;

import java.sql.Date;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import org.apache.ibatis.mapping.BoundSql;
import org.apache.ibatis.mapping.ParameterMapping;
import org.apache.ibatis.session.Configuration;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.PropertyChange;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.task.IdentityLink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The open tasks counted by candidate groups and due day ({@code desk_task_tally}), so that the team
 * filters' counts (本组任务, 今日到期) need not read the team's tasks: at 100,000 open tasks a team count read
 * 12,000 links, tasks and grants, 50-110 ms in MariaDB per call, more than the whole page may take.
 * {@link TaskAuthorizationCheck} answers such a count from here when the question allows it (see there).
 * <p>
 * <b>Kept up to date</b> by built-in listeners on every user task, in the transaction that changes the task:
 * +1 when a task is created, -1 when it is completed or cancelled (built-in listeners run even when a
 * process instance is deleted with "skip custom listeners"), -1/+1 when its due date moves. A transaction
 * writes its changes as one batch of rows just before it commits: one round trip for a scan chunk of
 * 200 cases. Rows are only ever inserted, so two nodes never wait on each other's counter row.
 * <p>
 * <b>Corrected</b> by {@link #reconcile()}, at start and every {@code desk.tasklist.tally-reconcile-seconds}
 * (default 300) on each node: it counts the open tasks from the engine's tables and the tally's rows in
 * one consistent snapshot, and replaces those rows by the exact counts. That also compacts the table to
 * a few hundred rows. Two nodes reconciling at once cannot both write: the second finds the rows it read
 * already deleted and rolls back. What the listeners do not see is corrected there, and logged: candidate
 * groups changed on an open task (the desk never does; an administrator could through the REST API), a
 * migration that moves open tasks to a task definition with another key, or rows changed by hand.
 * <p>
 * A task's key is its set of candidate groups ({@code ",supervisors,team1,"}), so a user in two groups
 * counts a task in both once, as the task query's DISTINCT does.
 */
@Component
@Order(0)
public class TaskTally extends AbstractProcessEnginePlugin implements ApplicationRunner, DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(TaskTally.class);
	private static final String CHANGES = TaskTally.class.getName() + ".changes";
	/** Counts answered from the tally since start (for tests and the benchmark). */
	static final AtomicLong COUNTS_ANSWERED = new AtomicLong();
	/** The longest key (desk_task_tally.group_key). */
	static final int MAX_KEY = 1000;

	private final DataSource dataSource;
	private final ZoneId zone;
	private final long reconcileSeconds;
	private volatile boolean reconciled;
	private volatile boolean recording;
	/** {@code desk.tasklist.tally-enabled=false}: no listeners' rows, no reconciling, every count from the database. */
	private final boolean enabled;
	private ScheduledExecutorService schedule;

	TaskTally(DataSource dataSource, Clock clock,
			@Value("${desk.tasklist.tally-reconcile-seconds:300}") long reconcileSeconds,
			@Value("${desk.tasklist.tally-enabled:true}") boolean enabled) {
		this.dataSource = dataSource;
		this.zone = clock.getZone();
		this.reconcileSeconds = reconcileSeconds;
		this.enabled = enabled;
		this.recording = enabled;
	}

	/** Counts answered from the tally since start (the benchmark prints it). */
	public static long countsAnswered() {
		return COUNTS_ANSWERED.get();
	}

	/** The zone of the due days: a due-date condition is answered here only at a midnight of this zone. */
	ZoneId zone() {
		return zone;
	}

	/** Whether counts may be answered here: only once this node has reconciled the tally since it started. */
	boolean isReady() {
		return reconciled && recording;
	}

	/**
	 * Stops or resumes following the tasks, for measurements (the benchmark's cost of opening a case with and
	 * without the desk's Tasklist machinery). While stopped, this node leaves counts to the database; after
	 * resuming, the tally is stale until the next {@link #reconcile()}.
	 */
	public void setRecording(boolean on) {
		if (on != recording) {
			reconciled = false;
			recording = on;
		}
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		if (configuration.getCustomPostBPMNParseListeners() == null) {
			configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
		}
		TaskListener created = task -> {
			if (recording) {
				changes(task).created(task);
			}
		};
		TaskListener ended = task -> {
			if (recording) {
				changes(task).ended(task);
			}
		};
		TaskListener updated = task -> {
			if (recording) {
				changes(task).updated(task);
			}
		};
		configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
			@Override
			public void parseUserTask(Element userTask, ScopeImpl scope, ActivityImpl activity) {
				if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior behavior) {
					behavior.getTaskDefinition().addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, created);
					behavior.getTaskDefinition().addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, ended);
					behavior.getTaskDefinition().addBuiltInTaskListener(TaskListener.EVENTNAME_DELETE, ended);
					behavior.getTaskDefinition().addBuiltInTaskListener(TaskListener.EVENTNAME_UPDATE, updated);
				}
			}
		});
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!enabled) {
			log.info("task tally off (desk.tasklist.tally-enabled=false): team counts read the database");
			return;
		}
		// in the background: 1-2 s at 100,000 open tasks, which the start-up need not wait for; until it is
		// done, this node leaves the counts to the database
		schedule = Executors.newSingleThreadScheduledExecutor(runnable -> {
			Thread thread = new Thread(runnable, "task-tally");
			thread.setDaemon(true);
			return thread;
		});
		schedule.execute(this::reconcileAtStart);
		if (reconcileSeconds > 0) {
			schedule.scheduleWithFixedDelay(() -> {
				try {
					reconcile();
				} catch (RuntimeException e) {
					log.warn("task tally not reconciled, next try in {} s: {}", reconcileSeconds, e.toString());
				}
			}, reconcileSeconds, reconcileSeconds, TimeUnit.SECONDS);
		}
	}

	private void reconcileAtStart() {
		for (int attempt = 1;; attempt++) {
			try {
				reconcile();
				return;
			} catch (RuntimeException e) {
				log.warn("task tally not reconciled at start (attempt {}), counts stay with the database: {}", attempt,
						e.toString());
				try {
					Thread.sleep(Math.min(60_000, 1_000L * attempt));
				} catch (InterruptedException interrupted) {
					Thread.currentThread().interrupt();
					return;
				}
			}
		}
	}

	@Override
	public void destroy() {
		if (schedule != null) {
			schedule.shutdownNow();
		}
	}

	/**
	 * Replaces the tally's rows by the exact counts of the open tasks. Returns the number of tasks by
	 * which the tally was off (0 when it was right; compacting alone does not count).
	 */
	public long reconcile() {
		long start = System.nanoTime();
		boolean before = reconciled;
		JdbcTemplate jdbc = new JdbcTemplate(dataSource);
		DataSourceTransactionManager transactions = new DataSourceTransactionManager(dataSource);
		TransactionTemplate snapshot = new TransactionTemplate(transactions);
		// one snapshot for both reads: a transaction committed in between is then in neither, and its own
		// rows stay in the table (only the rows read here are replaced)
		snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
		snapshot.setReadOnly(true);
		Snapshot read = Objects.requireNonNull(snapshot.execute(status -> {
			List<Long> ids = new ArrayList<>();
			Map<Key, Long> tally = new HashMap<>();
			jdbc.query("select id, group_key, task_key, due_day, delta from desk_task_tally", rs -> {
				ids.add(rs.getLong(1));
				Date day = rs.getDate(4);
				tally.merge(new Key(rs.getString(2), rs.getString(3), day == null ? null : day.toLocalDate()),
						(long) rs.getInt(5), Long::sum);
			});
			Map<String, TaskRow> tasks = new HashMap<>();
			jdbc.query("select L.TASK_ID_, L.GROUP_ID_, T.TASK_DEF_KEY_, T.DUE_DATE_ from ACT_RU_IDENTITYLINK L inner join "
					+ "ACT_RU_TASK T on T.ID_ = L.TASK_ID_ where L.TYPE_ = 'candidate' and L.GROUP_ID_ is not null", rs -> {
						String taskKey = rs.getString(3);
						Timestamp due = rs.getTimestamp(4);
						tasks.computeIfAbsent(rs.getString(1), id -> new TaskRow(new TreeSet<>(), taskKey == null ? "" : taskKey,
								due == null ? null : due.toInstant().atZone(zone).toLocalDate())).groups().add(rs.getString(2));
					});
			Map<Key, Long> exact = new HashMap<>();
			tasks.values().forEach(task -> exact.merge(new Key(key(task.groups()), task.taskKey(), task.day()), 1L, Long::sum));
			int oversized = exact.keySet().stream().filter(key -> key.groups().length() > MAX_KEY).toList().size();
			exact.keySet().removeIf(key -> key.groups().length() > MAX_KEY);
			return new Snapshot(ids, tally, exact, oversized);
		}));
		read.tally().values().removeIf(count -> count == 0);
		long off = 0;
		for (Key key : union(read.tally(), read.exact())) {
			off += Math.abs(read.tally().getOrDefault(key, 0L) - read.exact().getOrDefault(key, 0L));
		}
		if (read.oversized() > 0) {
			// tasks whose candidate groups do not fit a key: the tally cannot count them, so no count comes
			// from it while they are open
			log.warn("{} kind(s) of open task have more candidate groups than the task tally can key ({} characters); "
					+ "team counts read the database while they are open", read.oversized(), MAX_KEY);
		}
		boolean countable = read.oversized() == 0;
		if (off == 0 && read.ids().size() <= read.exact().size()) {
			reconciled = countable;
			return 0;
		}
		long difference = off;
		Boolean written = new TransactionTemplate(transactions).execute(status -> {
			int deleted = 0;
			for (int from = 0; from < read.ids().size(); from += 500) {
				List<Long> part = read.ids().subList(from, Math.min(from + 500, read.ids().size()));
				deleted += jdbc.update("delete from desk_task_tally where id in (" + String.join(",",
						part.stream().map(String::valueOf).toList()) + ")");
			}
			if (deleted != read.ids().size()) {
				// another node reconciled meanwhile: its rows stand
				status.setRollbackOnly();
				return false;
			}
			insert(jdbc, read.exact());
			return true;
		});
		if (Boolean.TRUE.equals(written)) {
			long millis = (System.nanoTime() - start) / 1_000_000;
			if (difference > 0 && before) {
				log.warn("task tally was off by {} task(s) and is corrected ({} rows, {} ms); candidate groups changed on "
						+ "open tasks outside the processes?", difference, read.exact().size(), millis);
			} else {
				log.info("task tally reconciled: {} rows for {} open tasks with candidate groups, {} ms",
						read.exact().size(), read.exact().values().stream().mapToLong(Long::longValue).sum(), millis);
			}
		}
		// written here or by another node meanwhile: either way the rows are exact as of a moment ago
		reconciled = countable;
		return difference;
	}

	private static List<Key> union(Map<Key, Long> a, Map<Key, Long> b) {
		List<Key> keys = new ArrayList<>(a.keySet());
		b.keySet().stream().filter(key -> !a.containsKey(key)).forEach(keys::add);
		return keys;
	}

	private static void insert(JdbcTemplate jdbc, Map<Key, Long> counts) {
		List<Object[]> rows = new ArrayList<>();
		counts.forEach((key, count) -> {
			if (count != 0) {
				rows.add(new Object[] { key.groups(), key.taskKey(), key.day() == null ? null : Date.valueOf(key.day()), count });
			}
		});
		if (!rows.isEmpty()) {
			jdbc.batchUpdate("insert into desk_task_tally (group_key, task_key, due_day, delta) values (?, ?, ?, ?)", rows,
					new int[] { Types.VARCHAR, Types.VARCHAR, Types.DATE, Types.INTEGER });
		}
	}

	/**
	 * A plain team count answered from the tally (see {@link TaskAuthorizationCheck}): the sum of the rows
	 * whose key holds one of the groups, each task once, optionally of the task definition keys LIKE a
	 * pattern (已升级) and of the days before a due-before date. Empty
	 * if a due-before date is not a midnight of the desk's zone (the filter 今日到期 asks for the start of
	 * tomorrow), since a day's row cannot be split.
	 */
	Optional<TaskAuthorizationCheck.Rewritten<ParameterMapping>> sum(List<String> groups, Object taskKeyLike,
			String escape, Object dueBefore, BoundSql bound, Configuration configuration) {
		LocalDate before = null;
		if (dueBefore != null) {
			if (!(dueBefore instanceof java.util.Date date)) {
				return Optional.empty();
			}
			ZonedDateTime at = date.toInstant().atZone(zone);
			if (!at.toLocalTime().equals(LocalTime.MIDNIGHT)) {
				return Optional.empty();
			}
			before = at.toLocalDate();
		}
		if (taskKeyLike != null && (!(taskKeyLike instanceof String) || escape == null)) {
			return Optional.empty();
		}
		StringBuilder sql = new StringBuilder("select coalesce(sum(T.delta), 0) from desk_task_tally T where (");
		List<ParameterMapping> mappings = new ArrayList<>();
		for (int i = 0; i < groups.size(); i++) {
			String name = "deskTallyGroup" + i;
			// the whole name between commas: no LIKE, whose _ would match any character of a group id
			sql.append(i > 0 ? " or " : "").append("locate(?, T.group_key) > 0");
			bound.setAdditionalParameter(name, "," + groups.get(i) + ",");
			mappings.add(new ParameterMapping.Builder(configuration, name, String.class).build());
		}
		sql.append(")");
		if (taskKeyLike instanceof String pattern) {
			// the engine's own LIKE and escape character, on the same key
			sql.append(" and T.task_key like ? ESCAPE ").append(escape);
			bound.setAdditionalParameter("deskTallyTaskKey", pattern);
			mappings.add(new ParameterMapping.Builder(configuration, "deskTallyTaskKey", String.class).build());
		}
		if (before != null) {
			sql.append(" and T.due_day < ?");
			bound.setAdditionalParameter("deskTallyDay", Date.valueOf(before));
			mappings.add(new ParameterMapping.Builder(configuration, "deskTallyDay", Date.class).build());
		}
		COUNTS_ANSWERED.incrementAndGet();
		return Optional.of(new TaskAuthorizationCheck.Rewritten<>(sql.toString(), mappings));
	}

	/** A task's key: its candidate groups, sorted, each between commas. */
	static String key(SortedSet<String> groups) {
		return "," + String.join(",", groups) + ",";
	}

	/** The changes of the current transaction, written just before it commits. */
	private Changes changes(DelegateTask task) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			// the engine runs every command in a Spring transaction; should one not, reconcile() corrects it
			log.warn("task {} changed outside a Spring transaction: the task tally learns of it at the next reconcile",
					task.getId());
			return new Changes();
		}
		Changes changes = (Changes) TransactionSynchronizationManager.getResource(CHANGES);
		if (changes == null) {
			changes = new Changes();
			TransactionSynchronizationManager.bindResource(CHANGES, changes);
			TransactionSynchronizationManager.registerSynchronization(changes);
		}
		return changes;
	}

	private record Key(String groups, String taskKey, LocalDate day) {
	}

	private record TaskRow(TreeSet<String> groups, String taskKey, LocalDate day) {
	}

	private record Snapshot(List<Long> ids, Map<Key, Long> tally, Map<Key, Long> exact, int oversized) {
	}

	/** One transaction's changes: the sums per key, and what each task touched is counted as now. */
	private final class Changes implements TransactionSynchronization {

		private final Map<Key, Long> deltas = new HashMap<>();
		private final Map<String, Key> counted = new HashMap<>();

		void created(DelegateTask task) {
			Key key = keyOf(task, task.getDueDate());
			if (key != null) {
				deltas.merge(key, 1L, Long::sum);
			}
			counted.put(task.getId(), key);
		}

		void ended(DelegateTask task) {
			Key key = counted.containsKey(task.getId()) ? counted.get(task.getId()) : keyOf(task, task.getDueDate());
			if (key != null) {
				deltas.merge(key, -1L, Long::sum);
			}
			counted.put(task.getId(), null);
		}

		/** A due date moved: the task leaves its old day for the new one. */
		void updated(DelegateTask task) {
			Key before;
			if (counted.containsKey(task.getId())) {
				before = counted.get(task.getId());
			} else {
				PropertyChange due = task instanceof TaskEntity entity ? entity.getPropertyChanges().get(TaskEntity.DUE_DATE) : null;
				if (due == null) {
					// a claim, an assignment, a priority: nothing the tally keeps, and no look-up of the
					// task's candidate links (a query for a task loaded in this command)
					return;
				}
				before = keyOf(task, (java.util.Date) due.getOrgValue());
			}
			Key now = keyOf(task, task.getDueDate());
			if (!Objects.equals(before, now)) {
				if (before != null) {
					deltas.merge(before, -1L, Long::sum);
				}
				if (now != null) {
					deltas.merge(now, 1L, Long::sum);
				}
			}
			counted.put(task.getId(), now);
		}

		private Key keyOf(DelegateTask task, java.util.Date due) {
			TreeSet<String> groups = new TreeSet<>();
			for (IdentityLink link : task.getCandidates()) {
				if (link.getGroupId() != null) {
					groups.add(link.getGroupId());
				}
			}
			if (groups.isEmpty()) {
				return null;
			}
			if (key(groups).length() > MAX_KEY) {
				// not tallied: counts go to the database until a reconcile finds no such task open
				reconciled = false;
				return null;
			}
			String taskKey = task.getTaskDefinitionKey() == null ? "" : task.getTaskDefinitionKey();
			return new Key(key(groups), taskKey, due == null ? null : due.toInstant().atZone(zone).toLocalDate());
		}

		@Override
		public void beforeCommit(boolean readOnly) {
			deltas.values().removeIf(delta -> delta == 0);
			insert(new JdbcTemplate(dataSource), deltas);
			deltas.clear();
		}

		@Override
		public void afterCompletion(int status) {
			TransactionSynchronizationManager.unbindResourceIfPossible(CHANGES);
		}
	}
}
