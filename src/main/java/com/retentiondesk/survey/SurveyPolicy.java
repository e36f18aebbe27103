package com.retentiondesk.survey;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.function.Predicate;

/**
 * When the satisfaction survey samples, which month and how many customers: on the first working day of
 * a month it samples the month before; of each manager's customers reached by an outbound call in that
 * month it takes {@code rate} of them, rounded up, so a manager with any reached customer gets at least
 * one survey and a manager with none gets none. The surveys are due on the 10th (the seed's 每月前十天).
 * Plain Java.
 */
public final class SurveyPolicy {

	/** The day of the month by which the surveys are done. */
	public static final int DUE_DAY = 10;

	private SurveyPolicy() {
	}

	/** Whether {@code day} is its month's first working day. */
	public static boolean isSurveyDay(LocalDate day, Predicate<LocalDate> isWorkingDay) {
		if (!isWorkingDay.test(day)) {
			return false;
		}
		for (LocalDate d = day.withDayOfMonth(1); d.isBefore(day); d = d.plusDays(1)) {
			if (isWorkingDay.test(d)) {
				return false;
			}
		}
		return true;
	}

	/** The month sampled: the one asked for, or else the month before today's. */
	public static YearMonth sampledMonth(LocalDate today, YearMonth askedFor) {
		return askedFor != null ? askedFor : YearMonth.from(today).minusMonths(1);
	}

	/** How many of a manager's {@code reached} customers are surveyed: {@code rate} of them, rounded up. */
	public static int sampleSize(int reached, BigDecimal rate) {
		if (rate == null || rate.signum() <= 0 || rate.compareTo(BigDecimal.ONE) > 0) {
			throw new IllegalArgumentException("desk.survey.sample-rate must be above 0 and at most 1, not " + rate);
		}
		if (reached <= 0) {
			return 0;
		}
		int size = BigDecimal.valueOf(reached).multiply(rate).setScale(0, RoundingMode.CEILING).intValueExact();
		return Math.min(reached, Math.max(1, size));
	}

	/** The day the surveys started today are due: the 10th of this month, or of the next once it has passed. */
	public static LocalDate dueDay(LocalDate today) {
		LocalDate tenth = today.withDayOfMonth(DUE_DAY);
		return today.isAfter(tenth) ? tenth.plusMonths(1) : tenth;
	}
}
