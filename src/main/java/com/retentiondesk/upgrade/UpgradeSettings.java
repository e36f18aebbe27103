package com.retentiondesk.upgrade;

import java.time.Period;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/**
 * {@code desk.upgrade}: the upgrade call is due by the dispatch deadline, at most
 * {@code callWithinWorkingDays} working days away; callbacks after {@code callback}; an unreachable
 * customer is tried {@code maxUnreachableAttempts} times; the manager verifies an order not activated
 * after {@code activationWait}; a customer whose upgrade case ended declined is not dispatched again for
 * {@code reopenAfter} (default P90D).
 */
@ConfigurationProperties("desk.upgrade")
record UpgradeSettings(int callWithinWorkingDays, Period callback, int maxUnreachableAttempts, Period activationWait,
		int chunkSize, Period reopenAfter) {

	UpgradeSettings {
		callWithinWorkingDays = callWithinWorkingDays <= 0 ? 5 : callWithinWorkingDays;
		callback = callback == null ? Period.ofDays(7) : callback;
		maxUnreachableAttempts = maxUnreachableAttempts <= 0 ? 3 : maxUnreachableAttempts;
		activationWait = activationWait == null ? Period.ofDays(7) : activationWait;
		chunkSize = chunkSize <= 0 ? 500 : chunkSize;
		reopenAfter = reopenAfter == null ? Period.ofDays(90) : reopenAfter;
	}

	@Configuration
	@EnableConfigurationProperties(UpgradeSettings.class)
	static class Enable {
	}
}
