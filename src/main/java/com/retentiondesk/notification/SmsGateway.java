package com.retentiondesk.notification;

/** Sends an SMS. The operator's gateway plugs in here; the desk ships a logging implementation. */
public interface SmsGateway {

	/** @throws RuntimeException when the gateway did not accept the message (the job then retries) */
	void send(String phoneNumber, String text);
}
