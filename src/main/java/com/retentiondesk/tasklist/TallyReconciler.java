package com.retentiondesk.tasklist;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import com.retentiondesk.tasklist.TallyRows.Key;

/**
 * Corrects the tally: counts the open tasks from the engine's tables and the tally's rows in one
 * consistent snapshot, and replaces those rows by the exact counts (which also compacts the table to a
 * few hundred rows). Two nodes reconciling at once cannot both write: the second finds the rows it read
 * already deleted and rolls back.
 */
final class TallyReconciler {

	private static final Logger log = LoggerFactory.getLogger(TallyReconciler.class);

	/**
	 * {@code difference}: the number of tasks by which the tally was off (0 when it was right; compacting
	 * alone does not count); {@code countable}: whether every open task fits a key, so that counts may be
	 * answered from the tally.
	 */
	record Result(long difference, boolean countable) {
	}

	private final DataSource dataSource;
	private final ZoneId zone;

	TallyReconciler(DataSource dataSource, ZoneId zone) {
		this.dataSource = dataSource;
		this.zone = zone;
	}

	/**
	 * Replaces the tally's rows by the exact counts of the open tasks. {@code wasReconciled}: whether the
	 * tally was trusted until now (a difference is then worth a warning).
	 */
	Result reconcile(boolean wasReconciled) {
		long start = System.nanoTime();
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
			// streamed in task order, each task counted once its last group is read: the memory is the tally's
			// few hundred keys, not a row per open task (300,000 rows held at once, and as many sets of groups,
			// had this every 5 minutes on every node, issue 32)
			Map<Key, Long> exact = new HashMap<>();
			TaskCounter counter = new TaskCounter(exact);
			jdbc.query(connection -> {
				PreparedStatement statement = connection.prepareStatement("select L.TASK_ID_, L.GROUP_ID_, "
						+ "T.TASK_DEF_KEY_, T.DUE_DATE_ from ACT_RU_IDENTITYLINK L inner join ACT_RU_TASK T on T.ID_ = "
						+ "L.TASK_ID_ where L.TYPE_ = 'candidate' and L.GROUP_ID_ is not null order by L.TASK_ID_",
						ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
				// MySQL's driver reads a whole result into memory unless asked to stream it, row by row
				statement.setFetchSize(connection.getMetaData().getDriverName().startsWith("MySQL") ? Integer.MIN_VALUE
						: 1_000);
				return statement;
			}, rs -> {
				Timestamp due = rs.getTimestamp(4);
				counter.row(rs.getString(1), rs.getString(2), rs.getString(3),
						due == null ? null : due.toInstant().atZone(zone).toLocalDate());
			});
			counter.done();
			int oversized = exact.keySet().stream().filter(key -> key.groups().length() > TallyRows.MAX_KEY).toList().size();
			exact.keySet().removeIf(key -> key.groups().length() > TallyRows.MAX_KEY);
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
					+ "team counts read the database while they are open", read.oversized(), TallyRows.MAX_KEY);
		}
		boolean countable = read.oversized() == 0;
		if (off == 0 && read.ids().size() <= read.exact().size()) {
			return new Result(0, countable);
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
			TallyRows.insert(jdbc, read.exact());
			return true;
		});
		if (Boolean.TRUE.equals(written)) {
			long millis = (System.nanoTime() - start) / 1_000_000;
			if (difference > 0 && wasReconciled) {
				log.warn("task tally was off by {} task(s) and is corrected ({} rows, {} ms); candidate groups changed on "
						+ "open tasks outside the processes?", difference, read.exact().size(), millis);
			} else {
				log.info("task tally reconciled: {} rows for {} open tasks with candidate groups, {} ms",
						read.exact().size(), read.exact().values().stream().mapToLong(Long::longValue).sum(), millis);
			}
		}
		// written here or by another node meanwhile: either way the rows are exact as of a moment ago
		return new Result(difference, countable);
	}

	private static List<Key> union(Map<Key, Long> a, Map<Key, Long> b) {
		List<Key> keys = new ArrayList<>(a.keySet());
		b.keySet().stream().filter(key -> !a.containsKey(key)).forEach(keys::add);
		return keys;
	}

	/** Counts tasks from their rows in task order: a task's rows (one per candidate group) come together. */
	private static final class TaskCounter {

		private final Map<Key, Long> exact;
		private String taskId;
		private TreeSet<String> groups = new TreeSet<>();
		private String taskKey;
		private LocalDate day;

		TaskCounter(Map<Key, Long> exact) {
			this.exact = exact;
		}

		void row(String task, String group, String key, LocalDate due) {
			if (!task.equals(taskId)) {
				done();
				taskId = task;
				taskKey = key == null ? "" : key;
				day = due;
			}
			groups.add(group);
		}

		/** Counts the task read last. */
		void done() {
			if (taskId != null) {
				exact.merge(new Key(TallyRows.key(groups), taskKey, day), 1L, Long::sum);
				groups = new TreeSet<>();
				taskId = null;
			}
		}
	}

	private record Snapshot(List<Long> ids, Map<Key, Long> tally, Map<Key, Long> exact, int oversized) {
	}
}
