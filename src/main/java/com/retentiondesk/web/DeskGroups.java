package com.retentiondesk.web;

/** The Camunda groups of the desk. Group ids are API for integrators and filters: keep them. */
public final class DeskGroups {

	public static final String PHONE_MANAGERS = "phone-managers";
	public static final String SUPERVISORS = "supervisors";
	public static final String ADMINS = "camunda-admin";
	public static final String INTEGRATION = "integration";
	/** 10000's staff who call customers for the monthly satisfaction survey; they see survey tasks only. */
	public static final String SURVEYORS = "surveyors";
	/** 市场部: reads the competitor news from the calls (GET /api/competitor-reports, the weekly digest); no Tasklist. */
	public static final String MARKETING = "marketing";
	/** Teams are groups of type {@value #TEAM_TYPE}; every phone manager and supervisor is in one. */
	public static final String TEAM_TYPE = "TEAM";
	/** Groups of a team's supervisors (id {@code <team>-supervisors}), which get the team's supervisor tasks as candidates. */
	public static final String TEAM_SUPERVISORS_TYPE = "TEAM_SUPERVISORS";
	/** Escalation tasks (form escalation-review) of every case process, and only those, have BPMN ids starting with this (the 已升级 filter; ProcessConventionsTest checks it). */
	public static final String ESCALATION_TASK_PREFIX = "Task_Escalat";

	/** The group of a team's supervisors: its escalation and review tasks are offered to it, not to every supervisor. */
	public static String supervisorsOf(String team) {
		return team + "-supervisors";
	}

	private DeskGroups() {
	}
}
