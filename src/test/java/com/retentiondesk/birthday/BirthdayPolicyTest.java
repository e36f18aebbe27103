package com.retentiondesk.birthday;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Set;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;

/** Which birthdays a day's scan greets (BirthdayPolicy), on a calendar of weekends and the given holidays. */
class BirthdayPolicyTest {

	private static Predicate<LocalDate> weekdaysExcept(LocalDate... holidays) {
		Set<LocalDate> off = Set.of(holidays);
		return day -> day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY
				&& !off.contains(day);
	}

	@Test
	void shouldCoverOnlyTodayFromMondayToThursday() {
		assertThat(BirthdayPolicy.daysCovered(LocalDate.of(2026, 12, 3), weekdaysExcept()))
				.containsExactly(LocalDate.of(2026, 12, 3));
	}

	@Test
	void shouldCoverTheWeekendOnFriday() {
		assertThat(BirthdayPolicy.daysCovered(LocalDate.of(2026, 12, 4), weekdaysExcept()))
				.containsExactly(LocalDate.of(2026, 12, 4), LocalDate.of(2026, 12, 5), LocalDate.of(2026, 12, 6));
	}

	@Test
	void shouldCoverAWholeHolidayOnTheLastWorkingDayBeforeIt() {
		LocalDate[] nationalDay = { LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 2), LocalDate.of(2026, 10, 5),
				LocalDate.of(2026, 10, 6), LocalDate.of(2026, 10, 7) };
		assertThat(BirthdayPolicy.daysCovered(LocalDate.of(2026, 9, 30), weekdaysExcept(nationalDay)))
				.hasSize(8).startsWith(LocalDate.of(2026, 9, 30)).endsWith(LocalDate.of(2026, 10, 7));
	}

	@Test
	void shouldCoverTheRestOfTheRestDaysWhenRunByHandOnOne() {
		assertThat(BirthdayPolicy.daysCovered(LocalDate.of(2026, 12, 6), weekdaysExcept()))
				.containsExactly(LocalDate.of(2026, 12, 6));
	}

	@Test
	void shouldGreetA29FebruaryBirthdayOn28FebruaryInACommonYearOnly() {
		assertThat(BirthdayPolicy.birthdaysOn(java.util.List.of(LocalDate.of(2027, 2, 28))))
				.containsExactlyInAnyOrder(MonthDay.of(2, 28), MonthDay.of(2, 29));
		assertThat(BirthdayPolicy.birthdaysOn(java.util.List.of(LocalDate.of(2028, 2, 28))))
				.containsExactly(MonthDay.of(2, 28));
		assertThat(BirthdayPolicy.birthdayAmong(LocalDate.of(1988, 2, 29), java.util.List.of(LocalDate.of(2027, 2, 28))))
				.contains(LocalDate.of(2027, 2, 28));
		assertThat(BirthdayPolicy.birthdayAmong(LocalDate.of(1988, 2, 29), java.util.List.of(LocalDate.of(2028, 2, 28))))
				.isEmpty();
		assertThat(BirthdayPolicy.birthdayAmong(LocalDate.of(1988, 2, 29), java.util.List.of(LocalDate.of(2028, 2, 29))))
				.contains(LocalDate.of(2028, 2, 29));
	}

	@Test
	void shouldFindTheBirthdayAmongTheDaysCovered() {
		java.util.List<LocalDate> weekend = java.util.List.of(LocalDate.of(2026, 12, 4), LocalDate.of(2026, 12, 5),
				LocalDate.of(2026, 12, 6));
		assertThat(BirthdayPolicy.birthdayAmong(LocalDate.of(1975, 12, 6), weekend)).contains(LocalDate.of(2026, 12, 6));
		assertThat(BirthdayPolicy.birthdayAmong(LocalDate.of(1975, 12, 7), weekend)).isEmpty();
	}
}
