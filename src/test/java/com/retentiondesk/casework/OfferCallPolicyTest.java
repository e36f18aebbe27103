package com.retentiondesk.casework;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Period;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import com.retentiondesk.calendar.WorkCalendar;
import com.retentiondesk.calendar.WorkCalendarProperties;
import com.retentiondesk.casework.OfferCall.Next;
import com.retentiondesk.casework.OfferCall.Result;

/** What follows an offer call (expiry, upgrade), without Spring or the engine. */
class OfferCallPolicyTest {

	private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
	/** A Wednesday. */
	private static final LocalDate TODAY = LocalDate.of(2026, 12, 2);
	private final OfferCallPolicy policy = new OfferCallPolicy(
			new WorkCalendar(new WorkCalendarProperties(SHANGHAI, null, null, null)), Period.ofDays(7), 3);

	@Test
	void shouldEndTheCallsWhenTheCustomerAccepts() {
		OfferCallPolicy.Decision decision = policy.decide(call(Result.ACCEPTED, null, null), 1, TODAY);

		assertThat(decision.next()).isEqualTo(Next.ACCEPTED);
		assertThat(decision.unreachableAttempts()).isEqualTo(1);
		assertThat(decision.nextCallAt()).isNull();
		assertThat(decision.outcomeReason()).isNull();
	}

	@Test
	void shouldEndDeclinedWithTheReason() {
		OfferCallPolicy.Decision decision = policy.decide(call(Result.DECLINED, null, "资费太高"), 0, TODAY);

		assertThat(decision.next()).isEqualTo(Next.DECLINED);
		assertThat(decision.outcomeReason()).isEqualTo("资费太高");
	}

	@Test
	void shouldCallBackAWeekLaterWithoutAnAgreedDate() {
		OfferCallPolicy.Decision decision = policy.decide(call(Result.THINKING, null, null), 0, TODAY);

		assertThat(decision.next()).isEqualTo(Next.CALL_AGAIN);
		assertThat(decision.nextCallAt()).isEqualTo(at("2026-12-09T09:00"));
		assertThat(decision.callDue()).isEqualTo(at("2026-12-09T20:00"));
	}

	@Test
	void shouldCallBackOnTheAgreedDateOrTheNextWorkingDay() {
		// agreed Saturday: Monday
		OfferCallPolicy.Decision decision = policy.decide(call(Result.THINKING, LocalDate.of(2026, 12, 5), null), 0, TODAY);

		assertThat(decision.nextCallAt()).isEqualTo(at("2026-12-07T09:00"));
	}

	@Test
	void shouldTryAnUnreachableCustomerTheNextWorkingDayThenEndUnreachable() {
		OfferCallPolicy.Decision first = policy.decide(call(Result.UNREACHABLE, null, null), 0, TODAY);
		assertThat(first.next()).isEqualTo(Next.CALL_AGAIN);
		assertThat(first.unreachableAttempts()).isEqualTo(1);
		assertThat(first.nextCallAt()).isEqualTo(at("2026-12-03T09:00"));

		OfferCallPolicy.Decision third = policy.decide(call(Result.UNREACHABLE, null, null), 2, TODAY);
		assertThat(third.next()).isEqualTo(Next.UNREACHABLE);
		assertThat(third.unreachableAttempts()).isEqualTo(3);
		assertThat(third.outcomeReason()).isEqualTo("3次均未接通");
		assertThat(third.nextCallAt()).isNull();
	}

	private static OfferCall call(Result result, LocalDate callback, String declineReason) {
		return new OfferCall(result, callback, declineReason, null, null);
	}

	private static Instant at(String local) {
		return LocalDateTime.parse(local).atZone(SHANGHAI).toInstant();
	}
}
