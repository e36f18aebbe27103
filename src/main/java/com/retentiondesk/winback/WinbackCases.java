package com.retentiondesk.winback;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.retentiondesk.calendar.WorkCalendar;
import com.retentiondesk.casework.CaseBriefs;
import com.retentiondesk.casework.CaseFiles;
import com.retentiondesk.casework.CaseType;
import com.retentiondesk.casework.CaseVariables;
import com.retentiondesk.casework.RetentionCase;
import com.retentiondesk.casework.RetentionCases;
import com.retentiondesk.customer.Customer;
import com.retentiondesk.customer.LineStatus;

/**
 * The suspended-customer win-back case (停机预警保有): what the billing events call. A suspension
 * opens a case or moves a single-stop case on to the double-stop path; a payment or a reactivation
 * ends the open case as won back. Repeated events change nothing.
 */
@Service
public class WinbackCases {

	/** The brief's case line with the number the manager calls (a supervisor may add one). */
	static final String ALTERNATE_NUMBER_LINE = "备用联系电话";

	private final CaseFiles files;
	private final RetentionCases cases;
	private final RuntimeService runtime;
	private final WorkCalendar calendar;
	private final WinbackSettings settings;
	private final WinbackHistory history;
	private final Clock clock;

	WinbackCases(CaseFiles files, RetentionCases cases, RuntimeService runtime, WorkCalendar calendar,
			WinbackSettings settings, WinbackHistory history, Clock clock) {
		this.history = history;
		this.files = files;
		this.cases = cases;
		this.runtime = runtime;
		this.calendar = calendar;
		this.settings = settings;
		this.clock = clock;
	}

	/**
	 * The customer's line was suspended. Opens a case (single stop: a call due within two calling
	 * hours; double stop: calls to the alternate numbers), or moves an open single-stop case on when the
	 * line is now fully barred. A stop that a case has already worked opens no new case (see
	 * {@link WinbackPolicy}).
	 *
	 * @param before the line's status before this event
	 * @return the case that was opened or moved on; empty when the event changed nothing
	 */
	@Transactional
	public Optional<RetentionCase> lineSuspended(Customer customer, StopKind kind, LineStatus before) {
		Optional<RetentionCase> open = cases.findOpen(customer.getCustomerNo(), CaseType.SUSPENDED_WINBACK);
		if (open.isEmpty()) {
			if (!WinbackPolicy.opensCase(before, kind, history.findWorkedStops(customer.getCustomerNo()))) {
				return Optional.empty();
			}
			Map<String, Object> variables = new HashMap<>();
			variables.put(WinbackProcess.STOP_KIND, kind.name());
			variables.put(WinbackProcess.ATTEMPTS, 0);
			variables.put(WinbackProcess.HAS_ALTERNATE_NUMBER, customer.getSecondPhone() != null);
			variables.put(CaseVariables.CALL_DUE, Date.from(kind == StopKind.SINGLE_STOP
					? calendar.addCallingTime(clock.instant(), settings.immediateCallWithin())
					: calendar.endOfWorkingDay(clock.instant())));
			return Optional.of(files.open(CaseType.SUSPENDED_WINBACK, WinbackProcess.PROCESS_KEY, customer,
					caseLines(customer, kind), variables));
		}
		String processInstanceId = open.get().getProcessInstanceId();
		boolean waitsForDoubleStop = runtime.createEventSubscriptionQuery().processInstanceId(processInstanceId)
				.eventType("message").eventName(WinbackProcess.MESSAGE_DOUBLE_STOPPED).count() > 0;
		if (kind != StopKind.DOUBLE_STOP || !waitsForDoubleStop) {
			return Optional.empty();
		}
		runtime.createMessageCorrelation(WinbackProcess.MESSAGE_DOUBLE_STOPPED)
				.processInstanceId(processInstanceId)
				.setVariable(WinbackProcess.STOP_KIND, kind.name())
				.setVariable(WinbackProcess.HAS_ALTERNATE_NUMBER, customer.getSecondPhone() != null)
				.setVariable(CaseVariables.CALL_DUE, Date.from(calendar.endOfWorkingDay(clock.instant())))
				.correlateWithResult();
		return open;
	}

	/** A payment or a reactivation: the open win-back case, if any, ends as won back. */
	@Transactional
	public Optional<RetentionCase> wonBack(String customerNo) {
		Optional<RetentionCase> open = cases.findOpen(customerNo, CaseType.SUSPENDED_WINBACK);
		if (open.isEmpty() || open.get().getProcessInstanceId() == null) {
			return Optional.empty();
		}
		runtime.createMessageCorrelation(WinbackProcess.MESSAGE_WON_BACK)
				.processInstanceId(open.get().getProcessInstanceId())
				.correlateWithResult();
		return open;
	}

	static List<String> caseLines(Customer customer, StopKind kind) {
		List<String> lines = new ArrayList<>();
		lines.add("停机类型: " + (kind == StopKind.SINGLE_STOP ? "单停(呼出受限)" : "双停(全部受限)") + "  余额: "
				+ CaseBriefs.yuan(customer.getBalance()) + "  欠费月数: " + customer.getArrearsMonths());
		lines.add(ALTERNATE_NUMBER_LINE + ": " + (customer.getSecondPhone() == null ? "无" : customer.getSecondPhone()));
		return lines;
	}
}
