package com.retentiondesk.calendar;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
@EnableConfigurationProperties(WorkCalendarProperties.class)
class CalendarConfiguration {

	@Bean
	WorkCalendar workCalendar(WorkCalendarProperties properties) {
		return new WorkCalendar(properties);
	}
}
