package com.retentiondesk.profile;

import java.time.DayOfWeek;
import java.time.LocalDate;

/**
 * When the weekly profile scan gives out verification calls, and how many: on Mondays (or any day by hand),
 * each manager up to the weekly number less the verification calls they still have open.
 */
final class ProfileScanPolicy {

	private ProfileScanPolicy() {
	}

	static boolean isScanDay(LocalDate today, boolean forced) {
		return forced || today.getDayOfWeek() == DayOfWeek.MONDAY;
	}

	/** How many new calls a manager gets: the weekly number less what is still open, never below zero. */
	static int newCalls(int weeklyTasks, long stillOpen) {
		return (int) Math.max(0, weeklyTasks - stillOpen);
	}
}
