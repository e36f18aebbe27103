package com.retentiondesk.packageadvice;

import java.time.Period;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/**
 * {@code desk.package-advice}: the call is due within {@code callWithinWorkingDays}; a customer thinking
 * it over is called back after {@code callback}; an unreachable one is tried {@code maxUnreachableAttempts}
 * times.
 */
@ConfigurationProperties("desk.package-advice")
record PackageAdviceSettings(int callWithinWorkingDays, Period callback, int maxUnreachableAttempts) {

	PackageAdviceSettings {
		callWithinWorkingDays = callWithinWorkingDays <= 0 ? 5 : callWithinWorkingDays;
		callback = callback == null ? Period.ofDays(7) : callback;
		maxUnreachableAttempts = maxUnreachableAttempts <= 0 ? 3 : maxUnreachableAttempts;
	}

	@Configuration
	@EnableConfigurationProperties(PackageAdviceSettings.class)
	static class Enable {
	}
}
