package com.retentiondesk.calendar;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Working days and calling hours of the desk. Customers are not called in their rest time, so
 * every due time and follow-up the cases compute goes through here. Plain Java: no framework; the
 * public holidays and make-up working days come from a {@link Days} (the desk's: the {@code calendar_day}
 * table, see {@code CalendarDays}).
 */
public class WorkCalendar {

	/** What kind of day a date is, when it is not an ordinary weekday or weekend. */
	public enum DayType {
		/** A public holiday (法定节假日): no calls, even on a weekday. */
		HOLIDAY,
		/** A make-up working day (调休上班): calls, even on a weekend. */
		WORKDAY
	}

	/** Where the holidays and make-up working days come from. */
	@FunctionalInterface
	public interface Days {
		/** @return the day's type, or null for an ordinary day (Monday to Friday work, the weekend rest) */
		DayType typeOf(LocalDate day);
	}

	/** A window of the day in which customers may be called, e.g. 09:00-12:00. */
	record Window(LocalTime start, LocalTime end) {

		static Window parse(String text) {
			String[] parts = text.trim().split("-");
			if (parts.length != 2) {
				throw new IllegalArgumentException("calling hours must look like 09:00-12:00, not '" + text + "'");
			}
			Window window = new Window(LocalTime.parse(parts[0].trim()), LocalTime.parse(parts[1].trim()));
			if (!window.start.isBefore(window.end)) {
				throw new IllegalArgumentException("calling hours end before they start: '" + text + "'");
			}
			return window;
		}
	}

	private final ZoneId zone;
	private final List<Window> windows;
	private final Days days;

	/** A calendar with the fixed days of the properties (tests, tools without a database). */
	public WorkCalendar(WorkCalendarProperties properties) {
		this(properties, fixed(properties.holidays(), properties.workdays()));
	}

	public WorkCalendar(WorkCalendarProperties properties, Days days) {
		this.zone = properties.zone();
		List<Window> parsed = new ArrayList<>(properties.callingHours().stream().map(Window::parse).toList());
		parsed.sort(Comparator.comparing(Window::start));
		for (int i = 1; i < parsed.size(); i++) {
			if (parsed.get(i).start().isBefore(parsed.get(i - 1).end())) {
				throw new IllegalArgumentException("calling hours overlap: " + properties.callingHours());
			}
		}
		this.windows = List.copyOf(parsed);
		this.days = days;
	}

	static Days fixed(Set<LocalDate> holidays, Set<LocalDate> workdays) {
		return day -> workdays.contains(day) ? DayType.WORKDAY : holidays.contains(day) ? DayType.HOLIDAY : null;
	}

	public ZoneId zone() {
		return zone;
	}

	/** Monday to Friday, unless a public holiday; a make-up working day (调休) counts too. */
	public boolean isWorkingDay(LocalDate day) {
		DayType type = days.typeOf(day);
		if (type != null) {
			return type == DayType.WORKDAY;
		}
		return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
	}

	public LocalDate nextWorkingDay(LocalDate after) {
		LocalDate day = after.plusDays(1);
		while (!isWorkingDay(day)) {
			day = day.plusDays(1);
		}
		return day;
	}

	/**
	 * The end of the last calling window of the working day of {@code now}: today if today is a working
	 * day and calling is still possible, else the next working day. "Due the same working day."
	 */
	public Instant endOfWorkingDay(Instant now) {
		ZonedDateTime local = now.atZone(zone);
		LocalDate day = local.toLocalDate();
		LocalTime lastEnd = windows.get(windows.size() - 1).end();
		if (!isWorkingDay(day) || !local.toLocalTime().isBefore(lastEnd)) {
			day = nextWorkingDay(day);
		}
		return day.atTime(lastEnd).atZone(zone).toInstant();
	}

	/**
	 * The first moment at or after {@code at} that lies in calling hours on a working day: a follow-up
	 * computed for 22:00 moves to 09:00 of the next working day.
	 */
	public Instant nextCallingTime(Instant at) {
		ZonedDateTime local = at.atZone(zone);
		LocalDate day = local.toLocalDate();
		LocalTime time = local.toLocalTime();
		while (true) {
			if (isWorkingDay(day)) {
				for (Window window : windows) {
					if (time.isBefore(window.start())) {
						return day.atTime(window.start()).atZone(zone).toInstant();
					}
					if (time.isBefore(window.end())) {
						return day.atTime(time).atZone(zone).toInstant();
					}
				}
			}
			day = day.plusDays(1);
			time = LocalTime.MIN;
		}
	}

	/**
	 * The moment when {@code amount} of calling time has passed after {@code from}, counting only
	 * calling hours on working days: two calling hours from 19:30 end at 10:30 the next working day.
	 */
	public Instant addCallingTime(Instant from, Duration amount) {
		Instant at = nextCallingTime(from);
		Duration left = amount;
		while (true) {
			ZonedDateTime local = at.atZone(zone);
			Window window = windows.stream()
					.filter(w -> !local.toLocalTime().isBefore(w.start()) && local.toLocalTime().isBefore(w.end()))
					.findFirst()
					.orElseThrow();
			Instant windowEnd = local.toLocalDate().atTime(window.end()).atZone(zone).toInstant();
			Duration available = Duration.between(at, windowEnd);
			if (left.compareTo(available) <= 0) {
				return at.plus(left);
			}
			left = left.minus(available);
			at = nextCallingTime(windowEnd);
		}
	}

	/**
	 * The first moment at or after {@code at} inside the calling hours of any day, rest days included: an SMS
	 * such as a typhoon warning must not wait for Monday, but must not wake anyone at night either.
	 */
	public Instant nextCallingTimeAnyDay(Instant at) {
		ZonedDateTime local = at.atZone(zone);
		LocalTime time = local.toLocalTime();
		for (Window window : windows) {
			if (time.isBefore(window.start())) {
				return local.toLocalDate().atTime(window.start()).atZone(zone).toInstant();
			}
			if (time.isBefore(window.end())) {
				return at;
			}
		}
		return local.toLocalDate().plusDays(1).atTime(windows.get(0).start()).atZone(zone).toInstant();
	}

	/** The start of calling hours on a given day, or on the next working day if it is none. */
	public Instant startOfCalling(LocalDate day) {
		return nextCallingTime(day.atStartOfDay(zone).toInstant());
	}

	/**
	 * When a case calls a customer again: at the start of calling on the day after a date the customer
	 * promised (to pay, to decide), or else at the first calling time once {@code wait} has passed.
	 */
	public Instant callAgainAt(LocalDate promised, Instant now, Period wait) {
		return promised != null ? startOfCalling(promised.plusDays(1))
				: nextCallingTime(now.atZone(zone).plus(wait).toInstant());
	}
}
