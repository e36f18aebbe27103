package com.retentiondesk.usage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Set;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;

/** The monthly scan's day and months. */
class UsageScanPolicyTest {

	private static final Predicate<LocalDate> WEEKDAYS = d -> d.getDayOfWeek() != DayOfWeek.SATURDAY
			&& d.getDayOfWeek() != DayOfWeek.SUNDAY;

	@Test
	void shouldRunOnTheSecondWorkingDayOfTheMonth() {
		// December 2026 begins on a Tuesday: Wednesday the 2nd is the second working day
		assertThat(UsageScanPolicy.isScanDay(LocalDate.of(2026, 12, 1), WEEKDAYS)).isFalse();
		assertThat(UsageScanPolicy.isScanDay(LocalDate.of(2026, 12, 2), WEEKDAYS)).isTrue();
		assertThat(UsageScanPolicy.isScanDay(LocalDate.of(2026, 12, 3), WEEKDAYS)).isFalse();
		// November 2026 begins on a Sunday: Monday the 2nd is the first, Tuesday the 3rd the second
		assertThat(UsageScanPolicy.isScanDay(LocalDate.of(2026, 11, 2), WEEKDAYS)).isFalse();
		assertThat(UsageScanPolicy.isScanDay(LocalDate.of(2026, 11, 3), WEEKDAYS)).isTrue();
	}

	@Test
	void shouldSkipHolidaysWhenCountingWorkingDays() {
		// 1-3 October are holidays: the first working days are the 8th and 9th (Thursday, Friday)
		Set<LocalDate> holidays = Set.of(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 2), LocalDate.of(2026, 10, 5),
				LocalDate.of(2026, 10, 6), LocalDate.of(2026, 10, 7));
		Predicate<LocalDate> calendar = WEEKDAYS.and(d -> !holidays.contains(d));

		assertThat(UsageScanPolicy.isScanDay(LocalDate.of(2026, 10, 8), calendar)).isFalse();
		assertThat(UsageScanPolicy.isScanDay(LocalDate.of(2026, 10, 9), calendar)).isTrue();
		assertThat(UsageScanPolicy.isScanDay(LocalDate.of(2026, 10, 10), calendar)).isFalse();
	}

	@Test
	void shouldCompareTheTwoMonthsBeforeTheScansMonth() {
		assertThat(UsageScanPolicy.thisMonth(YearMonth.of(2026, 12))).isEqualTo(YearMonth.of(2026, 11));
		assertThat(UsageScanPolicy.lastMonth(YearMonth.of(2026, 12))).isEqualTo(YearMonth.of(2026, 10));
		assertThat(UsageScanPolicy.lastMonth(YearMonth.of(2027, 1))).isEqualTo(YearMonth.of(2026, 11));
	}
}
