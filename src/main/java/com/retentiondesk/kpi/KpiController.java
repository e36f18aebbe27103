package com.retentiondesk.kpi;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.retentiondesk.calendar.CalendarCheck;
import com.retentiondesk.web.AllowedGroups;
import com.retentiondesk.web.DeskGroups;

/**
 * {@code GET /api/kpi?from=&to=&team=}: the supervisors' figures (default: this month; a supervisor's own
 * team, all teams for administrators); {@code GET /api/kpi/teams}: the teams the caller may choose.
 */
@RestController
class KpiController {

	private final Kpis kpis;
	private final java.time.Clock clock;
	private final TeamScope scope;
	private final CalendarCheck calendar;
	private final KpiTrend trend;

	KpiController(Kpis kpis, java.time.Clock clock, TeamScope scope, CalendarCheck calendar, KpiTrend trend) {
		this.trend = trend;
		this.kpis = kpis;
		this.calendar = calendar;
		this.clock = clock;
		this.scope = scope;
	}

	/** {@code all}: the caller may see every team (and all of them at once); else only {@code teams}. */
	record Teams(boolean all, java.util.List<String> teams) {
	}

	@GetMapping("/api/kpi/teams")
	@AllowedGroups({ DeskGroups.SUPERVISORS, DeskGroups.ADMINS })
	Teams teams(jakarta.servlet.http.HttpServletRequest request) {
		java.util.List<String> own = scope.choosable(request);
		return own == null ? new Teams(true, java.util.List.of()) : new Teams(false, own);
	}

	/** {@code GET /api/kpi/trend?weeks=12&team=}: the dashboard's trend, per case type and week. */
	@GetMapping("/api/kpi/trend")
	@AllowedGroups({ DeskGroups.SUPERVISORS, DeskGroups.ADMINS })
	KpiTrend.Trend trend(@RequestParam(required = false) Integer weeks, @RequestParam(required = false) String team,
			jakarta.servlet.http.HttpServletRequest request) {
		int count = weeks == null ? 12 : weeks;
		if (count < 1 || count > 104) {
			throw new IllegalArgumentException("weeks: 周数应在 1 到 104 之间");
		}
		return trend.weeks(count, scope.resolve(request, team));
	}

	@GetMapping("/api/kpi")
	@AllowedGroups({ DeskGroups.SUPERVISORS, DeskGroups.ADMINS })
	KpiReport kpi(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) String team, jakarta.servlet.http.HttpServletRequest request) {
		LocalDate today = LocalDate.now(clock);
		LocalDate first = date("from", from, today.withDayOfMonth(1));
		LocalDate last = date("to", to, today.withDayOfMonth(today.lengthOfMonth()));
		if (last.isBefore(first)) {
			throw new IllegalArgumentException("to: 结束日期早于开始日期 (" + first + " - " + last + ")");
		}
		if (first.plusYears(2).isBefore(last)) {
			throw new IllegalArgumentException("to: 统计区间最长两年");
		}
		return kpis.report(first, last, scope.resolve(request, team)).withWarnings(calendar.warnings());
	}

	static LocalDate date(String field, String value, LocalDate fallback) {
		if (value == null || value.isBlank()) {
			return fallback;
		}
		try {
			return LocalDate.parse(value.trim());
		} catch (DateTimeParseException e) {
			throw new IllegalArgumentException(field + ": 日期格式错误 '" + value + "' (应为 yyyy-MM-dd)");
		}
	}
}
