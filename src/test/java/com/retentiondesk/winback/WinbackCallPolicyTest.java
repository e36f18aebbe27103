package com.retentiondesk.winback;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Period;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.retentiondesk.calendar.WorkCalendar;
import com.retentiondesk.calendar.WorkCalendarProperties;
import com.retentiondesk.winback.WinbackProcess.Next;

/** The win-back call rules, without Spring or the engine. */
class WinbackCallPolicyTest {

	private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
	private final WorkCalendar calendar = new WorkCalendar(new WorkCalendarProperties(SHANGHAI, null,
			Set.of(LocalDate.of(2027, 1, 1)), null));
	private final WinbackCallPolicy policy = new WinbackCallPolicy(calendar, Period.ofDays(30), Period.ofDays(5), 3);

	@Test
	void shouldWaitThirtyDaysAfterTheImmediateCallUntilCallingHoursOfAWorkingDay() {
		// Wednesday 21:00 + 30 days is New Year's Day (a holiday) at 21:00: the wait ends Monday at 09:00
		WinbackCallPolicy.Decision decision = policy.afterImmediateCall(false, null, at("2026-12-02T21:00"));

		assertThat(decision.next()).isEqualTo(Next.WAIT);
		assertThat(decision.singleStopWaitUntil()).isEqualTo(at("2027-01-04T09:00"));
		assertThat(decision.lostReason()).isNull();
		assertThat(decision.nextAttemptAt()).isNull();
	}

	@Test
	void shouldLoseTheCaseAtOnceWhenTheCustomerHasLeftWithTheReasonGiven() {
		WinbackCallPolicy.Decision decision = policy.afterImmediateCall(true, "竞争对手: 移动送话费", at("2026-12-02T10:00"));

		assertThat(decision.next()).isEqualTo(Next.LOST);
		assertThat(decision.lostReason()).isEqualTo("竞争对手: 移动送话费");
	}

	@Test
	void shouldTryAnAlternateNumberAgainFiveDaysLaterDueTheSameWorkingDay() {
		WinbackCallPolicy.Decision decision = policy.afterAlternateCall(false, null, null, 0, at("2026-12-02T10:00"));

		assertThat(decision.next()).isEqualTo(Next.RETRY);
		assertThat(decision.attempts()).isEqualTo(1);
		assertThat(decision.nextAttemptAt()).isEqualTo(at("2026-12-07T10:00"));
		assertThat(decision.callDue()).isEqualTo(at("2026-12-07T20:00"));
	}

	@Test
	void shouldCallTheWorkingDayAfterAPromisedDate() {
		// promised Friday: Saturday is a rest day, so Monday at the start of calling
		WinbackCallPolicy.Decision decision = policy.afterAlternateCall(false, null, LocalDate.of(2026, 12, 4), 1,
				at("2026-12-02T10:00"));

		assertThat(decision.next()).isEqualTo(Next.RETRY);
		assertThat(decision.attempts()).isEqualTo(2);
		assertThat(decision.nextAttemptAt()).isEqualTo(at("2026-12-07T09:00"));
	}

	@Test
	void shouldLoseTheCaseAfterTheThirdAttemptNamingTheAttempts() {
		WinbackCallPolicy.Decision decision = policy.afterAlternateCall(false, null, null, 2, at("2026-12-02T10:00"));

		assertThat(decision.next()).isEqualTo(Next.LOST);
		assertThat(decision.attempts()).isEqualTo(3);
		assertThat(decision.lostReason()).isEqualTo("尝试3次均未能联系或挽留");
		assertThat(List.of(decision.nextAttemptAt() == null, decision.callDue() == null)).containsOnly(true);
	}

	@Test
	void shouldLoseTheCaseOnAnAlternateNumberWhenTheCustomerHasLeft() {
		WinbackCallPolicy.Decision decision = policy.afterAlternateCall(true, "搬迁外地", null, 0, at("2026-12-02T10:00"));

		assertThat(decision.next()).isEqualTo(Next.LOST);
		assertThat(decision.attempts()).isEqualTo(1);
		assertThat(decision.lostReason()).isEqualTo("搬迁外地");
	}

	private static Instant at(String local) {
		return LocalDateTime.parse(local).atZone(SHANGHAI).toInstant();
	}
}
