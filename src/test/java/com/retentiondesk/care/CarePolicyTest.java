package com.retentiondesk.care;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;

import org.junit.jupiter.api.Test;

/** When the greetings go out: working Fridays, the holiday week, the holiday's send time. */
class CarePolicyTest {

	@Test
	void shouldGreetOnWorkingFridaysOnly() {
		assertThat(CarePolicy.isWeekendGreetingDay(LocalDate.of(2026, 12, 4), d -> true)).isTrue();
		assertThat(CarePolicy.isWeekendGreetingDay(LocalDate.of(2026, 12, 4), d -> false)).as("a holiday Friday").isFalse();
		assertThat(CarePolicy.isWeekendGreetingDay(LocalDate.of(2026, 12, 3), d -> true)).as("Thursday").isFalse();
	}

	@Test
	void shouldSpanTheHolidayWeekFromMondayToTheNextMonday() {
		assertThat(CarePolicy.holidayWeek(LocalDate.of(2027, 9, 17)))
				.containsExactly(LocalDate.of(2027, 9, 13), LocalDate.of(2027, 9, 20));
	}

	@Test
	void shouldSendTheDayBeforeTheHolidayButNeverInThePast() {
		assertThat(CarePolicy.holidaySendAt(LocalDate.of(2027, 1, 1), LocalTime.of(10, 0), LocalDateTime.of(2026, 12, 30, 9, 0)))
				.isEqualTo(LocalDateTime.of(2026, 12, 31, 10, 0));
		assertThat(CarePolicy.holidaySendAt(LocalDate.of(2027, 1, 1), LocalTime.of(10, 0), LocalDateTime.of(2026, 12, 31, 15, 0)))
				.as("prepared late by hand: at once").isEqualTo(LocalDateTime.of(2026, 12, 31, 15, 0));
		assertThat(CarePolicy.confirmDay(LocalDate.of(2027, 1, 1), 2)).isEqualTo(LocalDate.of(2026, 12, 30));
	}
}
