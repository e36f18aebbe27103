package com.retentiondesk.inbound;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/**
 * {@code desk.inbound}: a call-back is due within {@code callbackWithin} of calling time after the call (2 hours);
 * an unanswered call-back is tried again {@code retryAfter} of calling time later (1 hour), {@code maxAttempts}
 * times in all (3); the result of a fault report or complaint is told by the end of the
 * {@code tellOutcomeWorkingDays}-th working day after the call (2).
 */
@ConfigurationProperties("desk.inbound")
record InboundSettings(Duration callbackWithin, Duration retryAfter, int maxAttempts, int tellOutcomeWorkingDays) {

	InboundSettings {
		callbackWithin = callbackWithin == null ? Duration.ofHours(2) : callbackWithin;
		retryAfter = retryAfter == null ? Duration.ofHours(1) : retryAfter;
		maxAttempts = maxAttempts <= 0 ? 3 : maxAttempts;
		tellOutcomeWorkingDays = tellOutcomeWorkingDays <= 0 ? 2 : tellOutcomeWorkingDays;
	}

	@Configuration
	@EnableConfigurationProperties(InboundSettings.class)
	static class Enable {
	}
}
