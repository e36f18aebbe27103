package com.retentiondesk.casework;

/** Names of the process variables that every case process has; spelled only here. */
public final class CaseVariables {

	public static final String CASE_ID = "caseId";
	public static final String CUSTOMER_NO = "customerNo";
	public static final String CUSTOMER_NAME = "customerName";
	public static final String SERVICE_NO = "serviceNo";
	public static final String STAR_LEVEL = "starLevel";
	public static final String MANAGER_ID = "managerId";
	public static final String TEAM_GROUP = "teamGroup";
	public static final String SUPERVISOR_ID = "supervisorId";
	/** A short Chinese summary of the customer and recent contacts, shown in the task forms. */
	public static final String CASE_BRIEF = "caseBrief";
	/** Local input of the close-case service tasks: a {@link CaseOutcome} name. */
	public static final String OUTCOME = "outcome";
	/** Why the case ends as it does (a churn or decline reason), written by the case's listeners. */
	public static final String OUTCOME_REASON = "outcomeReason";
	/** The due time of the case's next call task (its escalation timer fires then). */
	public static final String CALL_DUE = "callDue";

	private CaseVariables() {
	}
}
