package com.retentiondesk.notification;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway without an SMS centre ({@code SMPP_HOST} not set): accepts every message and sends nothing. The
 * message stays in the outbox (status SENT, gateway LOCAL, no receipt), where the customer's contact log and
 * {@code GET /api/admin/sms?customerNo=} show it, so the demo runs without an SMS centre.
 */
class LocalSmsGateway implements SmsGateway {

	static final String NAME = "LOCAL";
	private static final Logger log = LoggerFactory.getLogger(LocalSmsGateway.class);

	@Override
	public Submitted submit(String phoneNumber, String text) {
		int parts = SmsText.parts(text);
		List<String> ids = new ArrayList<>(parts);
		String id = UUID.randomUUID().toString();
		for (int i = 1; i <= parts; i++) {
			ids.add(id + "-" + i);
		}
		log.info("SMS to {} kept locally (no SMS centre configured), {} part(s): {}", phoneNumber, parts, text);
		return new Submitted(ids, NAME, false);
	}
}
