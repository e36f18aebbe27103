package com.retentiondesk.arrears;

import java.math.BigDecimal;
import java.time.Period;

import org.springframework.boot.context.properties.ConfigurationProperties;

import com.retentiondesk.calendar.WorkCalendar;

/**
 * {@code desk.arrears}: who gets a reminder, how many automatic reminders a CDMA 普1 customer gets before
 * the manager calls ({@code auto-reminders}, default 2, one per working day) and how long the case waits
 * for payment; after a case ended unpaid or suspended, none for {@code reopen-after} (default P30D) unless a
 * payment came in meanwhile.
 */
@ConfigurationProperties("desk.arrears")
record ArrearsSettings(BigDecimal prepaidBalanceBelow, int postpaidArrearsMonths, Period followUp, Period finalWait,
		int scanChunkSize, int autoReminders, Period reopenAfter) {

	ArrearsSettings {
		prepaidBalanceBelow = prepaidBalanceBelow == null ? BigDecimal.TEN : prepaidBalanceBelow;
		postpaidArrearsMonths = postpaidArrearsMonths <= 0 ? 2 : postpaidArrearsMonths;
		followUp = followUp == null ? Period.ofDays(3) : followUp;
		finalWait = finalWait == null ? Period.ofDays(3) : finalWait;
		scanChunkSize = scanChunkSize <= 0 ? 500 : scanChunkSize;
		autoReminders = autoReminders <= 0 ? 2 : autoReminders;
		reopenAfter = reopenAfter == null ? Period.ofDays(30) : reopenAfter;
	}

	ArrearsAutoReminderPolicy autoReminderPolicy(WorkCalendar calendar) {
		return new ArrearsAutoReminderPolicy(calendar, autoReminders);
	}

	ArrearsFollowUpPolicy followUpPolicy(WorkCalendar calendar) {
		return new ArrearsFollowUpPolicy(calendar, followUp, finalWait);
	}

	ArrearsPolicy policy() {
		return new ArrearsPolicy(prepaidBalanceBelow, postpaidArrearsMonths);
	}
}
