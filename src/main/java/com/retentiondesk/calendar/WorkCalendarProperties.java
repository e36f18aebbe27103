package com.retentiondesk.calendar;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code desk.calendar}: the time zone and the calling hours ("09:00-12:00"). The desk's public holidays and
 * make-up working days (调休) are data (table {@code calendar_day}, {@code /api/admin/calendar/{year}});
 * {@code holidays} and {@code workdays} here serve only a calendar built without the database (unit tests).
 * {@code cacheTtl}: how long a node keeps a year of the table before reading it again (default 30 s).
 */
@ConfigurationProperties("desk.calendar")
public record WorkCalendarProperties(ZoneId zone, List<String> callingHours, Set<LocalDate> holidays,
		Set<LocalDate> workdays, java.time.Duration cacheTtl) {

	public WorkCalendarProperties(ZoneId zone, List<String> callingHours, Set<LocalDate> holidays,
			Set<LocalDate> workdays) {
		this(zone, callingHours, holidays, workdays, null);
	}

	@org.springframework.boot.context.properties.bind.ConstructorBinding
	public WorkCalendarProperties {
		zone = zone == null ? ZoneId.of("Asia/Shanghai") : zone;
		callingHours = callingHours == null || callingHours.isEmpty() ? List.of("09:00-12:00", "14:00-20:00")
				: callingHours;
		holidays = holidays == null ? Set.of() : Set.copyOf(holidays);
		workdays = workdays == null ? Set.of() : Set.copyOf(workdays);
		cacheTtl = cacheTtl == null ? java.time.Duration.ofSeconds(30) : cacheTtl;
	}
}
