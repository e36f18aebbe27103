package com.retentiondesk.arrears;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;

import com.retentiondesk.calendar.WorkCalendar;

/**
 * When an arrears case wakes up after a reminder call: the day after the date the customer promised to
 * pay, or else after {@code followUp} (first call; the second call is then due by the end of that
 * working day) or {@code finalWait} (second call; the case then ends unpaid), always in calling hours
 * on a working day. Plain Java.
 */
record ArrearsFollowUpPolicy(WorkCalendar calendar, Period followUp, Period finalWait) {

	/** After the first call: when the case looks again for a payment, and when the second call is due. */
	record AfterFirstCall(Instant followUpAt, Instant secondCallDue) {
	}

	AfterFirstCall afterFirstCall(LocalDate promisedDate, Instant now) {
		Instant followUpAt = calendar.callAgainAt(promisedDate, now, followUp);
		return new AfterFirstCall(followUpAt, calendar.endOfWorkingDay(followUpAt));
	}

	/** After the second call: when the case ends unpaid if no payment came. */
	Instant afterSecondCall(LocalDate promisedDate, Instant now) {
		return calendar.callAgainAt(promisedDate, now, finalWait);
	}
}
