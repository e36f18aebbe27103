package com.retentiondesk.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/** From 1 December, a warning while next year's calendar is empty (issue 23 point 2). */
class CalendarCheckTest {

	@Test
	void shouldWarnFromTheFirstOfDecemberOnlyWhileNextYearHasNoEntries() {
		assertThat(CalendarCheck.warning(LocalDate.of(2027, 11, 30), year -> false)).isEmpty();
		assertThat(CalendarCheck.warning(LocalDate.of(2027, 12, 1), year -> false)).get().asString()
				.startsWith("2028年的工作日历").contains("PUT /api/admin/calendar/2028");
		assertThat(CalendarCheck.warning(LocalDate.of(2027, 12, 31), year -> year == 2028)).isEmpty();
		assertThat(CalendarCheck.warning(LocalDate.of(2027, 12, 15), year -> year == 2027)).isPresent();
	}
}
