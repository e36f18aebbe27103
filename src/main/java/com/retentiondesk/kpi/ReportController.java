package com.retentiondesk.kpi;

import java.io.IOException;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAdjusters;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.retentiondesk.web.AllowedGroups;
import com.retentiondesk.web.DeskGroups;

/**
 * {@code GET /api/reports/monthly?month=2026-11} and {@code /weekly?week=2026-11-23} (any day of the
 * week, Monday to Sunday): the 月报 and 周报 as .xlsx, for supervisors and administrators.
 */
@RestController
@AllowedGroups({ DeskGroups.SUPERVISORS, DeskGroups.ADMINS })
class ReportController {

	private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	private final Reports reports;
	private final Clock clock;
	private final TeamScope scope;

	ReportController(Reports reports, Clock clock, TeamScope scope) {
		this.reports = reports;
		this.clock = clock;
		this.scope = scope;
	}

	@GetMapping("/api/reports/monthly")
	void monthly(@RequestParam(required = false) String month, @RequestParam(required = false) String team,
			HttpServletRequest request, HttpServletResponse response) throws IOException {
		YearMonth period;
		try {
			period = month == null || month.isBlank() ? YearMonth.now(clock) : YearMonth.parse(month.trim());
		} catch (DateTimeParseException e) {
			throw new IllegalArgumentException("month: 月份格式错误 '" + month + "' (应为 yyyy-MM)");
		}
		send(response, "retention-monthly-" + period + ".xlsx", "保有月报", period.atDay(1), period.atEndOfMonth(),
				scope.resolve(request, team));
	}

	@GetMapping("/api/reports/weekly")
	void weekly(@RequestParam(required = false) String week, @RequestParam(required = false) String team,
			HttpServletRequest request, HttpServletResponse response) throws IOException {
		LocalDate day = KpiController.date("week", week, LocalDate.now(clock));
		LocalDate monday = day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
		send(response, "retention-weekly-" + monday + ".xlsx", "保有周报", monday, monday.plusDays(6),
				scope.resolve(request, team));
	}

	private void send(HttpServletResponse response, String filename, String title, LocalDate from, LocalDate to,
			String team) throws IOException {
		response.setContentType(XLSX);
		response.setHeader("Content-Disposition", "attachment; filename=\"" + filename + "\"");
		reports.write(title, from, to, team, response.getOutputStream());
	}
}
