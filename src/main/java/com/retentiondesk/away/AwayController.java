package com.retentiondesk.away;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import com.retentiondesk.casework.Staff;
import com.retentiondesk.web.AllowedGroups;
import com.retentiondesk.web.DeskGroups;
import com.retentiondesk.web.DeskPrincipal;

/**
 * {@code PUT /api/managers/{id}/away} {@code {"from": "2026-12-07", "to": "2026-12-09", "reason": "年假"}} sets a
 * phone manager's away days (whole days, inclusive; a new PUT replaces them), {@code DELETE} ends them. Allowed to
 * the manager themselves, the supervisor of their team, and administrators.
 */
@RestController
class AwayController {

	/** The longest absence one PUT may set. */
	static final int MAX_DAYS = 366;
	static final int MAX_REASON = 200;

	record AwayRequest(String from, String to, String reason) {
	}

	record AwayAnswer(String managerId, String name, LocalDate from, LocalDate to, String reason) {
	}

	private final AwayDays awayDays;
	private final Staff staff;
	private final Clock clock;

	AwayController(AwayDays awayDays, Staff staff, Clock clock) {
		this.awayDays = awayDays;
		this.staff = staff;
		this.clock = clock;
	}

	@PutMapping("/api/managers/{id}/away")
	@AllowedGroups({ DeskGroups.PHONE_MANAGERS, DeskGroups.SUPERVISORS, DeskGroups.ADMINS })
	AwayAnswer set(@PathVariable String id, @RequestBody AwayRequest request, HttpServletRequest http) {
		DeskPrincipal caller = mayChange(id, http);
		if (request == null) {
			throw new IllegalArgumentException("请求体缺失: 需要 {\"from\", \"to\", \"reason\"}");
		}
		LocalDate from = date("from", request.from());
		LocalDate to = date("to", request.to());
		if (to.isBefore(from)) {
			throw new IllegalArgumentException("to: 结束日期早于开始日期 (" + from + " - " + to + ")");
		}
		if (to.isBefore(LocalDate.now(clock))) {
			throw new IllegalArgumentException("to: 结束日期已过 (" + to + ")");
		}
		if (from.plusDays(MAX_DAYS).isBefore(to)) {
			throw new IllegalArgumentException("to: 一次最长请假 " + MAX_DAYS + " 天");
		}
		String reason = request.reason() == null || request.reason().isBlank() ? null : request.reason().strip();
		if (reason != null && reason.length() > MAX_REASON) {
			throw new IllegalArgumentException("reason: 原因最长 " + MAX_REASON + " 个字");
		}
		awayDays.set(new Away(id, from, to, reason), caller.userId());
		return new AwayAnswer(id, staff.nameOf(id), from, to, reason);
	}

	@DeleteMapping("/api/managers/{id}/away")
	@AllowedGroups({ DeskGroups.PHONE_MANAGERS, DeskGroups.SUPERVISORS, DeskGroups.ADMINS })
	ResponseEntity<Void> end(@PathVariable String id, HttpServletRequest http) {
		mayChange(id, http);
		awayDays.end(id);
		return ResponseEntity.noContent().build();
	}

	/** The caller, if they may change this manager's away days: themselves, their team's supervisor, an administrator. */
	private DeskPrincipal mayChange(String managerId, HttpServletRequest http) {
		DeskPrincipal caller = DeskPrincipal.of(http);
		if (!staff.phoneManagerIds().contains(managerId)) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, "没有电话经理 " + managerId);
		}
		if (caller.userId().equals(managerId) || caller.groups().contains(DeskGroups.ADMINS)) {
			return caller;
		}
		if (caller.groups().contains(DeskGroups.SUPERVISORS)) {
			List<String> teams = staff.teamsOf(caller.userId());
			if (staff.teamsOf(managerId).stream().anyMatch(teams::contains)) {
				return caller;
			}
		}
		throw new ResponseStatusException(HttpStatus.FORBIDDEN,
				"无权设置 " + staff.nameOf(managerId) + " 的请假: 只有本人、本班组主管和管理员可以");
	}

	private static LocalDate date(String field, String value) {
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException(field + ": 缺少日期 (yyyy-MM-dd)");
		}
		try {
			return LocalDate.parse(value.trim());
		} catch (DateTimeParseException e) {
			throw new IllegalArgumentException(field + ": 日期格式错误 '" + value + "' (应为 yyyy-MM-dd)");
		}
	}
}
