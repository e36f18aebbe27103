package com.retentiondesk.kpi;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

import com.retentiondesk.casework.Staff;
import com.retentiondesk.web.DeskGroups;
import com.retentiondesk.web.DeskPrincipal;

/**
 * Which team's figures a caller may see: administrators any team or all of them, a supervisor only the
 * teams they belong to (their own team when they name none). Used by the KPIs, the reports and the
 * Cockpit dashboard, which opens on the supervisor's team.
 */
@Component
class TeamScope {

	private final Staff staff;

	TeamScope(Staff staff) {
		this.staff = staff;
	}

	/** The teams the caller may choose; null for an administrator, who may choose any or all. */
	List<String> choosable(HttpServletRequest request) {
		DeskPrincipal caller = DeskPrincipal.of(request);
		return caller.groups().contains(DeskGroups.ADMINS) ? null : staff.teamsOf(caller.userId());
	}

	/**
	 * The team to report on: the one asked for if the caller may see it, else the caller's own; null
	 * (all teams) only for administrators.
	 *
	 * @throws ResponseStatusException 403 when a supervisor asks for another team or has none
	 */
	String resolve(HttpServletRequest request, String requested) {
		String team = requested == null || requested.isBlank() ? null : requested.trim();
		List<String> own = choosable(request);
		if (own == null) {
			return team;
		}
		if (own.isEmpty()) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN, "无权查看: 你不属于任何班组 (group of type TEAM)");
		}
		if (team == null) {
			return own.get(0);
		}
		if (!own.contains(team)) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN, "无权查看班组 " + team + " 的数据: 主管只能查看本班组 " + own);
		}
		return team;
	}
}
