package com.retentiondesk.arrears;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.retentiondesk.calendar.WorkCalendar;
import com.retentiondesk.calendar.WorkCalendarProperties;

/** When a 普1 customer's automatic reminders go out and the manager calls, without Spring or the engine. */
class ArrearsAutoReminderPolicyTest {

	private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
	/** Friday 2027-01-01 is a holiday. */
	private final WorkCalendar calendar = new WorkCalendar(new WorkCalendarProperties(SHANGHAI, null,
			Set.of(LocalDate.of(2027, 1, 1)), null));
	private final ArrearsAutoReminderPolicy policy = new ArrearsAutoReminderPolicy(calendar, 2);

	@Test
	void shouldSendTheFirstReminderWhenCallingHoursBeginNotAtTheEightOClockScan() {
		assertThat(policy.firstReminderAt(at("2026-12-02T08:00"))).isEqualTo(at("2026-12-02T09:00"));
		assertThat(policy.firstReminderAt(at("2026-12-02T12:30"))).isEqualTo(at("2026-12-02T14:00"));
		assertThat(policy.firstReminderAt(at("2026-12-02T20:30"))).isEqualTo(at("2026-12-03T09:00"));
	}

	@Test
	void shouldRemindOncePerWorkingDayThenCallTheWorkingDayAfterTheLastReminder() {
		Instant first = policy.firstReminderAt(at("2026-12-02T08:00")); // Wednesday

		assertThat(policy.reminderAt(first, 0)).isEqualTo(at("2026-12-02T09:00"));
		assertThat(policy.reminderAt(first, 1)).isEqualTo(at("2026-12-03T09:00"));
		assertThat(policy.firstCallAt(first)).isEqualTo(at("2026-12-04T09:00"));
		assertThat(policy.firstCallDue(first)).isEqualTo(at("2026-12-04T20:00"));
	}

	@Test
	void shouldSkipWeekendsAndHolidays() {
		// Thursday 2026-12-31 at 15:00: the second reminder after New Year's Day and the weekend, the call a day later
		Instant first = policy.firstReminderAt(at("2026-12-31T15:00"));

		assertThat(policy.reminderAt(first, 1)).isEqualTo(at("2027-01-04T09:00"));
		assertThat(policy.firstCallAt(first)).isEqualTo(at("2027-01-05T09:00"));
	}

	@Test
	void shouldCallAfterAsManyWorkingDaysAsThereAreReminders() {
		ArrearsAutoReminderPolicy three = new ArrearsAutoReminderPolicy(calendar, 3);

		assertThat(three.firstCallAt(three.firstReminderAt(at("2026-12-02T08:00")))).isEqualTo(at("2026-12-07T09:00"));
	}

	private static Instant at(String local) {
		return LocalDateTime.parse(local).atZone(SHANGHAI).toInstant();
	}
}
