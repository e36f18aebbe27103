package com.retentiondesk.tasklist;

import java.sql.Date;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The rows of {@code desk_task_tally}: a count (+/-) of open tasks per key, the key being a task's
 * candidate groups ({@code ",supervisors,team1,"}), its task definition key and its due day. Rows are
 * only ever inserted (and replaced by {@link TallyReconciler}), so two nodes never wait on each other's
 * counter row.
 */
final class TallyRows {

	/** The longest key (desk_task_tally.group_key). */
	static final int MAX_KEY = 1000;

	private TallyRows() {
	}

	/** What a row counts: the tasks of one set of candidate groups, one task definition key, one due day. */
	record Key(String groups, String taskKey, LocalDate day) {
	}

	/** A task's key: its candidate groups, sorted, each between commas. */
	static String key(SortedSet<String> groups) {
		return "," + String.join(",", groups) + ",";
	}

	static void insert(JdbcTemplate jdbc, Map<Key, Long> counts) {
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
}
