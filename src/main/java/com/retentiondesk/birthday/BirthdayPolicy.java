package com.retentiondesk.birthday;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Whose birthday a day's scan greets: the birthdays of the scan's day and of the rest days up to the next
 * working day (a Friday greets Saturday's and Sunday's birthdays too, the last day before 国庆 the whole
 * holiday's), so nobody's birthday falls between two scans. A birthday on 29 February is greeted on
 * 28 February in a common year (before it, never late).
 */
final class BirthdayPolicy {

	/** A longer run of rest days than any calendar has (国庆 with its weekends is 8 or 9). */
	static final int MAX_DAYS = 31;

	private static final MonthDay LEAP_DAY = MonthDay.of(2, 29);

	private BirthdayPolicy() {
	}

	/** {@code today} and the rest days after it, up to the next working day (excluded). */
	static List<LocalDate> daysCovered(LocalDate today, Predicate<LocalDate> workingDay) {
		List<LocalDate> days = new ArrayList<>();
		days.add(today);
		LocalDate day = today.plusDays(1);
		while (!workingDay.test(day) && days.size() < MAX_DAYS) {
			days.add(day);
			day = day.plusDays(1);
		}
		return days;
	}

	/** The birthdays (month and day) that fall on these days; 29 February on 28 February of a common year. */
	static Set<MonthDay> birthdaysOn(List<LocalDate> days) {
		Set<MonthDay> birthdays = new LinkedHashSet<>();
		for (LocalDate day : days) {
			birthdays.add(MonthDay.from(day));
			if (day.getMonthValue() == 2 && day.getDayOfMonth() == 28 && !day.isLeapYear()) {
				birthdays.add(LEAP_DAY);
			}
		}
		return birthdays;
	}

	/** The day among {@code days} that is this customer's birthday, if any. */
	static Optional<LocalDate> birthdayAmong(LocalDate birthday, List<LocalDate> days) {
		MonthDay born = MonthDay.from(birthday);
		return days.stream().filter(day -> born.atYear(day.getYear()).equals(day)).findFirst();
	}
}
