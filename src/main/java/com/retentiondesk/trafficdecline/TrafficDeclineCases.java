package com.retentiondesk.trafficdecline;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.retentiondesk.billing.MonthlyBill;
import com.retentiondesk.calendar.WorkCalendar;
import com.retentiondesk.casework.CaseBriefs;
import com.retentiondesk.casework.CaseFiles;
import com.retentiondesk.casework.CaseType;
import com.retentiondesk.casework.CaseVariables;
import com.retentiondesk.casework.RetentionCase;
import com.retentiondesk.customer.Customer;
import com.retentiondesk.customer.Network;
import com.retentiondesk.customer.Segment;

/**
 * The traffic-decline retention case (话务下降用户保有): what the monthly usage scan and the tests call to
 * open a case about a customer whose bill fell from last month to this month.
 */
@Service
public class TrafficDeclineCases {

	private final CaseFiles files;
	private final DecisionService decisions;
	private final WorkCalendar calendar;
	private final TrafficDeclinePolicy policy;
	private final Clock clock;

	TrafficDeclineCases(CaseFiles files, DecisionService decisions, WorkCalendar calendar,
			TrafficDeclineSettings settings, Clock clock) {
		this.files = files;
		this.decisions = decisions;
		this.calendar = calendar;
		this.policy = settings.policy();
		this.clock = clock;
	}

	/** Whether the customer counts as CDMA 普1 (no stages: every decline is worked). */
	public static boolean isTier1(Customer customer) {
		return customer.getNetwork() == Network.CDMA && customer.getSegment() == Segment.CDMA_TIER1;
	}

	/** The stage of the fall from {@code last} to {@code current}, if it makes a case ({@link TrafficDeclinePolicy}). */
	public Optional<DeclineStage> stage(Customer customer, MonthlyBill last, MonthlyBill current) {
		if (last == null || current == null) {
			return Optional.empty();
		}
		return policy.stage(isTier1(customer), last.getAmount(), current.getAmount(), current.getCallCount());
	}

	/**
	 * Opens a case about {@code current}'s month and starts {@code TrafficDeclineRetentionProcess}: the offer
	 * from {@code TrafficDeclineOffer}, the call due in 2 working days for {@code STAGE_1}, 5 otherwise.
	 *
	 * @param recentContacts the chunk's contacts and bills read beforehand by a scan, or null
	 */
	@Transactional
	public RetentionCase open(Customer customer, MonthlyBill last, MonthlyBill current, DeclineStage stage,
			CaseBriefs.RecentContacts recentContacts) {
		YearMonth month = current.getMonth();
		DmnDecisionResultEntries offer = decisions.evaluateDecisionByKey(TrafficDeclineProcess.DECISION_KEY)
				.variables(Variables.createVariables()
						.putValue("declineStage", stage.name())
						.putValue("lastMonthAmount", last.getAmount().doubleValue())
						.putValue("starLevel", customer.getStarLevel())
						.putValue("packageCode", current.getPackageCode() == null ? "NONE" : current.getPackageCode()))
				.evaluate()
				.getSingleResult();
		Map<String, Object> variables = new HashMap<>();
		variables.put(TrafficDeclineProcess.USAGE_MONTH, month.toString());
		variables.put(TrafficDeclineProcess.DECLINE_STAGE, stage.name());
		variables.put(TrafficDeclineProcess.LAST_MONTH_AMOUNT, last.getAmount().doubleValue());
		variables.put(TrafficDeclineProcess.THIS_MONTH_AMOUNT, current.getAmount().doubleValue());
		variables.put(TrafficDeclineProcess.OFFER_CODE, offer.getEntry("offerCode"));
		variables.put(TrafficDeclineProcess.OFFER_SCRIPT, offer.getEntry("offerScript"));
		variables.put(TrafficDeclineProcess.UNREACHABLE_ATTEMPTS, 0);
		variables.put(CaseVariables.CALL_DUE, Date.from(callDue(policy.callWithinWorkingDays(stage))));
		List<String> lines = caseLines(last, current, stage, offer.getEntry("offerScript"));
		RetentionCase file = recentContacts == null
				? files.open(CaseType.TRAFFIC_DECLINE, TrafficDeclineProcess.PROCESS_KEY, customer, lines, variables)
				: files.openChecked(CaseType.TRAFFIC_DECLINE, TrafficDeclineProcess.PROCESS_KEY, customer, lines,
						recentContacts, variables);
		file.aboutUsageMonth(month.toString());
		return file;
	}

	private Instant callDue(int workingDays) {
		Instant due = calendar.endOfWorkingDay(clock.instant());
		LocalDate day = due.atZone(calendar.zone()).toLocalDate();
		for (int i = 1; i < workingDays; i++) {
			day = calendar.nextWorkingDay(day);
		}
		return calendar.endOfWorkingDay(day.atStartOfDay(calendar.zone()).toInstant());
	}

	static List<String> caseLines(MonthlyBill last, MonthlyBill current, DeclineStage stage, String script) {
		List<String> lines = new ArrayList<>();
		lines.add("话务下降: " + last.getMonth() + " " + CaseBriefs.yuan(last.getAmount()) + " (" + last.getCallCount()
				+ "次) → " + current.getMonth() + " " + CaseBriefs.yuan(current.getAmount()) + " ("
				+ current.getCallCount() + "次), 下降" + TrafficDeclinePolicy.declinePercent(last.getAmount(),
						current.getAmount())
				+ "%  " + stage.label());
		lines.add("推荐方案: " + script);
		return lines;
	}
}
