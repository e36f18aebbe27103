package com.retentiondesk.notification;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The connection to the operator's SMS centre ({@code desk.sms.smpp}, from {@code SMPP_HOST}, {@code SMPP_PORT},
 * {@code SMPP_SYSTEM_ID}, {@code SMPP_PASSWORD}, {@code SMPP_SOURCE_ADDR}): set {@code host} and the desk sends
 * SMS over SMPP in every profile; leave it empty and {@link LocalSmsGateway} keeps them in the outbox.
 *
 * @param window submits awaiting their answer at once
 * @param ratePerSecond submit_sm PDUs (message parts) per second at most
 * @param responseTimeout how long a submit waits for its answer; then its outcome is unknown
 * @param bindWait how long a submit waits for a bound link before it fails (and its job retries)
 * @param reconnectMin first wait before binding again after the link dropped, doubled up to reconnectMax
 * @param throttleRetries how often a part refused as throttled (0x58) or queue full (0x14) is submitted again,
 *        waiting throttleBackoff, then twice that...
 */
@ConfigurationProperties("desk.sms.smpp")
public record SmppSettings(String host, @DefaultValue("2775") int port, String systemId, String password,
		String sourceAddr, @DefaultValue("") String systemType, @DefaultValue("30s") Duration enquireLink,
		@DefaultValue("10s") Duration responseTimeout, @DefaultValue("10s") Duration bindWait,
		@DefaultValue("1s") Duration reconnectMin, @DefaultValue("60s") Duration reconnectMax,
		@DefaultValue("10") int window, @DefaultValue("100") int ratePerSecond,
		@DefaultValue("5") int throttleRetries, @DefaultValue("500ms") Duration throttleBackoff) {

	/** Whether the desk sends over SMPP ({@code SMPP_HOST} set). */
	public boolean enabled() {
		return present(host);
	}

	/**
	 * Refuses a half-way configuration: a host without system id, password or source address, or those
	 * without a host (the desk would silently keep every SMS to itself).
	 */
	public void check() {
		List<String> missing = new ArrayList<>();
		List<String> given = new ArrayList<>();
		(present(host) ? given : missing).add("SMPP_HOST");
		(present(systemId) ? given : missing).add("SMPP_SYSTEM_ID");
		(present(password) ? given : missing).add("SMPP_PASSWORD");
		(present(sourceAddr) ? given : missing).add("SMPP_SOURCE_ADDR");
		if (!given.isEmpty() && !missing.isEmpty()) {
			throw new IllegalStateException("SMPP is configured half-way: " + String.join(", ", given)
					+ " set but " + String.join(", ", missing) + " missing. Set all of SMPP_HOST, SMPP_SYSTEM_ID, "
					+ "SMPP_PASSWORD and SMPP_SOURCE_ADDR to send SMS through the SMS centre, or none of them to keep "
					+ "SMS in the desk (local gateway).");
		}
		if (enabled() && (port < 1 || port > 65535)) {
			throw new IllegalStateException("SMPP_PORT " + port + " is no TCP port");
		}
		if (enabled() && (window < 1 || ratePerSecond < 1)) {
			throw new IllegalStateException("desk.sms.smpp.window and rate-per-second must be at least 1");
		}
	}

	private static boolean present(String value) {
		return value != null && !value.isBlank();
	}
}
