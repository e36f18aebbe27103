package com.retentiondesk.away;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The managers' away days (table {@code manager_away}, one row per manager).
 * <p>
 * {@link #isAway} is asked for every new call task, so it reads a copy of the (small) table kept in memory and
 * read again after {@code desk.away.refresh-seconds} (default 30) or at once after a change on this node: another
 * node learns of a new absence within that time, not per task with a query.
 */
@Component
public class AwayDays {

	private static final RowMapper<Away> ROW = (rs, n) -> new Away(rs.getString("manager_id"),
			rs.getDate("from_day").toLocalDate(), rs.getDate("to_day").toLocalDate(), rs.getString("reason"));

	private record Snapshot(long readAt, Map<String, Away> byManager) {
	}

	private final JdbcTemplate jdbc;
	private final Clock clock;
	private final long refreshNanos;
	private volatile Snapshot snapshot;

	AwayDays(JdbcTemplate jdbc, Clock clock, @Value("${desk.away.refresh-seconds:30}") long refreshSeconds) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.refreshNanos = refreshSeconds * 1_000_000_000L;
	}

	/** Sets (or replaces) the manager's away days. */
	@Transactional
	public void set(Away away, String setBy) {
		jdbc.update("delete from manager_away where manager_id = ?", away.managerId());
		jdbc.update("insert into manager_away (manager_id, from_day, to_day, reason, set_by, set_at) values (?, ?, ?, ?, ?, ?)",
				away.managerId(), Date.valueOf(away.from()), Date.valueOf(away.to()), away.reason(), setBy,
				Timestamp.valueOf(LocalDateTime.now(clock)));
		forget();
	}

	/** Ends the manager's away days; false if there were none. */
	@Transactional
	public boolean end(String managerId) {
		boolean ended = jdbc.update("delete from manager_away where manager_id = ?", managerId) > 0;
		forget();
		return ended;
	}

	/** Whether the manager is away today (the desk's clock and zone). */
	public boolean isAway(String managerId) {
		Away away = current().get(managerId);
		return away != null && away.covers(LocalDate.now(clock));
	}

	/** Who of these managers (all when null) is away today, read from the table, by manager id. */
	public List<Away> awayToday(Collection<String> managerIds) {
		Date today = Date.valueOf(LocalDate.now(clock));
		return jdbc.query("select manager_id, from_day, to_day, reason from manager_away where from_day <= ? and to_day >= ?"
				+ " order by manager_id", ROW, today, today).stream()
				.filter(a -> managerIds == null || managerIds.contains(a.managerId()))
				.toList();
	}

	/** Reads the table again at the next question, and again after this transaction ends (no stale copy read meanwhile). */
	private void forget() {
		snapshot = null;
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCompletion(int status) {
					snapshot = null;
				}
			});
		}
	}

	private Map<String, Away> current() {
		Snapshot read = snapshot;
		long now = System.nanoTime();
		if (read == null || now - read.readAt() > refreshNanos) {
			read = new Snapshot(now, jdbc.query("select manager_id, from_day, to_day, reason from manager_away", ROW)
					.stream().collect(Collectors.toUnmodifiableMap(Away::managerId, Function.identity())));
			snapshot = read;
		}
		return read.byManager();
	}
}
