package com.retentiondesk.kpi;

import java.io.IOException;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAdjusters;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.util.MimeTypeUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.retentiondesk.casework.Staff;
import com.retentiondesk.web.AllowedGroups;
import com.retentiondesk.web.DeskGroups;
import com.retentiondesk.web.DeskPrincipal;

/**
 * {@code GET /api/reports/daily?date=2026-12-02}, {@code /weekly?week=2026-11-23} (any day of the week, Monday to
 * Sunday) and {@code /monthly?month=2026-11}: the 日报, 周报 and 月报 as .xlsx, or as JSON with
 * {@code Accept: application/json}; with {@code team=} or {@code manager=}. A phone manager gets their own, a
 * supervisor their team's (or one of its managers'), administrators any; anyone else 403. The daily report adds
 * the tasks due the next day (明日到期).
 */
@RestController
@AllowedGroups({ DeskGroups.PHONE_MANAGERS, DeskGroups.SUPERVISORS, DeskGroups.ADMINS })
class ReportController {

	private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	/** The JSON of a report: the figures of {@code /api/kpi}, and for a day the tasks due the next day. */
	record ReportJson(String title, String managerId, KpiReport figures, List<Kpis.DueTask> dueNext) {
	}

	/** Whose report: a team (null: all teams) or one manager. */
	private record Target(String team, String managerId) {
	}

	private final Reports reports;
	private final Kpis kpis;
	private final Staff staff;
	private final Clock clock;
	private final TeamScope scope;
	private final ObjectMapper json;

	ReportController(Reports reports, Kpis kpis, Staff staff, Clock clock, TeamScope scope, ObjectMapper json) {
		this.reports = reports;
		this.kpis = kpis;
		this.staff = staff;
		this.clock = clock;
		this.scope = scope;
		this.json = json;
	}

	@GetMapping("/api/reports/daily")
	void daily(@RequestParam(required = false) String date, @RequestParam(required = false) String team,
			@RequestParam(required = false) String manager, HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		LocalDate day = KpiController.date("date", date, LocalDate.now(clock));
		send(request, response, "retention-daily-" + day, "保有日报", day, day, target(request, team, manager), true);
	}

	@GetMapping("/api/reports/monthly")
	void monthly(@RequestParam(required = false) String month, @RequestParam(required = false) String team,
			@RequestParam(required = false) String manager, HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		YearMonth period;
		try {
			period = month == null || month.isBlank() ? YearMonth.now(clock) : YearMonth.parse(month.trim());
		} catch (DateTimeParseException e) {
			throw new IllegalArgumentException("month: 月份格式错误 '" + month + "' (应为 yyyy-MM)");
		}
		send(request, response, "retention-monthly-" + period, "保有月报", period.atDay(1), period.atEndOfMonth(),
				target(request, team, manager), false);
	}

	@GetMapping("/api/reports/weekly")
	void weekly(@RequestParam(required = false) String week, @RequestParam(required = false) String team,
			@RequestParam(required = false) String manager, HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		LocalDate day = KpiController.date("week", week, LocalDate.now(clock));
		LocalDate monday = day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
		send(request, response, "retention-weekly-" + monday, "保有周报", monday, monday.plusDays(6),
				target(request, team, manager), false);
	}

	/** Whose report the caller may have: see the class comment. */
	private Target target(HttpServletRequest request, String team, String manager) {
		DeskPrincipal caller = DeskPrincipal.of(request);
		String managerId = manager == null || manager.isBlank() ? null : manager.strip();
		boolean admin = caller.groups().contains(DeskGroups.ADMINS);
		boolean supervisor = caller.groups().contains(DeskGroups.SUPERVISORS);
		if (!admin && !supervisor) {
			// a phone manager: their own report only
			if ((managerId != null && !managerId.equals(caller.userId())) || (team != null && !team.isBlank())) {
				throw new ResponseStatusException(HttpStatus.FORBIDDEN, "无权查看: 电话经理只能查看自己的报表");
			}
			return new Target(null, caller.userId());
		}
		if (managerId == null) {
			return new Target(scope.resolve(request, team), null);
		}
		if (!staff.phoneManagerIds().contains(managerId)) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, "没有电话经理 " + managerId);
		}
		if (!admin && staff.teamOf(managerId).map(t -> !staff.teamsOf(caller.userId()).contains(t)).orElse(true)) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN, "无权查看 " + managerId + " 的报表: 主管只能查看本班组");
		}
		return new Target(null, managerId);
	}

	/** JSON when the caller's first choice is JSON ({@code Accept: application/json}); else the workbook. */
	static boolean wantsJson(String accept) {
		if (accept == null || accept.isBlank()) {
			return false;
		}
		try {
			List<MediaType> types = MediaType.parseMediaTypes(accept);
			MimeTypeUtils.sortBySpecificity(types);
			return !types.isEmpty() && types.get(0).isCompatibleWith(MediaType.APPLICATION_JSON)
					&& !types.get(0).isWildcardType();
		} catch (org.springframework.http.InvalidMediaTypeException e) {
			return false;
		}
	}

	private void send(HttpServletRequest request, HttpServletResponse response, String filename, String title,
			LocalDate from, LocalDate to, Target target, boolean daily) throws IOException {
		KpiReport report = target.managerId() == null ? kpis.report(from, to, target.team())
				: kpis.reportOf(from, to, target.managerId());
		List<Kpis.DueTask> dueNext = daily ? kpis.dueOn(to.plusDays(1), target.managerId() == null
				? kpis.managersOf(target.team()) : List.of(target.managerId())) : null;
		String who = target.managerId() == null ? "" : " " + staff.nameOf(target.managerId());
		if (wantsJson(request.getHeader("Accept"))) {
			response.setContentType(MediaType.APPLICATION_JSON_VALUE);
			response.setCharacterEncoding("UTF-8");
			json.writeValue(response.getOutputStream(), new ReportJson(title + who, target.managerId(), report, dueNext));
			return;
		}
		response.setContentType(XLSX);
		response.setHeader("Content-Disposition", "attachment; filename=\"" + filename
				+ (target.managerId() == null ? "" : "-" + target.managerId()) + ".xlsx\"");
		reports.write(title + who, report, dueNext, response.getOutputStream());
	}
}
