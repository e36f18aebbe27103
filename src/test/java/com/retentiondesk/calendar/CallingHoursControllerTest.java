package com.retentiondesk.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** What Tasklist's calling-hours mark reads: calling hours on working days, holidays included, in Shanghai. */
class CallingHoursControllerTest {

	private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
	private static final WorkCalendarProperties PROPERTIES = new WorkCalendarProperties(SHANGHAI, null,
			Set.of(LocalDate.of(2026, 10, 1)), null);

	@Test
	void shouldCallInTheMorningOfAWorkingDay() {
		CallingHoursController.CallingHours answer = at("2026-12-02T10:15");

		assertThat(answer.callingNow()).isTrue();
		assertThat(answer.nextCallingTime()).isEqualTo(answer.now());
		assertThat(answer.hours()).isEqualTo("工作日 09:00–12:00, 14:00–20:00");
	}

	@Test
	void shouldNotCallAtLunchtimeNorAtNightNorOnAHoliday() {
		assertThat(at("2026-12-02T12:30")).satisfies(a -> {
			assertThat(a.callingNow()).isFalse();
			assertThat(a.nextCallingTime()).isEqualTo(shanghai("2026-12-02T14:00"));
		});
		assertThat(at("2026-12-04T21:00")).satisfies(a -> {
			assertThat(a.callingNow()).isFalse();
			assertThat(a.nextCallingTime()).as("Friday night: Monday morning").isEqualTo(shanghai("2026-12-07T09:00"));
		});
		assertThat(at("2026-10-01T10:00").callingNow()).as("National Day").isFalse();
	}

	private static CallingHoursController.CallingHours at(String localTime) {
		Clock clock = Clock.fixed(shanghai(localTime), SHANGHAI);
		return new CallingHoursController(new WorkCalendar(PROPERTIES), PROPERTIES, clock).callingHours();
	}

	private static Instant shanghai(String localTime) {
		return ZonedDateTime.of(java.time.LocalDateTime.parse(localTime), SHANGHAI).toInstant();
	}
}
