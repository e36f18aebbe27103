package com.retentiondesk.calendar;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code desk.calendar}: the time zone, the calling hours ("09:00-12:00") and the public holidays
 * and make-up working days (调休) that decide which days are working days.
 */
@ConfigurationProperties("desk.calendar")
public record WorkCalendarProperties(ZoneId zone, List<String> callingHours, Set<LocalDate> holidays,
		Set<LocalDate> workdays) {

	public WorkCalendarProperties {
		zone = zone == null ? ZoneId.of("Asia/Shanghai") : zone;
		callingHours = callingHours == null || callingHours.isEmpty() ? List.of("09:00-12:00", "14:00-20:00")
				: callingHours;
		holidays = holidays == null ? Set.of() : Set.copyOf(holidays);
		workdays = workdays == null ? Set.of() : Set.copyOf(workdays);
	}
}
