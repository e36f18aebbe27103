package com.retentiondesk.expiry;

import java.time.Period;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/**
 * {@code desk.expiry}: cases open {@code openBefore} an agreement ends; the call is due within
 * {@code callWithinWorkingDays}; a customer thinking it over is called back after {@code callback};
 * an unreachable one is tried {@code maxUnreachableAttempts} times; a supervisor steps in
 * {@code escalateBefore} the end; an accepted offer renews the agreement for {@code renewal}.
 */
@ConfigurationProperties("desk.expiry")
record ExpirySettings(Period openBefore, int callWithinWorkingDays, Period callback, int maxUnreachableAttempts,
		Period escalateBefore, Period renewal, int scanChunkSize) {

	ExpirySettings {
		openBefore = openBefore == null ? Period.ofDays(60) : openBefore;
		callWithinWorkingDays = callWithinWorkingDays <= 0 ? 3 : callWithinWorkingDays;
		callback = callback == null ? Period.ofDays(7) : callback;
		maxUnreachableAttempts = maxUnreachableAttempts <= 0 ? 3 : maxUnreachableAttempts;
		escalateBefore = escalateBefore == null ? Period.ofDays(14) : escalateBefore;
		renewal = renewal == null ? Period.ofMonths(12) : renewal;
		scanChunkSize = scanChunkSize <= 0 ? 500 : scanChunkSize;
	}

	@Configuration
	@EnableConfigurationProperties(ExpirySettings.class)
	static class Enable {
	}
}
