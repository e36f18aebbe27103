package com.retentiondesk.casework;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.retentiondesk.customer.Customer;

/**
 * Opens and closes retention cases: the case row and its process instance are written in one
 * transaction, and the database allows one open case per customer and case type, so no scan, node
 * or retry can open a second one.
 */
@Service
public class CaseFiles {

	private final RetentionCases cases;
	private final RuntimeService runtime;
	private final Staff staff;
	private final CaseBriefs briefs;
	private final Clock clock;
	private final CaseMetrics metrics;

	CaseFiles(RetentionCases cases, RuntimeService runtime, Staff staff, CaseBriefs briefs, Clock clock,
			CaseMetrics metrics) {
		this.metrics = metrics;
		this.cases = cases;
		this.runtime = runtime;
		this.staff = staff;
		this.briefs = briefs;
		this.clock = clock;
	}

	/**
	 * Opens a case for the customer and starts its process with the customer number as business key.
	 *
	 * @param caseLines lines the case adds to the customer summary in the forms
	 * @param variables the case's own start variables (due dates, amounts...)
	 * @throws CaseAlreadyOpenException when the customer has an open case of this type
	 * @throws IllegalStateException    when the customer's manager is in no team
	 */
	@Transactional
	public RetentionCase open(CaseType type, String processKey, Customer customer, List<String> caseLines,
			Map<String, Object> variables) {
		if (cases.findOpen(customer.getCustomerNo(), type).isPresent()) {
			throw new CaseAlreadyOpenException(customer.getCustomerNo(), type);
		}
		String managerId = customer.getManagerId();
		String team = staff.teamOf(managerId).orElseThrow(() -> new IllegalStateException(
				"电话经理 " + managerId + " 不属于任何班组 (group of type TEAM): cannot open a case for " + customer.getCustomerNo()));
		RetentionCase opened = cases.saveAndFlush(
				new RetentionCase(type, customer.getCustomerNo(), managerId, LocalDateTime.now(clock)));
		Map<String, Object> start = new HashMap<>(variables);
		start.put(CaseVariables.CASE_ID, opened.getId());
		start.put(CaseVariables.CUSTOMER_NO, customer.getCustomerNo());
		start.put(CaseVariables.CUSTOMER_NAME, customer.getName());
		start.put(CaseVariables.SERVICE_NO, customer.getServiceNo());
		start.put(CaseVariables.STAR_LEVEL, customer.getStarLevel());
		start.put(CaseVariables.MANAGER_ID, managerId);
		start.put(CaseVariables.TEAM_GROUP, team);
		start.put(CaseVariables.SUPERVISOR_ID, staff.supervisorOf(team).orElse(null));
		start.put(CaseVariables.CASE_BRIEF, briefs.brief(customer, caseLines));
		ProcessInstance instance = runtime.startProcessInstanceByKey(processKey, customer.getCustomerNo(), start);
		opened.attachProcess(instance.getId());
		metrics.opened(type);
		return opened;
	}

	/** Closes a case with its outcome; closing a closed case again changes nothing (a retried job). */
	@Transactional
	public boolean close(long caseId, CaseOutcome outcome) {
		return close(caseId, outcome, null);
	}

	/** Closes a case with its outcome and the reason for it. */
	@Transactional
	public boolean close(long caseId, CaseOutcome outcome, String reason) {
		RetentionCase file = cases.findById(caseId)
				.orElseThrow(() -> new IllegalStateException("no retention case " + caseId));
		if (!file.isOpen()) {
			return false;
		}
		file.close(outcome, reason, LocalDateTime.now(clock));
		metrics.closed(file.getCaseType(), outcome);
		return true;
	}

	/** Thrown when a customer already has an open case of the type. */
	public static class CaseAlreadyOpenException extends IllegalStateException {
		public CaseAlreadyOpenException(String customerNo, CaseType type) {
			super("customer " + customerNo + " already has an open " + type + " case");
		}
	}
}
