package com.retentiondesk.system;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Beans the whole desk shares. */
@Configuration
class SystemConfiguration {

	@Bean
	Clock clock() {
		return new DeskClock(DeskClock.SHANGHAI);
	}
}
