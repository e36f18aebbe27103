package com.retentiondesk.kpi;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

/**
 * The supervisors' figures for a period and a team (or all teams); definitions in docs/cases.md.
 * {@code away}: the team's managers away today, whose new calls go to the team.
 * {@code warnings}: what the desk wants supervisors to know (next year's work calendar missing in December).
 */
public record KpiReport(LocalDate from, LocalDate to, String team, List<CaseTypeFigures> caseTypes,
		ArrearsFigures arrears, List<ManagerFigures> managers, List<Escalation> escalations, List<AwayManager> away,
		List<String> warnings, ProfileFigures profile) {

	KpiReport withWarnings(List<String> warnings) {
		return new KpiReport(from, to, team, caseTypes, arrears, managers, escalations, away, List.copyOf(warnings),
				profile);
	}

	/**
	 * CDMA 普1 customers' profiles today (issue 28): {@code completeness} the share with all five basics,
	 * {@code verifiedRate} the share with all five verified (null without 普1 customers), and their targets.
	 */
	public record ProfileFigures(long tier1Customers, Double completeness, Double verifiedRate,
			double completenessTarget, double verifiedRateTarget) {
	}

	/** A manager away today (请假), from and to inclusive. */
	public record AwayManager(String managerId, String name, LocalDate from, LocalDate to, String reason) {
	}

	/** Per case type. */
	public record CaseTypeFigures(String caseType, String label, long opened, long openNow, long closed,
			Map<String, Long> outcomes, Double retentionRate, Double medianHoursToFirstContact) {
	}

	/** Arrears: owed at opening vs recovered while open, for arrears cases opened in the period. */
	public record ArrearsFigures(BigDecimal amountOwed, BigDecimal amountRecovered, Double recoveryRate) {
	}

	/**
	 * Per phone manager; {@code inbound} and {@code survey} count for the appraisal (绩效考核): the calls their
	 * customers made to 10000 in the period, and the satisfaction survey answers about them recorded in it.
	 * {@code birthdayGreetingRate}: birthday greetings recorded / due in the period (target 1.0), null when none was
	 * due.
	 */
	public record ManagerFigures(String managerId, String name, long calls, long reached, Double connectionRate,
			long closed, long tasksOnTime, long tasksLate, long openTasks, long overdueTasks, InboundFigures inbound,
			SurveyFigures survey, Double birthdayGreetingRate, ProfileFigures profile) {
	}

	/**
	 * A manager's customers' calls to 10000 in the period: {@code taken} by the manager, {@code calledBack} after the
	 * front desk took them (the call-back reached the customer), {@code missed}: taken by the front desk and not
	 * called back (yet). The three add up to the calls.
	 */
	public record InboundFigures(long taken, long calledBack, long missed) {
	}

	/** The satisfaction survey's answers about the manager recorded in the period (reached customers' scores, 1-5). */
	public record SurveyFigures(long responses, Double averageScore) {
	}

	/** An open supervisor task, oldest first; {@code assigneeName} is what the dashboard shows (王芳, not an id). */
	public record Escalation(String taskId, String taskName, String customerNo, String assignee, String assigneeName,
			LocalDateTime created, String link) {
	}
}
