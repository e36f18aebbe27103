package com.retentiondesk.winback;

import java.util.Collection;

import com.retentiondesk.casework.CaseOutcome;
import com.retentiondesk.customer.LineStatus;

/**
 * When a suspension is a new reason for a win-back case. The stop a case has worked is the one since
 * the last payment or reactivation, if a case ended lost or expired since (a case won back leaves
 * nothing to rest on: the next stop is a new one). Then:
 * <ul>
 * <li>a case ended lost (the customer said they left, or three attempts failed): no new case until a
 * payment or reactivation;</li>
 * <li>a case ended expired (a single stop that neither paid nor became a double stop within 30 days):
 * a double stop is a new reason (the alternate numbers have not been tried), the same stop reported
 * again (billing sending the state twice, at another time) is not.</li>
 * </ul>
 */
final class WinbackPolicy {

	private WinbackPolicy() {
	}

	/**
	 * @param before     the line's status before the event
	 * @param workedStop how the cases that worked the current stop ended (lost or expired; empty if none)
	 */
	static boolean opensCase(LineStatus before, StopKind kind, Collection<CaseOutcome> workedStop) {
		if (workedStop.isEmpty()) {
			return true;
		}
		if (workedStop.contains(CaseOutcome.LOST)) {
			return false;
		}
		return isNewStop(before, kind);
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
