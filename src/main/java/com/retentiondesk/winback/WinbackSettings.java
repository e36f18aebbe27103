package com.retentiondesk.winback;

import java.time.Duration;
import java.time.Period;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

import com.retentiondesk.calendar.WorkCalendar;

/**
 * {@code desk.winback}: the single-stop call is due within {@code immediateCallWithin} of calling
 * time; alternate numbers are tried {@code maxAttempts} times {@code retryAfter} apart; a single stop
 * that neither pays nor turns into a double stop expires after {@code singleStopWait}.
 */
@ConfigurationProperties("desk.winback")
record WinbackSettings(Duration immediateCallWithin, Period retryAfter, int maxAttempts, Period singleStopWait) {

	WinbackSettings {
		immediateCallWithin = immediateCallWithin == null ? Duration.ofHours(2) : immediateCallWithin;
		retryAfter = retryAfter == null ? Period.ofDays(5) : retryAfter;
		maxAttempts = maxAttempts <= 0 ? 3 : maxAttempts;
		singleStopWait = singleStopWait == null ? Period.ofDays(30) : singleStopWait;
	}

	WinbackCallPolicy callPolicy(WorkCalendar calendar) {
		return new WinbackCallPolicy(calendar, singleStopWait, retryAfter, maxAttempts);
	}

	@Configuration
	@EnableConfigurationProperties(WinbackSettings.class)
	static class Enable {
	}
}
