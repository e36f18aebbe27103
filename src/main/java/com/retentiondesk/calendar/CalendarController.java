package com.retentiondesk.calendar;

import java.util.List;
import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import com.retentiondesk.web.AllowedGroups;
import com.retentiondesk.web.DeskGroups;

/**
 * {@code GET /api/admin/calendar/{year}}: the year's public holidays and make-up working days;
 * {@code PUT} replaces the whole year with a list of {@code {"date": "2027-02-06", "type": "HOLIDAY" |
 * "WORKDAY", "name": "春节"}} (an administrator enters the State Council's notice). Administrators only.
 */
@RestController
@AllowedGroups(DeskGroups.ADMINS)
class CalendarController {

	private final CalendarDays days;
	private final CalendarCheck check;

	CalendarController(CalendarDays days, CalendarCheck check) {
		this.days = days;
		this.check = check;
	}

	@GetMapping("/api/admin/calendar/{year}")
	Map<String, Object> year(@PathVariable String year) {
		int y = parseYear(year);
		return Map.of("year", y, "days", days.entries(y));
	}

	@PutMapping("/api/admin/calendar/{year}")
	Map<String, Object> replace(@PathVariable String year, @RequestBody List<CalendarDays.Entry> entries) {
		int y = parseYear(year);
		days.replace(y, entries);
		days.forget(y);
		check.checkNextYear();
		return year(year);
	}

	private static int parseYear(String year) {
		try {
			int y = Integer.parseInt(year.trim());
			if (y < 2000 || y > 2100) {
				throw new NumberFormatException();
			}
			return y;
		} catch (NumberFormatException e) {
			throw new IllegalArgumentException("year: 年份应为2000到2100之间的数字: '" + year + "'");
		}
	}
}
