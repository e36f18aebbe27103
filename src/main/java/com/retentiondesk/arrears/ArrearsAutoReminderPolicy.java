package com.retentiondesk.arrears;

import java.time.Instant;
import java.time.LocalDate;

import com.retentiondesk.calendar.WorkCalendar;

/**
 * When a CDMA 普1 customer's automatic reminders go out and when the manager calls: {@code reminders}
 * reminders, one per working day in calling hours, the first as soon as calling hours allow after the case
 * opened; the manager's first call at the start of calling on the working day after the last reminder
 * day, due by the end of that day, whether the reminders were delivered or not (针对多次提醒未交费的用户同时采取
 * 人工提醒). Plain Java.
 */
record ArrearsAutoReminderPolicy(WorkCalendar calendar, int reminders) {

	/** The first reminder: the first calling time at or after the case opened. */
	Instant firstReminderAt(Instant opened) {
		return calendar.nextCallingTime(opened);
	}

	/** Reminder {@code index} (0 is the first): the first, or the start of calling {@code index} working days later. */
	Instant reminderAt(Instant firstReminder, int index) {
		if (index == 0) {
			return firstReminder;
		}
		return calendar.startOfCalling(workingDaysAfter(firstReminder, index));
	}

	/** The manager's first call: the start of calling on the working day after the last reminder's day. */
	Instant firstCallAt(Instant firstReminder) {
		return calendar.startOfCalling(workingDaysAfter(firstReminder, reminders));
	}

	/** The first call is due by the end of its working day. */
	Instant firstCallDue(Instant firstReminder) {
		return calendar.endOfWorkingDay(firstCallAt(firstReminder));
	}

	private LocalDate workingDaysAfter(Instant first, int days) {
		LocalDate day = first.atZone(calendar.zone()).toLocalDate();
		for (int i = 0; i < days; i++) {
			day = calendar.nextWorkingDay(day);
		}
		return day;
	}
}
