package com.retentiondesk.notification;

/**
 * What an SMS is for. Service notices (arrears reminders, line changes) go to every customer; care
 * (birthday, holiday, weather greetings) and marketing messages skip customers who opted out and end with
 * the opt-out hint that Chinese operators require.
 */
public enum SmsCategory {
	SERVICE, CARE, MARKETING;

	/** Appended to every care and marketing SMS. */
	public static final String OPT_OUT_HINT = "回复TD退订";

	/** Whether a customer's opt-out stops messages of this category. */
	public boolean honoursOptOut() {
		return this != SERVICE;
	}

	/** The text as sent: care and marketing messages end with {@link #OPT_OUT_HINT} (once). */
	public String textOf(String text) {
		if (!honoursOptOut() || text.endsWith(OPT_OUT_HINT)) {
			return text;
		}
		return text + OPT_OUT_HINT;
	}
}
