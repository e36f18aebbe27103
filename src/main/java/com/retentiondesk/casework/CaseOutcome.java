package com.retentiondesk.casework;

/** How a retention case ended. */
public enum CaseOutcome {
	PAID, UNPAID, SUSPENDED, RETAINED, WON_BACK, UPGRADED, DECLINED, UNREACHABLE, LOST, EXPIRED, CANCELLED
}
