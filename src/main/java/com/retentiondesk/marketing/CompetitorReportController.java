package com.retentiondesk.marketing;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.retentiondesk.casework.Staff;
import com.retentiondesk.web.AllowedGroups;
import com.retentiondesk.web.DeskGroups;
import com.retentiondesk.web.DeskPrincipal;

/**
 * {@code GET /api/competitor-reports?since=2026-11-01}: the competitor notes from the calls since a day (default: the
 * last 7 days), for marketing and administrators (all customers) and supervisors (the customers of their own teams'
 * managers); phone managers and others get 403.
 */
@RestController
class CompetitorReportController {

	private final CompetitorNews news;
	private final Staff staff;
	private final Clock clock;

	CompetitorReportController(CompetitorNews news, Staff staff, Clock clock) {
		this.news = news;
		this.staff = staff;
		this.clock = clock;
	}

	@GetMapping("/api/competitor-reports")
	@AllowedGroups({ DeskGroups.MARKETING, DeskGroups.SUPERVISORS, DeskGroups.ADMINS })
	CompetitorNews.Reports reports(@RequestParam(required = false) String since, HttpServletRequest request) {
		LocalDate today = LocalDate.now(clock);
		LocalDate from = since(since, today.minusDays(7));
		if (from.isAfter(today)) {
			throw new IllegalArgumentException("since: 开始日期不能在未来 (" + from + ")");
		}
		return news.between(from, today.plusDays(1), customersOf(DeskPrincipal.of(request)));
	}

	/** The managers whose customers the caller may see: null (all) for marketing and administrators. */
	private Set<String> customersOf(DeskPrincipal caller) {
		if (caller.groups().contains(DeskGroups.MARKETING) || caller.groups().contains(DeskGroups.ADMINS)) {
			return null;
		}
		Set<String> managers = new LinkedHashSet<>();
		for (String team : staff.teamsOf(caller.userId())) {
			managers.addAll(staff.membersOf(team, DeskGroups.PHONE_MANAGERS));
		}
		return managers;
	}

	static LocalDate since(String value, LocalDate fallback) {
		if (value == null || value.isBlank()) {
			return fallback;
		}
		try {
			return LocalDate.parse(value.trim());
		} catch (DateTimeParseException e) {
			throw new IllegalArgumentException("since: 日期格式错误 '" + value + "' (应为 yyyy-MM-dd)");
		}
	}
}
