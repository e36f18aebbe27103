package com.retentiondesk.usage;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.function.Predicate;

/**
 * When the monthly usage scan runs and what it compares: it opens cases on the second working day of a
 * month (the bills of the month before are in by then), comparing the two calendar months before the
 * scan's month ("this month" is the later one). Plain Java.
 */
public final class UsageScanPolicy {

	private UsageScanPolicy() {
	}

	/** Whether {@code day} is its month's second working day. */
	public static boolean isScanDay(LocalDate day, Predicate<LocalDate> isWorkingDay) {
		if (!isWorkingDay.test(day)) {
			return false;
		}
		int before = 0;
		for (LocalDate d = day.withDayOfMonth(1); d.isBefore(day); d = d.plusDays(1)) {
			if (isWorkingDay.test(d)) {
				before++;
			}
		}
		return before == 1;
	}

	/** "This month" of a scan: the month before the scan's month. */
	public static YearMonth thisMonth(YearMonth scanMonth) {
		return scanMonth.minusMonths(1);
	}

	/** "Last month" of a scan: two months before the scan's month. */
	public static YearMonth lastMonth(YearMonth scanMonth) {
		return scanMonth.minusMonths(2);
	}
}
