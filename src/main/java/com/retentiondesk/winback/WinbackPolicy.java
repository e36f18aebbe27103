package com.retentiondesk.winback;

import com.retentiondesk.customer.LineStatus;

/**
 * When a suspension is a new reason for a win-back case. A line that was active (or not known to be
 * stopped) and is now stopped is a new stop; so is a single stop that becomes a double stop (the
 * alternate numbers have not been tried). A stop reported again for a line already stopped as hard
 * (billing sending the same state twice, at another time) is the stop a case has already worked, if
 * one ended lost or expired since the last payment or reactivation.
 */
final class WinbackPolicy {

	private WinbackPolicy() {
	}

	/** Whether the event stops the line harder than it was stopped before. */
	static boolean isNewStop(LineStatus before, StopKind kind) {
		return switch (before) {
			case SINGLE_STOP -> kind == StopKind.DOUBLE_STOP;
			case DOUBLE_STOP -> false;
			case ACTIVE, CLOSED -> true;
		};
	}
}
