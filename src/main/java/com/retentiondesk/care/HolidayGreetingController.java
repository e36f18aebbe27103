package com.retentiondesk.care;

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
 * {@code GET /api/care/holidays/{year}}: the holidays greeted in the year (every manager sees the list);
 * {@code PUT /api/admin/care/holidays/{year}} with {@code [{"name": "春节", "date": "2027-02-06"}, ...]} replaces
 * it (administrators).
 */
@RestController
class HolidayGreetingController {

	private final HolidayGreetings holidays;

	HolidayGreetingController(HolidayGreetings holidays) {
		this.holidays = holidays;
	}

	@GetMapping("/api/care/holidays/{year}")
	@AllowedGroups({ DeskGroups.PHONE_MANAGERS, DeskGroups.SUPERVISORS, DeskGroups.ADMINS })
	Map<String, Object> year(@PathVariable String year) {
		int y = parseYear(year);
		return Map.of("year", y, "holidays", holidays.year(y));
	}

	@PutMapping("/api/admin/care/holidays/{year}")
	@AllowedGroups(DeskGroups.ADMINS)
	Map<String, Object> replace(@PathVariable String year, @RequestBody List<HolidayGreetings.Holiday> list) {
		int y = parseYear(year);
		holidays.replace(y, list);
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
