package com.retentiondesk.web;

import java.sql.SQLException;

/**
 * What a database error means, read from the driver's codes along the cause chain (Spring's and
 * Hibernate's wrappers differ between JdbcTemplate, JPA and the engine's MyBatis): only a unique-key
 * violation is a repeat of something already stored, and only a deadlock is worth running again. A value
 * too large for its column, a foreign key or a missing value is neither.
 */
public final class DatabaseErrors {

	/** MySQL/MariaDB: ER_DUP_ENTRY. */
	static final int MYSQL_DUPLICATE_KEY = 1062;
	/** MySQL/MariaDB: ER_LOCK_DEADLOCK. */
	static final int MYSQL_DEADLOCK = 1213;
	/** H2: DUPLICATE_KEY_1 (also its SQLState, the SQL standard's unique violation). */
	static final int H2_DUPLICATE_KEY = 23505;
	/** H2: DEADLOCK_1. */
	static final int H2_DEADLOCK = 40001;

	private DatabaseErrors() {
	}

	/** A unique key refused the row: the same row (a repeated event) is already stored. */
	public static boolean isUniqueKeyViolation(Throwable error) {
		for (SQLException sql : sqlExceptions(error)) {
			if (sql.getErrorCode() == MYSQL_DUPLICATE_KEY || sql.getErrorCode() == H2_DUPLICATE_KEY
					|| "23505".equals(sql.getSQLState())) {
				return true;
			}
		}
		return false;
	}

	/** The database chose this transaction as a deadlock's victim: running it again is safe. */
	public static boolean isDeadlock(Throwable error) {
		for (SQLException sql : sqlExceptions(error)) {
			if (sql.getErrorCode() == MYSQL_DEADLOCK || sql.getErrorCode() == H2_DEADLOCK
					|| "40001".equals(sql.getSQLState())) {
				return true;
			}
		}
		return false;
	}

	private static java.util.List<SQLException> sqlExceptions(Throwable error) {
		java.util.List<SQLException> found = new java.util.ArrayList<>();
		java.util.Set<Throwable> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
		for (Throwable e = error; e != null && seen.add(e); e = e.getCause()) {
			if (e instanceof SQLException sql) {
				found.add(sql);
				for (SQLException next = sql.getNextException(); next != null && seen.add(next); next = next.getNextException()) {
					found.add(next);
				}
			}
		}
		return found;
	}
}
