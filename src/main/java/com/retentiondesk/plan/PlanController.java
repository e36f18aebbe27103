package com.retentiondesk.plan;

import java.io.IOException;
import java.io.InputStream;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;

import com.retentiondesk.casework.Staff;
import com.retentiondesk.web.AllowedGroups;
import com.retentiondesk.web.DeskGroups;
import com.retentiondesk.web.DeskPrincipal;

/**
 * {@code GET /api/plans/2026-12?manager=manager1}: the manager's plan for the month as .xlsx (drafted from the
 * data the first time); {@code PUT} the same with the edited workbook (multipart part {@code file}) keeps the
 * manager's additions, removals and notes and starts the supervisor's review. Allowed to the manager themselves,
 * the supervisors of their team and administrators; anyone else 403.
 */
@RestController
class PlanController {

	static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	private final Plans plans;
	private final Staff staff;

	PlanController(Plans plans, Staff staff) {
		this.plans = plans;
		this.staff = staff;
	}

	@GetMapping("/api/plans/{month}")
	@AllowedGroups({ DeskGroups.PHONE_MANAGERS, DeskGroups.SUPERVISORS, DeskGroups.ADMINS })
	void plan(@PathVariable String month, @RequestParam(required = false) String manager, HttpServletRequest request,
			HttpServletResponse response) throws IOException {
		YearMonth period = month(month);
		String managerId = allowed(request, manager);
		WorkPlan plan;
		try {
			plan = plans.planOf(managerId, period);
		} catch (DataIntegrityViolationException drafting) {
			// another node drafted the same plan at the same moment: take theirs
			plan = plans.planOf(managerId, period);
		}
		List<PlanWorkbook.Line> lines = plans.lines(plan);
		response.setContentType(XLSX);
		response.setHeader("Content-Disposition", "attachment; filename=\"plan-" + managerId + "-" + period + ".xlsx\"");
		PlanWorkbook.write(staff.nameOf(managerId) + " (" + managerId + ") " + period + " 工作计划", lines,
				response.getOutputStream());
	}

	@PutMapping("/api/plans/{month}")
	@AllowedGroups({ DeskGroups.PHONE_MANAGERS, DeskGroups.SUPERVISORS, DeskGroups.ADMINS })
	Plans.Submitted submit(@PathVariable String month, @RequestParam(required = false) String manager,
			@RequestParam("file") MultipartFile file, HttpServletRequest request) throws IOException {
		YearMonth period = month(month);
		String managerId = allowed(request, manager);
		List<PlanWorkbook.Uploaded> rows;
		try (InputStream in = file.getInputStream()) {
			rows = PlanWorkbook.read(file.getOriginalFilename(), in);
		}
		return plans.submit(plans.planOf(managerId, period), rows, DeskPrincipal.of(request).userId());
	}

	private static YearMonth month(String month) {
		try {
			return YearMonth.parse(month.strip());
		} catch (DateTimeParseException e) {
			throw new IllegalArgumentException("month: 月份格式错误 '" + month + "' (应为 yyyy-MM, 如 2026-12)");
		}
	}

	/** The manager whose plan the caller asks for (their own when they name none), if the caller may. */
	private String allowed(HttpServletRequest request, String manager) {
		DeskPrincipal caller = DeskPrincipal.of(request);
		String managerId = manager == null || manager.isBlank() ? caller.userId() : manager.strip();
		if (caller.groups().contains(DeskGroups.ADMINS)) {
			known(managerId);
			return managerId;
		}
		if (managerId.equals(caller.userId()) && caller.groups().contains(DeskGroups.PHONE_MANAGERS)) {
			return managerId;
		}
		if (caller.groups().contains(DeskGroups.SUPERVISORS) && staff.phoneManagerIds().contains(managerId)
				&& staff.teamOf(managerId).map(team -> staff.teamsOf(caller.userId()).contains(team)).orElse(false)) {
			return managerId;
		}
		throw new ResponseStatusException(HttpStatus.FORBIDDEN, "无权查看 " + managerId + " 的工作计划: 仅本人、本组主管和管理员");
	}

	private void known(String managerId) {
		if (!staff.phoneManagerIds().contains(managerId)) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, "没有电话经理 " + managerId);
		}
	}
}
