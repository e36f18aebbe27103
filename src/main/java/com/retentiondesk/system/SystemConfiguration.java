package com.retentiondesk.system;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Beans the whole desk shares; {@code @Scheduled} sweeps (list jobs, the calendar check) run. */
@Configuration
@EnableScheduling
class SystemConfiguration {

	@Bean
	Clock clock() {
		return new DeskClock(DeskClock.SHANGHAI);
	}
}
