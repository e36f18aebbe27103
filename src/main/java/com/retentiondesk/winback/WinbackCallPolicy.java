package com.retentiondesk.winback;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;

import com.retentiondesk.calendar.WorkCalendar;
import com.retentiondesk.winback.WinbackProcess.Next;

/**
 * What follows a win-back call. After the immediate call on a single stop: the case waits (until
 * {@code singleStopWait} has passed, in calling time) unless the customer has left. After a call to an
 * alternate number: another attempt {@code retryAfter} later, or the day after a date the customer
 * promised, until {@code maxAttempts} calls were made; then, or when the customer has left, the case is
 * lost with the churn reason (or, without one, the attempts made). Plain Java.
 */
record WinbackCallPolicy(WorkCalendar calendar, Period singleStopWait, Period retryAfter, int maxAttempts) {

	/**
	 * The decision: what the process does next, the alternate attempts made so far, until when a single
	 * stop waits, when the next attempt is and is due, and the reason a lost case ends with. Times that do
	 * not apply are null.
	 */
	record Decision(Next next, int attempts, Instant singleStopWaitUntil, Instant nextAttemptAt, Instant callDue,
			String lostReason) {
	}

	/** After {@code Task_ImmediateCall}. */
	Decision afterImmediateCall(boolean churned, String reasonLabel, Instant now) {
		Instant waitUntil = calendar.nextCallingTime(now.atZone(calendar.zone()).plus(singleStopWait).toInstant());
		return churned ? new Decision(Next.LOST, 0, waitUntil, null, null, lostReason(reasonLabel))
				: new Decision(Next.WAIT, 0, waitUntil, null, null, null);
	}

	/** After {@code Task_AlternateContactCall}, the {@code attemptsBefore} + 1st attempt. */
	Decision afterAlternateCall(boolean churned, String reasonLabel, LocalDate promisedDate, int attemptsBefore, Instant now) {
		int attempts = attemptsBefore + 1;
		if (churned || attempts >= maxAttempts) {
			return new Decision(Next.LOST, attempts, null, null, null, lostReason(reasonLabel));
		}
		Instant next = calendar.callAgainAt(promisedDate, now, retryAfter);
		return new Decision(Next.RETRY, attempts, null, next, calendar.endOfWorkingDay(next), null);
	}

	private String lostReason(String reasonLabel) {
		return reasonLabel != null ? reasonLabel : "尝试" + maxAttempts + "次均未能联系或挽留";
	}
}
