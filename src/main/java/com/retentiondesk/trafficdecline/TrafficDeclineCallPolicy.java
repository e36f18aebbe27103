package com.retentiondesk.trafficdecline;

import java.time.Instant;
import java.time.LocalDate;

import com.retentiondesk.calendar.WorkCalendar;

/**
 * What follows a traffic-decline call: the offer accepted ends the case retained, no action needed ends
 * it as such, lost ends it lost (each with what the customer said as its reason); an unreachable customer
 * is called again the next working day, until {@code maxUnreachable} attempts, then the case ends
 * unreachable. Plain Java.
 */
record TrafficDeclineCallPolicy(WorkCalendar calendar, int maxUnreachable) {

	/** What the process does next; {@code TrafficDeclineRetentionProcess}'s gateway reads its name. */
	enum Next {
		RETAINED, NO_ACTION, LOST, CALL_AGAIN, UNREACHABLE
	}

	record Decision(Next next, int unreachableAttempts, Instant nextCallAt, Instant callDue, String outcomeReason) {
	}

	Decision decide(TrafficDeclineCall call, int unreachableBefore, LocalDate today) {
		if (call.result() == TrafficDeclineCall.Result.UNREACHABLE) {
			int attempts = unreachableBefore + 1;
			if (attempts >= maxUnreachable) {
				return new Decision(Next.UNREACHABLE, attempts, null, null, maxUnreachable + "次均未接通");
			}
			Instant at = calendar.startOfCalling(calendar.nextWorkingDay(today));
			return new Decision(Next.CALL_AGAIN, attempts, at, calendar.endOfWorkingDay(at), null);
		}
		String reason = "客户反映: " + call.said() + "; " + TrafficDeclineCall.ACTIONS.get(call.action());
		return switch (call.action()) {
			case OFFER -> new Decision(Next.RETAINED, unreachableBefore, null, null, reason);
			case NO_ACTION -> new Decision(Next.NO_ACTION, unreachableBefore, null, null, reason);
			case LOST -> new Decision(Next.LOST, unreachableBefore, null, null, reason);
		};
	}
}
