package com.retentiondesk.kpi;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import org.hibernate.engine.spi.SessionImplementor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import org.springframework.stereotype.Component;

import com.retentiondesk.casework.CaseOutcome;

/**
 * The KPI ledger: day totals per case type and manager ({@code kpi_case_day}), per manager for calls
 * ({@code kpi_call_day}) and completed call tasks ({@code kpi_task_day}).
 * <p>
 * Changes are collected per transaction ({@link KpiLedgerEvents} feeds them from the case and contact
 * rows as Hibernate writes them, {@link KpiTaskLedger} from completed tasks) and written just before the
 * transaction commits, in key order: every writer locks the day rows in the same order, so two nodes
 * never deadlock on them, and the rows are locked only for the last moment of the transaction. A
 * transaction that rolls back writes nothing.
 */
@Component
public class KpiLedger {

	/** Call outcomes that mean nobody answered (also in V10__kpi_ledger_fill.sql). */
	static final Set<String> NOT_REACHED = Set.of("NOT_REACHED", "UNREACHABLE");

	private static final Logger log = LoggerFactory.getLogger(KpiLedger.class);
	private static final List<String> CLOSED_COLUMNS = Arrays.stream(CaseOutcome.values())
			.map(KpiLedger::closedColumn).toList();

	private final DataSource dataSource;
	private final Map<Object, Changes> open = new ConcurrentHashMap<>();

	KpiLedger(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	/**
	 * Whole quarter hours from opening to first contact, from whole seconds (the database keeps no
	 * fractions), as V12__kpi_first_contacts_fill.sql counts them.
	 */
	static int quarter(LocalDateTime openedAt, LocalDateTime contactedAt) {
		long seconds = java.time.Duration.between(openedAt.truncatedTo(java.time.temporal.ChronoUnit.SECONDS),
				contactedAt.truncatedTo(java.time.temporal.ChronoUnit.SECONDS)).getSeconds();
		return (int) (Math.max(0, seconds) / 900);
	}

	static String closedColumn(CaseOutcome outcome) {
		return "closed_" + outcome.name().toLowerCase(java.util.Locale.ROOT);
	}

	/** Recomputes the whole ledger from the case, contact and task-history rows (after a bulk load). */
	public void rebuild() {
		long start = System.nanoTime();
		ResourceDatabasePopulator fill = new ResourceDatabasePopulator(
				new ClassPathResource("db/migration/V10__kpi_ledger_fill.sql"),
				new ClassPathResource("db/migration/V12__kpi_first_contacts_fill.sql"),
				new ClassPathResource("db/engine/V2__kpi_task_ledger_fill.sql"));
		fill.execute(dataSource);
		log.info("KPI ledger rebuilt in {} ms", (System.nanoTime() - start) / 1_000_000);
	}

	/** The changes of the session's transaction, written before it commits. */
	Changes changes(SessionImplementor session) {
		return open.computeIfAbsent(session, s -> {
			Changes changes = new Changes();
			session.getActionQueue().registerProcess(committing -> write(committing, changes));
			// committed or rolled back: forget the changes (a rolled-back transaction writes nothing)
			session.getActionQueue().registerProcess((success, ended) -> open.remove(ended));
			return changes;
		});
	}

	private void write(SessionImplementor session, Changes changes) {
		session.doWork(connection -> {
			for (Map.Entry<Key, long[]> row : changes.cases.entrySet()) {
				upsertCase(connection, row.getKey(), row.getValue(), changes.money.get(row.getKey()));
			}
			for (Map.Entry<Key, long[]> row : changes.calls.entrySet()) {
				upsert(connection, "kpi_call_day", row.getKey(), List.of("calls", "reached"), row.getValue());
			}
			for (Map.Entry<Key, long[]> row : changes.tasks.entrySet()) {
				upsert(connection, "kpi_task_day", row.getKey(), List.of("on_time", "late"), row.getValue());
			}
			for (Map.Entry<Key, Map<Integer, Long>> row : changes.contacts.entrySet()) {
				for (Map.Entry<Integer, Long> quarter : row.getValue().entrySet()) {
					upsertContacts(connection, row.getKey(), quarter.getKey(), quarter.getValue());
				}
			}
		});
	}

	private static void upsertCase(Connection connection, Key key, long[] counts, BigDecimal[] money)
			throws SQLException {
		StringBuilder set = new StringBuilder("opened = opened + ?, owed = owed + ?, recovered = recovered + ?");
		for (String column : CLOSED_COLUMNS) {
			set.append(", ").append(column).append(" = ").append(column).append(" + ?");
		}
		String update = "update kpi_case_day set " + set + " where on_day = ? and case_type = ? and manager_id = ?";
		add(connection, update, "insert into kpi_case_day (on_day, case_type, manager_id) values (?, ?, ?)", key, true,
				statement -> {
					int i = 1;
					statement.setLong(i++, counts[0]);
					statement.setBigDecimal(i++, money == null ? BigDecimal.ZERO : money[0]);
					statement.setBigDecimal(i++, money == null ? BigDecimal.ZERO : money[1]);
					for (int c = 1; c < counts.length; c++) {
						statement.setLong(i++, counts[c]);
					}
					return i;
				});
	}

	private static void upsert(Connection connection, String table, Key key, List<String> columns, long[] values)
			throws SQLException {
		String update = "update " + table + " set " + columns.get(0) + " = " + columns.get(0) + " + ?, " + columns.get(1)
				+ " = " + columns.get(1) + " + ? where on_day = ? and manager_id = ?";
		add(connection, update, "insert into " + table + " (on_day, manager_id) values (?, ?)", key, false, statement -> {
			statement.setLong(1, values[0]);
			statement.setLong(2, values[1]);
			return 3;
		});
	}

	private static void upsertContacts(Connection connection, Key key, int quarter, long cases) throws SQLException {
		String where = " where on_day = ? and case_type = ? and manager_id = ? and quarter = ?";
		Values values = statement -> {
			statement.setLong(1, cases);
			return 2;
		};
		String update = "update kpi_contact_day set cases = cases + ?" + where;
		if (updateContacts(connection, update, key, quarter, values) > 0) {
			return;
		}
		try (PreparedStatement insert = connection.prepareStatement(
				"insert into kpi_contact_day (on_day, case_type, manager_id, quarter) values (?, ?, ?, ?)")) {
			bindKey(insert, 1, key, true);
			insert.setInt(4, quarter);
			insert.executeUpdate();
		} catch (SQLException e) {
			if (e.getSQLState() == null || !e.getSQLState().startsWith("23")) {
				throw e;
			}
		}
		if (updateContacts(connection, update, key, quarter, values) == 0) {
			throw new IllegalStateException("KPI ledger row " + key + " quarter " + quarter + " could not be written");
		}
	}

	private static int updateContacts(Connection connection, String sql, Key key, int quarter, Values values)
			throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			int next = values.bind(statement);
			bindKey(statement, next, key, true);
			statement.setInt(next + 3, quarter);
			return statement.executeUpdate();
		}
	}

	/** Binds the values to add; returns the index of the first key parameter. */
	private interface Values {
		int bind(PreparedStatement statement) throws SQLException;
	}

	/** Adds to a day row, creating it (with zeros) first if it is not there. */
	private static void add(Connection connection, String update, String insert, Key key, boolean withType,
			Values values) throws SQLException {
		if (update(connection, update, key, withType, values) > 0) {
			return;
		}
		insert(connection, insert, key, withType);
		if (update(connection, update, key, withType, values) == 0) {
			throw new IllegalStateException("KPI ledger row " + key + " could not be written");
		}
	}

	private static int update(Connection connection, String sql, Key key, boolean withType, Values values)
			throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			bindKey(statement, values.bind(statement), key, withType);
			return statement.executeUpdate();
		}
	}

	/** Inserts an empty day row, unless another transaction has just inserted it. */
	private static void insert(Connection connection, String sql, Key key, boolean withType) throws SQLException {
		try (PreparedStatement insert = connection.prepareStatement(sql)) {
			bindKey(insert, 1, key, withType);
			insert.executeUpdate();
		} catch (SQLException e) {
			// 23xxx: integrity constraint violation, here the primary key: the row is there now
			if (e.getSQLState() == null || !e.getSQLState().startsWith("23")) {
				throw e;
			}
		}
	}

	private static void bindKey(PreparedStatement statement, int from, Key key, boolean withType) throws SQLException {
		statement.setDate(from, Date.valueOf(key.day()));
		if (withType) {
			statement.setString(from + 1, key.caseType());
			statement.setString(from + 2, key.managerId());
		} else {
			statement.setString(from + 1, key.managerId());
		}
	}

	/** A ledger row: a day, a case type ("" for the per-manager tables) and a manager. */
	record Key(LocalDate day, String caseType, String managerId) implements Comparable<Key> {
		@Override
		public int compareTo(Key other) {
			int byDay = day.compareTo(other.day);
			if (byDay != 0) {
				return byDay;
			}
			int byType = caseType.compareTo(other.caseType);
			return byType != 0 ? byType : managerId.compareTo(other.managerId);
		}
	}

	/** One transaction's changes, sorted by key. */
	static final class Changes {
		/** opened, then one count per outcome in {@link CaseOutcome} order. */
		final Map<Key, long[]> cases = new TreeMap<>();
		/** owed, recovered. */
		final Map<Key, BigDecimal[]> money = new TreeMap<>();
		final Map<Key, long[]> calls = new TreeMap<>();
		final Map<Key, long[]> tasks = new TreeMap<>();
		/** per case-opening day, type and manager: cases by quarter hour to their first contact. */
		final Map<Key, Map<Integer, Long>> contacts = new TreeMap<>();

		void firstContact(String caseType, String managerId, LocalDateTime openedAt, LocalDateTime contactedAt,
				int delta) {
			contacts.computeIfAbsent(new Key(openedAt.toLocalDate(), caseType, managerId), k -> new TreeMap<>())
					.merge(quarter(openedAt, contactedAt), (long) delta, Long::sum);
		}

		void opened(String caseType, String managerId, LocalDateTime at, int delta) {
			caseCounts(new Key(at.toLocalDate(), caseType, managerId))[0] += delta;
		}

		void closed(String caseType, String managerId, LocalDateTime at, CaseOutcome outcome, int delta) {
			caseCounts(new Key(at.toLocalDate(), caseType, managerId))[1 + outcome.ordinal()] += delta;
		}

		void money(String caseType, String managerId, LocalDateTime openedAt, BigDecimal owed, BigDecimal recovered) {
			Key key = new Key(openedAt.toLocalDate(), caseType, managerId);
			caseCounts(key);
			BigDecimal[] sums = money.computeIfAbsent(key, k -> new BigDecimal[] { BigDecimal.ZERO, BigDecimal.ZERO });
			sums[0] = sums[0].add(owed);
			sums[1] = sums[1].add(recovered);
		}

		void call(String managerId, LocalDateTime at, String outcome) {
			long[] row = calls.computeIfAbsent(new Key(at.toLocalDate(), "", managerId), k -> new long[2]);
			row[0]++;
			if (!NOT_REACHED.contains(outcome)) {
				row[1]++;
			}
		}

		void task(String managerId, LocalDate day, boolean late) {
			tasks.computeIfAbsent(new Key(day, "", managerId), k -> new long[2])[late ? 1 : 0]++;
		}

		private long[] caseCounts(Key key) {
			return cases.computeIfAbsent(key, k -> new long[1 + CaseOutcome.values().length]);
		}
	}
}
