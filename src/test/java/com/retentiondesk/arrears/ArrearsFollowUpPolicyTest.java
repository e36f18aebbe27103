package com.retentiondesk.arrears;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Period;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import com.retentiondesk.calendar.WorkCalendar;
import com.retentiondesk.calendar.WorkCalendarProperties;

/** When an arrears case wakes up after a reminder call, without Spring or the engine. */
class ArrearsFollowUpPolicyTest {

	private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
	private final ArrearsFollowUpPolicy policy = new ArrearsFollowUpPolicy(
			new WorkCalendar(new WorkCalendarProperties(SHANGHAI, null, null, null)), Period.ofDays(3), Period.ofDays(2));

	@Test
	void shouldFollowUpThreeDaysAfterTheFirstCallOnAWorkingDayInCallingHours() {
		// Wednesday 15:00 + 3 days is Saturday: Monday at the start of calling, the second call due that evening
		ArrearsFollowUpPolicy.AfterFirstCall next = policy.afterFirstCall(null, at("2026-12-02T15:00"));

		assertThat(next.followUpAt()).isEqualTo(at("2026-12-07T09:00"));
		assertThat(next.secondCallDue()).isEqualTo(at("2026-12-07T20:00"));
	}

	@Test
	void shouldFollowUpTheDayAfterAPromisedPaymentDate() {
		ArrearsFollowUpPolicy.AfterFirstCall next = policy.afterFirstCall(LocalDate.of(2026, 12, 3), at("2026-12-02T15:00"));

		assertThat(next.followUpAt()).isEqualTo(at("2026-12-04T09:00"));
		assertThat(next.secondCallDue()).isEqualTo(at("2026-12-04T20:00"));
	}

	@Test
	void shouldWaitTheFinalPeriodAfterTheSecondCall() {
		// Monday 12:30 + 2 days is Wednesday 12:30, between the calling windows: 14:00
		assertThat(policy.afterSecondCall(null, at("2026-12-07T12:30"))).isEqualTo(at("2026-12-09T14:00"));
		assertThat(policy.afterSecondCall(LocalDate.of(2026, 12, 10), at("2026-12-07T12:30")))
				.isEqualTo(at("2026-12-11T09:00"));
	}

	private static Instant at(String local) {
		return LocalDateTime.parse(local).atZone(SHANGHAI).toInstant();
	}
}
