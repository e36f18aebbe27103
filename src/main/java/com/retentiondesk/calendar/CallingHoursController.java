package com.retentiondesk.calendar;

import java.time.Clock;
import java.time.Instant;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import com.retentiondesk.web.AllowedGroups;
import com.retentiondesk.web.DeskGroups;

/**
 * {@code GET /api/calling-hours}: whether customers may be called now (Tasklist marks every call task when
 * not), with the desk's clock and working days (public holidays, 调休), which the browser does not know.
 */
@RestController
class CallingHoursController {

	/** Now, whether it lies in calling hours, the next moment that does, and the hours as people read them. */
	record CallingHours(Instant now, boolean callingNow, Instant nextCallingTime, String hours) {
	}

	private final WorkCalendar calendar;
	private final WorkCalendarProperties properties;
	private final Clock clock;

	CallingHoursController(WorkCalendar calendar, WorkCalendarProperties properties, Clock clock) {
		this.calendar = calendar;
		this.properties = properties;
		this.clock = clock;
	}

	@GetMapping("/api/calling-hours")
	@AllowedGroups({ DeskGroups.PHONE_MANAGERS, DeskGroups.SUPERVISORS, DeskGroups.ADMINS })
	CallingHours callingHours() {
		Instant now = clock.instant();
		Instant next = calendar.nextCallingTime(now);
		return new CallingHours(now, next.equals(now), next,
				"工作日 " + String.join(", ", properties.callingHours()).replace("-", "–"));
	}
}
