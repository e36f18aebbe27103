package com.retentiondesk.casework;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;

import com.retentiondesk.calendar.WorkCalendar;
import com.retentiondesk.casework.OfferCall.Next;

/**
 * What follows an offer call (contract-expiry retention, PHS upgrade): accepted and declined end the calls
 * (a decline with its reason); a customer thinking it over is called back at the agreed date, or
 * {@code callback} later; an unreachable one again the next working day, until {@code maxUnreachable}
 * attempts, then the case ends unreachable. Calls land at the start of calling hours. Plain Java.
 */
public record OfferCallPolicy(WorkCalendar calendar, Period callback, int maxUnreachable) {

	/**
	 * The decision: what the process does next, the unreachable attempts so far, when the next call is
	 * (and due, both null unless {@link Next#CALL_AGAIN}), and the reason the case ends with (or null).
	 */
	public record Decision(Next next, int unreachableAttempts, Instant nextCallAt, Instant callDue, String outcomeReason) {
	}

	/** @param unreachableBefore the attempts that found the customer unreachable before this call */
	public Decision decide(OfferCall call, int unreachableBefore, LocalDate today) {
		return switch (call.result()) {
			case ACCEPTED -> new Decision(Next.ACCEPTED, unreachableBefore, null, null, null);
			case DECLINED -> new Decision(Next.DECLINED, unreachableBefore, null, null, call.declineReason());
			case THINKING -> callAgain(unreachableBefore,
					calendar.startOfCalling(call.callbackDate() != null ? call.callbackDate() : today.plus(callback)));
			case UNREACHABLE -> {
				int attempts = unreachableBefore + 1;
				yield attempts >= maxUnreachable ? new Decision(Next.UNREACHABLE, attempts, null, null, maxUnreachable + "次均未接通")
						: callAgain(attempts, calendar.startOfCalling(calendar.nextWorkingDay(today)));
			}
		};
	}

	private Decision callAgain(int attempts, Instant at) {
		return new Decision(Next.CALL_AGAIN, attempts, at, calendar.endOfWorkingDay(at), null);
	}
}
