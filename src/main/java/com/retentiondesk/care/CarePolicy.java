package com.retentiondesk.care;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.temporal.TemporalAdjusters;
import java.util.function.Predicate;

/** When the care greetings go out (no framework: unit-tested as it is). */
final class CarePolicy {

	private CarePolicy() {
	}

	/** The weekend greeting goes out on working Fridays. */
	static boolean isWeekendGreetingDay(LocalDate day, Predicate<LocalDate> workingDay) {
		return day.getDayOfWeek() == DayOfWeek.FRIDAY && workingDay.test(day);
	}

	/**
	 * The days whose holiday greeting makes a weekend greeting needless in the week of {@code day}: a holiday from
	 * Monday to Sunday, or on the Monday after (its greeting goes out on the Sunday before).
	 */
	static LocalDate[] holidayWeek(LocalDate day) {
		LocalDate monday = day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
		return new LocalDate[] { monday, monday.plusDays(7) };
	}

	/** The day the managers confirm a holiday's batch: {@code leadDays} before the holiday. */
	static LocalDate confirmDay(LocalDate holiday, int leadDays) {
		return holiday.minusDays(leadDays);
	}

	/** When a holiday's greeting goes out: on the day before the holiday at the send time, never before now. */
	static LocalDateTime holidaySendAt(LocalDate holiday, LocalTime sendTime, LocalDateTime now) {
		LocalDateTime planned = holiday.minusDays(1).atTime(sendTime);
		return planned.isBefore(now) ? now : planned;
	}
}
