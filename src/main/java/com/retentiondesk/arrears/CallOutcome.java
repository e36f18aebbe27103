package com.retentiondesk.arrears;

/** The answer to "是否接通" in the arrears call form. */
enum CallOutcome {
	REACHED, NOT_REACHED
}
