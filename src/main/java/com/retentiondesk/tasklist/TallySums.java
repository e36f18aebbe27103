package com.retentiondesk.tasklist;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.ibatis.mapping.BoundSql;
import org.apache.ibatis.mapping.ParameterMapping;
import org.apache.ibatis.session.Configuration;

/**
 * Team counts from the tally: the statement that sums {@code desk_task_tally}'s rows in place of the
 * engine's count of the team's tasks; and whether a team has open tasks without a due date (for its page).
 * Asked only once {@link TaskTally#isReady()}.
 */
final class TallySums {

	/** Counts answered from the tally since start (for tests and the benchmark). */
	static final AtomicLong COUNTS_ANSWERED = new AtomicLong();

	private final ZoneId zone;

	/** {@code zone}: the zone of the tally's due days. */
	TallySums(ZoneId zone) {
		this.zone = zone;
	}

	/**
	 * A plain team count answered from the tally (see {@link RewritingInterceptor}): the sum of the rows
	 * whose key holds one of the groups, each task once, optionally of the task definition keys LIKE a
	 * pattern (已升级) and of the days before a due-before date. Empty
	 * if a due-before date is not a midnight of the desk's zone (the filter 今日到期 asks for the start of
	 * tomorrow), since a day's row cannot be split.
	 */
	Optional<Rewritten<ParameterMapping>> sum(List<String> groups, Object taskKeyLike,
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
		StringBuilder sql = ofGroups(groups.size());
		List<ParameterMapping> mappings = new ArrayList<>();
		for (int i = 0; i < groups.size(); i++) {
			String name = "deskTallyGroup" + i;
			bound.setAdditionalParameter(name, inKey(groups.get(i)));
			mappings.add(new ParameterMapping.Builder(configuration, name, String.class).build());
		}
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
		return Optional.of(new Rewritten<>(sql.toString(), mappings));
	}

	/**
	 * How many open tasks offered to any of the groups have no due date, by the tally's rows (read on the
	 * caller's connection, in its transaction). Asked only once {@link TaskTally#isReady()}.
	 */
	long withoutDueDate(List<String> groups, Connection connection) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(ofGroups(groups.size()).append(" and T.due_day is null")
				.toString())) {
			for (int i = 0; i < groups.size(); i++) {
				statement.setString(i + 1, inKey(groups.get(i)));
			}
			try (ResultSet rows = statement.executeQuery()) {
				rows.next();
				return rows.getLong(1);
			}
		}
	}

	/** The sum of the tally's rows whose key holds one of {@code groups} groups, each a bind marker ({@link #inKey}). */
	private static StringBuilder ofGroups(int groups) {
		StringBuilder sql = new StringBuilder("select coalesce(sum(T.delta), 0) from desk_task_tally T where (");
		for (int i = 0; i < groups; i++) {
			// the whole name between commas: no LIKE, whose _ would match any character of a group id
			sql.append(i > 0 ? " or " : "").append("locate(?, T.group_key) > 0");
		}
		return sql.append(")");
	}

	/** A group as it stands in a key ({@link TallyRows#key}). */
	private static String inKey(String group) {
		return "," + group + ",";
	}
}
