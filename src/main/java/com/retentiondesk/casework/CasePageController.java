package com.retentiondesk.casework;

import java.time.LocalDateTime;

import org.springframework.http.HttpStatus;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import com.retentiondesk.customer.Customer;
import com.retentiondesk.customer.Customers;
import com.retentiondesk.web.AllowedGroups;
import com.retentiondesk.web.DeskGroups;
import com.retentiondesk.web.DeskPrincipal;

import jakarta.servlet.http.HttpServletRequest;

/**
 * A case as Cockpit's 客户情况 tab shows it to a supervisor ({@code GET /api/cases/by-process/{id}}): the
 * customer, the manager and the brief as it reads now. Since issue 32 these are read from the case and
 * customer rows, not kept as process variables; the team's own staff and administrators may read them.
 */
@RestController
class CasePageController {

	private final RetentionCases cases;
	private final Customers customers;
	private final ShownBriefs briefs;
	private final Staff staff;

	CasePageController(RetentionCases cases, Customers customers, ShownBriefs briefs, Staff staff) {
		this.cases = cases;
		this.customers = customers;
		this.briefs = briefs;
		this.staff = staff;
	}

	record CasePage(long caseId, String caseType, String label, boolean open, LocalDateTime openedAt, String customerNo,
			String customerName, String serviceNo, int starLevel, String managerId, String managerName, String team,
			String brief) {
	}

	@GetMapping("/api/cases/by-process/{processInstanceId}")
	@AllowedGroups({ DeskGroups.SUPERVISORS, DeskGroups.ADMINS })
	@Transactional(readOnly = true)
	CasePage byProcess(@PathVariable String processInstanceId, HttpServletRequest request) {
		RetentionCase file = cases.findByProcessInstanceId(processInstanceId).orElseThrow(
				() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "此流程实例不是保有案件: " + processInstanceId));
		String team = staff.teamOf(file.getManagerId()).orElse(null);
		DeskPrincipal caller = DeskPrincipal.of(request);
		if (!caller.groups().contains(DeskGroups.ADMINS)
				&& (team == null || !staff.teamsOf(caller.userId()).contains(team))) {
			// as the engine answers for another team's instance: it does not exist for this caller
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, "此流程实例不是保有案件: " + processInstanceId);
		}
		Customer customer = customers.findById(file.getCustomerNo()).orElseThrow();
		return new CasePage(file.getId(), file.getCaseType().name(), file.getCaseType().label(), file.isOpen(),
				file.getOpenedAt(), customer.getCustomerNo(), customer.getName(), customer.getServiceNo(),
				customer.getStarLevel(), file.getManagerId(), staff.nameOf(file.getManagerId()), team,
				briefs.asShown(file.getBrief(), processInstanceId));
	}
}
