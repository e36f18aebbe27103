package com.retentiondesk.notification;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Writes SMS to the log instead of sending them, until the operator's SMS gateway is connected: a
 * gateway bean marked {@code @Primary} takes its place.
 */
@Component
class LoggingSmsGateway implements SmsGateway {

	private static final Logger log = LoggerFactory.getLogger(LoggingSmsGateway.class);

	@Override
	public void send(String phoneNumber, String text) {
		log.info("SMS to {}: {}", phoneNumber, text);
	}
}
