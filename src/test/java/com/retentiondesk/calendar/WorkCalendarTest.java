package com.retentiondesk.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class WorkCalendarTest {

	private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	private final WorkCalendar calendar = new WorkCalendar(new WorkCalendarProperties(SHANGHAI,
			List.of("14:00-20:00", "09:00-12:00"), Set.of(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 2)),
			Set.of(LocalDate.of(2026, 10, 10))));

	@Test
	void shouldTreatWeekendsAndHolidaysAsRestDaysAndMakeUpDaysAsWorkingDays() {
		assertThat(calendar.isWorkingDay(LocalDate.of(2026, 11, 27))).isTrue(); // Friday
		assertThat(calendar.isWorkingDay(LocalDate.of(2026, 11, 28))).isFalse(); // Saturday
		assertThat(calendar.isWorkingDay(LocalDate.of(2026, 10, 1))).isFalse(); // National Day, Thursday
		assertThat(calendar.isWorkingDay(LocalDate.of(2026, 10, 10))).isTrue(); // 调休 Saturday
		assertThat(calendar.nextWorkingDay(LocalDate.of(2026, 9, 30))).isEqualTo(LocalDate.of(2026, 10, 5));
	}

	@Test
	void shouldMakeACallDueAtTheEndOfTheSameWorkingDay() {
		assertThat(calendar.endOfWorkingDay(at("2026-11-25T08:00"))).isEqualTo(at("2026-11-25T20:00"));
		assertThat(calendar.endOfWorkingDay(at("2026-11-25T19:59"))).isEqualTo(at("2026-11-25T20:00"));
		// after calling hours or on a rest day: the next working day
		assertThat(calendar.endOfWorkingDay(at("2026-11-25T20:00"))).isEqualTo(at("2026-11-26T20:00"));
		assertThat(calendar.endOfWorkingDay(at("2026-11-28T10:00"))).isEqualTo(at("2026-11-30T20:00"));
	}

	@Test
	void shouldMoveFollowUpsIntoCallingHours() {
		assertThat(calendar.nextCallingTime(at("2026-11-25T10:30"))).isEqualTo(at("2026-11-25T10:30"));
		assertThat(calendar.nextCallingTime(at("2026-11-25T07:00"))).isEqualTo(at("2026-11-25T09:00"));
		assertThat(calendar.nextCallingTime(at("2026-11-25T12:30"))).isEqualTo(at("2026-11-25T14:00"));
		assertThat(calendar.nextCallingTime(at("2026-11-25T22:00"))).isEqualTo(at("2026-11-26T09:00"));
		assertThat(calendar.nextCallingTime(at("2026-11-27T21:00"))).isEqualTo(at("2026-11-30T09:00"));
		assertThat(calendar.nextCallingTime(at("2026-09-30T20:30"))).isEqualTo(at("2026-10-05T09:00"));
		assertThat(calendar.startOfCalling(LocalDate.of(2026, 10, 10))).isEqualTo(at("2026-10-10T09:00"));
	}

	@Test
	void shouldCountOnlyCallingTimeWhenAddingHours() {
		java.time.Duration twoHours = java.time.Duration.ofHours(2);
		assertThat(calendar.addCallingTime(at("2026-11-25T09:30"), twoHours)).isEqualTo(at("2026-11-25T11:30"));
		assertThat(calendar.addCallingTime(at("2026-11-25T11:00"), twoHours)).isEqualTo(at("2026-11-25T15:00"));
		assertThat(calendar.addCallingTime(at("2026-11-25T19:30"), twoHours)).isEqualTo(at("2026-11-26T10:30"));
		assertThat(calendar.addCallingTime(at("2026-11-27T23:00"), twoHours)).isEqualTo(at("2026-11-30T11:00"));
	}

	@Test
	void shouldRefuseBrokenCallingHours() {
		assertThatThrownBy(() -> new WorkCalendar(new WorkCalendarProperties(SHANGHAI, List.of("20:00-09:00"), null,
				null))).hasMessageContaining("end before they start");
		assertThatThrownBy(() -> new WorkCalendar(new WorkCalendarProperties(SHANGHAI,
				List.of("09:00-13:00", "12:00-20:00"), null, null))).hasMessageContaining("overlap");
		assertThatThrownBy(() -> new WorkCalendar(new WorkCalendarProperties(SHANGHAI, List.of("nine to five"), null,
				null))).hasMessageContaining("09:00-12:00");
	}

	private static Instant at(String local) {
		return ZonedDateTime.of(java.time.LocalDateTime.parse(local), SHANGHAI).toInstant();
	}
}
