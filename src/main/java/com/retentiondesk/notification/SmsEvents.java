package com.retentiondesk.notification;

/** What the SMS centre tells the desk after a submit: delivery receipts and customers' replies (MO). */
public interface SmsEvents {

	/** The final outcome of one submitted part: delivered, or not with the SMS centre's error code. */
	void receipt(String smscMessageId, boolean delivered, String state, String errorCode);

	/** A customer's reply from their number. */
	void reply(String fromNumber, String text);
}
