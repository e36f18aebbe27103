package com.retentiondesk.billing;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/**
 * The ranges billing's figures must lie in before the desk takes them (issue 23): what the columns hold
 * (DECIMAL(12,2): ±9,999,999,999.99) and what can be true (a payment is positive, a usage figure is not
 * negative, an event happened between 2000-01-01 and tomorrow). A figure outside answers 400 with the
 * field's name and a Chinese message; before, 12,345,678,901.00 overflowed the column, the error was
 * taken for a repeat and the payment was dropped, and a payment dated 0001-01-01 closed a current case.
 */
public final class BillingBounds {

	/** The largest amount a DECIMAL(12,2) column holds. */
	public static final BigDecimal MAX_AMOUNT = new BigDecimal("9999999999.99");
	/** The earliest event billing may report. */
	public static final Instant EARLIEST = OffsetDateTime.parse("2000-01-01T00:00:00+08:00").toInstant();
	/** How far ahead of the desk's clock an event may lie (billing's clock may run a little ahead). */
	public static final Duration AHEAD = Duration.ofDays(1);

	private BillingBounds() {
	}

	/** A payment: more than 0, at most {@link #MAX_AMOUNT}, whole fen. */
	public static BigDecimal payment(String field, BigDecimal amount) {
		if (amount == null) {
			throw new IllegalArgumentException(field + ": 缺少缴费金额");
		}
		if (amount.signum() <= 0) {
			throw new IllegalArgumentException(field + ": 缴费金额必须大于0, 收到 " + amount.toPlainString());
		}
		if (amount.compareTo(MAX_AMOUNT) > 0) {
			throw new IllegalArgumentException(
					field + ": 缴费金额超出范围 (最多 9999999999.99), 收到 " + amount.toPlainString());
		}
		return fen(field, "缴费金额", amount);
	}

	/** A balance (negative for a debt): within ±{@link #MAX_AMOUNT}, whole fen. */
	public static BigDecimal balance(String field, BigDecimal balance) {
		if (balance == null) {
			throw new IllegalArgumentException(field + ": 缺少余额");
		}
		if (balance.abs().compareTo(MAX_AMOUNT) > 0) {
			throw new IllegalArgumentException(
					field + ": 余额超出范围 (-9999999999.99 至 9999999999.99), 收到 " + balance.toPlainString());
		}
		return fen(field, "余额", balance);
	}

	/** A usage figure (calls, minutes, a bill's amount): not negative, at most {@link #MAX_AMOUNT}. */
	public static BigDecimal usage(String field, BigDecimal figure) {
		if (figure == null) {
			throw new IllegalArgumentException(field + ": 缺少用量");
		}
		if (figure.signum() < 0) {
			throw new IllegalArgumentException(field + ": 用量不能为负数, 收到 " + figure.toPlainString());
		}
		if (figure.compareTo(MAX_AMOUNT) > 0) {
			throw new IllegalArgumentException(field + ": 用量超出范围, 收到 " + figure.toPlainString());
		}
		return figure;
	}

	/** A count of usage (calls in a month): not negative, fits an INT. */
	public static int usage(String field, long count) {
		if (count < 0) {
			throw new IllegalArgumentException(field + ": 用量不能为负数, 收到 " + count);
		}
		if (count > Integer.MAX_VALUE) {
			throw new IllegalArgumentException(field + ": 用量超出范围, 收到 " + count);
		}
		return (int) count;
	}

	/** When an event happened: from 2000-01-01 to a day after the desk's now. */
	public static OffsetDateTime eventTime(String field, OffsetDateTime at, Clock clock) {
		if (at == null) {
			throw new IllegalArgumentException(field + ": 缺少时间 (ISO-8601, 例如 2026-11-27T10:15:00+08:00)");
		}
		Instant instant = at.toInstant();
		if (instant.isBefore(EARLIEST)) {
			throw new IllegalArgumentException(field + ": 时间早于 2000-01-01, 收到 " + at);
		}
		Instant latest = clock.instant().plus(AHEAD);
		if (instant.isAfter(latest)) {
			throw new IllegalArgumentException(field + ": 时间不能在未来 (最晚 "
					+ latest.atZone(ZoneId.of("Asia/Shanghai")).toLocalDate() + "), 收到 " + at);
		}
		return at;
	}

	private static BigDecimal fen(String field, String label, BigDecimal amount) {
		if (amount.stripTrailingZeros().scale() > 2) {
			throw new IllegalArgumentException(field + ": " + label + "最多两位小数, 收到 " + amount.toPlainString());
		}
		return amount.setScale(2);
	}
}
