package com.retentiondesk.inbound;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.retentiondesk.away.AwayDays;
import com.retentiondesk.calendar.WorkCalendar;
import com.retentiondesk.casework.RetentionCase;
import com.retentiondesk.casework.RetentionCases;
import com.retentiondesk.casework.ShownBriefs;
import com.retentiondesk.casework.Staff;
import com.retentiondesk.customer.Customer;
import com.retentiondesk.web.AllowedGroups;
import com.retentiondesk.web.DeskGroups;

/**
 * {@code GET /api/inbound/route?number=13300001001} for the CTI of 10000: whose customer is calling, whether their
 * phone manager can take the transfer now ({@code available}: calling hours and not away), the manager's opening
 * line, and the customer's open cases with who holds each. An unknown number answers 404: the front desk takes
 * the call.
 */
@RestController
class InboundRouteController {

	record OpenCase(String processKey, Long caseId, String holder) {
	}

	record Route(String customerNo, String customerName, String managerId, String managerName, boolean available,
			String greeting, List<OpenCase> openCases) {
	}

	/** What the manager says on taking the call: role and name, 您好!电话经理王芳很高兴为您服务. */
	static String greeting(String managerName) {
		return "您好!电话经理" + managerName + "很高兴为您服务";
	}

	private final Callers callers;
	private final RetentionCases cases;
	private final Staff staff;
	private final ShownBriefs briefs;
	private final AwayDays awayDays;
	private final WorkCalendar calendar;
	private final RuntimeService runtime;
	private final RepositoryService repository;
	private final Clock clock;

	InboundRouteController(Callers callers, RetentionCases cases, Staff staff, ShownBriefs briefs, AwayDays awayDays,
			WorkCalendar calendar, RuntimeService runtime, RepositoryService repository, Clock clock) {
		this.callers = callers;
		this.cases = cases;
		this.staff = staff;
		this.briefs = briefs;
		this.awayDays = awayDays;
		this.calendar = calendar;
		this.runtime = runtime;
		this.repository = repository;
		this.clock = clock;
	}

	@GetMapping("/api/inbound/route")
	@AllowedGroups(DeskGroups.INTEGRATION)
	@Transactional(readOnly = true)
	Route route(@RequestParam String number) {
		Customer customer = callers.customerOf(number);
		String managerId = customer.getManagerId();
		String managerName = managerId == null ? null : staff.nameOf(managerId);
		Instant now = clock.instant();
		boolean available = managerId != null && calendar.nextCallingTime(now).equals(now) && !awayDays.isAway(managerId);
		List<OpenCase> open = cases.findByCustomerNoAndOpenFlag(customer.getCustomerNo(), 1).stream()
				.sorted(Comparator.comparing(RetentionCase::getId))
				.map(c -> new OpenCase(processKey(c.getProcessInstanceId()), c.getId(),
						briefs.holderOf(c.getProcessInstanceId()).orElse(null)))
				.toList();
		return new Route(customer.getCustomerNo(), customer.getName(), managerId, managerName, available,
				managerName == null ? null : greeting(managerName), open);
	}

	private String processKey(String processInstanceId) {
		if (processInstanceId == null) {
			return null;
		}
		ProcessInstance instance = runtime.createProcessInstanceQuery().processInstanceId(processInstanceId).singleResult();
		return instance == null ? null : repository.getProcessDefinition(instance.getProcessDefinitionId()).getKey();
	}
}
