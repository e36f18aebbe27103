package com.retentiondesk.calendar;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

@Configuration
@EnableConfigurationProperties(WorkCalendarProperties.class)
class CalendarConfiguration {

	@Bean
	CalendarDays calendarDays(JdbcTemplate jdbc, WorkCalendarProperties properties) {
		return new CalendarDays(jdbc, properties.cacheTtl());
	}

	@Bean
	WorkCalendar workCalendar(WorkCalendarProperties properties, CalendarDays days) {
		return new WorkCalendar(properties, days);
	}
}
