package com.retentiondesk.trafficdecline;

import java.time.Period;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/**
 * {@code desk.traffic-decline}: a {@code STAGE_1} call is due within {@code stage1CallWithinWorkingDays}
 * working days, the others within {@code callWithinWorkingDays}; an unreachable customer is tried
 * {@code maxUnreachableAttempts} times, the next working day each.
 */
@ConfigurationProperties("desk.traffic-decline")
record TrafficDeclineSettings(int stage1CallWithinWorkingDays, int callWithinWorkingDays, int maxUnreachableAttempts,
		Period callback) {

	TrafficDeclineSettings {
		stage1CallWithinWorkingDays = stage1CallWithinWorkingDays <= 0 ? 2 : stage1CallWithinWorkingDays;
		callWithinWorkingDays = callWithinWorkingDays <= 0 ? 5 : callWithinWorkingDays;
		maxUnreachableAttempts = maxUnreachableAttempts <= 0 ? 3 : maxUnreachableAttempts;
		callback = callback == null ? Period.ofDays(7) : callback;
	}

	TrafficDeclinePolicy policy() {
		return new TrafficDeclinePolicy(stage1CallWithinWorkingDays, callWithinWorkingDays);
	}

	@Configuration
	@EnableConfigurationProperties(TrafficDeclineSettings.class)
	static class Enable {
	}
}
