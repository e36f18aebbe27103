package com.retentiondesk.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Issue 23: only a unique-key violation is a repeat; a deadlock (MariaDB 1213) is run again; a value too
 * large for its column is neither (it was answered {@code {"duplicate":true}} and the payment dropped).
 */
class DatabaseErrorsTest {

	@Test
	void shouldTellAUniqueKeyViolationFromAnOverflowOnH2() {
		JdbcTemplate h2 = new JdbcTemplate(new DriverManagerDataSource("jdbc:h2:mem:errors;DB_CLOSE_DELAY=-1", "sa", ""));
		h2.execute("create table paid (customer_no varchar(8), amount decimal(12,2), constraint uq_paid unique (customer_no, amount))");
		h2.update("insert into paid values ('A', 1.00)");

		Throwable repeat = catchIt(() -> h2.update("insert into paid values ('A', 1.00)"));
		Throwable overflow = catchIt(() -> h2.update("insert into paid values ('B', 12345678901.00)"));

		assertThat(repeat).isInstanceOf(DataIntegrityViolationException.class);
		assertThat(DatabaseErrors.isUniqueKeyViolation(repeat)).isTrue();
		assertThat(DatabaseErrors.isUniqueKeyViolation(overflow)).as(overflow.toString()).isFalse();
		assertThat(DatabaseErrors.isDeadlock(repeat)).isFalse();
	}

	@Test
	void shouldReadTheMariaDbCodesThroughWrappers() {
		RuntimeException duplicate = new DataIntegrityViolationException("could not execute statement",
				new RuntimeException(new SQLIntegrityConstraintViolationException("Duplicate entry", "23000", 1062)));
		RuntimeException outOfRange = new DataIntegrityViolationException("could not execute statement",
				new SQLException("Out of range value for column 'amount'", "22003", 1264));
		RuntimeException deadlock = new RuntimeException("engine",
				new SQLException("Deadlock found when trying to get lock", "40001", 1213));

		assertThat(DatabaseErrors.isUniqueKeyViolation(duplicate)).isTrue();
		assertThat(DatabaseErrors.isUniqueKeyViolation(outOfRange)).isFalse();
		assertThat(DatabaseErrors.isUniqueKeyViolation(deadlock)).isFalse();
		assertThat(DatabaseErrors.isDeadlock(deadlock)).isTrue();
		assertThat(DatabaseErrors.isDeadlock(duplicate)).isFalse();
	}

	@Test
	void shouldRunAnOperationThatLostADeadlockAgainAndGiveUpAfterThreeAttempts() {
		AtomicInteger calls = new AtomicInteger();
		String result = ConcurrentUpdates.retry("test", () -> {
			if (calls.incrementAndGet() == 1) {
				throw new RuntimeException(new SQLException("Deadlock found", "40001", 1213));
			}
			return "booked";
		});
		assertThat(result).isEqualTo("booked");
		assertThat(calls).hasValue(2);

		AtomicInteger always = new AtomicInteger();
		assertThatThrownBy(() -> ConcurrentUpdates.retry("test", () -> {
			always.incrementAndGet();
			throw new RuntimeException(new SQLException("Deadlock found", "40001", 1213));
		})).isInstanceOf(CannotAcquireLockException.class);
		assertThat(always).hasValue(ConcurrentUpdateRetry.ATTEMPTS);

		AtomicInteger once = new AtomicInteger();
		assertThatThrownBy(() -> ConcurrentUpdates.retry("test", () -> {
			once.incrementAndGet();
			throw new DataIntegrityViolationException("dup",
					new SQLIntegrityConstraintViolationException("Duplicate entry", "23000", 1062));
		})).isInstanceOf(DataIntegrityViolationException.class);
		assertThat(once).as("a repeat is not run again").hasValue(1);
	}

	private static Throwable catchIt(Runnable action) {
		try {
			action.run();
		} catch (RuntimeException e) {
			return e;
		}
		throw new AssertionError("no error");
	}
}
