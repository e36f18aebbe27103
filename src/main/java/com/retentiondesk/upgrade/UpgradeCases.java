package com.retentiondesk.upgrade;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.retentiondesk.billing.MonthlyBill;
import com.retentiondesk.billing.MonthlyBills;
import com.retentiondesk.calendar.WorkCalendar;
import com.retentiondesk.casework.CaseBriefs;
import com.retentiondesk.casework.CaseFiles;
import com.retentiondesk.casework.CaseType;
import com.retentiondesk.casework.CaseVariables;
import com.retentiondesk.casework.RetentionCase;
import com.retentiondesk.casework.RetentionCases;
import com.retentiondesk.customer.Customer;

/**
 * The PHS to CDMA upgrade case (精确升级营销): what dispatches, billing's activation event and the
 * tests call.
 */
@Service
public class UpgradeCases {

	private final CaseFiles files;
	private final RetentionCases cases;
	private final UpgradeOrders orders;
	private final MonthlyBills bills;
	private final RuntimeService runtime;
	private final WorkCalendar calendar;
	private final UpgradeSettings settings;
	private final Clock clock;

	UpgradeCases(CaseFiles files, RetentionCases cases, UpgradeOrders orders, MonthlyBills bills,
			RuntimeService runtime, WorkCalendar calendar, UpgradeSettings settings, Clock clock) {
		this.files = files;
		this.cases = cases;
		this.orders = orders;
		this.bills = bills;
		this.runtime = runtime;
		this.calendar = calendar;
		this.settings = settings;
		this.clock = clock;
	}

	/**
	 * Opens an upgrade case for a dispatched customer; the call is due at the end of the deadline,
	 * at most {@code callWithinWorkingDays} working days away.
	 */
	@Transactional
	public RetentionCase open(Customer customer, String campaign, LocalDate deadline, String offer, String note) {
		Instant latest = calendar.endOfWorkingDay(clock.instant());
		LocalDate day = latest.atZone(calendar.zone()).toLocalDate();
		for (int i = 1; i < settings.callWithinWorkingDays(); i++) {
			day = calendar.nextWorkingDay(day);
		}
		LocalDate dueDay = deadline.isBefore(day) ? deadline : day;
		Instant callDue = calendar.endOfWorkingDay(dueDay.atStartOfDay(calendar.zone()).toInstant());
		if (callDue.isBefore(latest)) {
			callDue = latest;
		}
		Map<String, Object> variables = new HashMap<>();
		variables.put(UpgradeProcess.CAMPAIGN, campaign);
		variables.put(UpgradeProcess.OFFER, offer);
		variables.put(CaseVariables.CALL_DUE, Date.from(callDue));
		variables.put(UpgradeProcess.UNREACHABLE_ATTEMPTS, 0);
		RetentionCase file = files.open(CaseType.PHS_UPGRADE, UpgradeProcess.PROCESS_KEY, customer,
				caseLines(campaign, offer, note, bills.findByCustomerNoOrderByBillMonthDesc(customer.getCustomerNo())),
				variables);
		file.forCampaign(campaign);
		return file;
	}

	/**
	 * Billing reports the customer's new CDMA line: the order (if any) is marked activated, the customer
	 * moves to CDMA and the open upgrade case ends as upgraded.
	 *
	 * @return the case that was closed
	 */
	@Transactional
	public Optional<RetentionCase> activated(Customer customer, String newServiceNo) {
		LocalDateTime now = LocalDateTime.now(clock);
		orders.findByCustomerNoAndActivatedAtIsNull(customer.getCustomerNo())
				.forEach(order -> order.activate(newServiceNo, now));
		customer.upgradeToCdma(newServiceNo, now);
		Optional<RetentionCase> open = cases.findOpen(customer.getCustomerNo(), CaseType.PHS_UPGRADE);
		if (open.isEmpty() || open.get().getProcessInstanceId() == null) {
			return Optional.empty();
		}
		runtime.createMessageCorrelation(UpgradeProcess.MESSAGE_ACTIVATED)
				.processInstanceId(open.get().getProcessInstanceId())
				.correlateWithResult();
		return open;
	}

	static List<String> caseLines(String campaign, String offer, String note, List<MonthlyBill> bills) {
		List<String> lines = new ArrayList<>();
		lines.add("派单活动: " + campaign + (offer == null ? "" : "  推荐方案: " + offer));
		if (note != null) {
			lines.add("派单备注: " + note);
		}
		StringBuilder usage = new StringBuilder("近3个月小灵通账单:");
		bills.stream().limit(3).forEach(bill -> usage.append(' ').append(bill.getMonth()).append(' ')
				.append(CaseBriefs.yuan(bill.getAmount())).append(" (").append(bill.getCallCount()).append("次)"));
		lines.add(bills.isEmpty() ? "近3个月小灵通账单: 无记录" : usage.toString());
		return lines;
	}
}
