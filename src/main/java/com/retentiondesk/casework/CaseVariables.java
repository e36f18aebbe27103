package com.retentiondesk.casework;

import java.time.Instant;
import java.util.Date;

import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * Names of the process variables that every case process has, spelled only here, and typed access to
 * them for the cases' listeners and delegates (a task and an execution are both a {@link VariableScope}).
 */
public final class CaseVariables {

	public static final String CASE_ID = "caseId";
	public static final String CUSTOMER_NO = "customerNo";
	public static final String CUSTOMER_NAME = "customerName";
	public static final String SERVICE_NO = "serviceNo";
	public static final String STAR_LEVEL = "starLevel";
	public static final String MANAGER_ID = "managerId";
	public static final String TEAM_GROUP = "teamGroup";
	public static final String SUPERVISOR_ID = "supervisorId";
	/** The group of the team's supervisors, candidates of the case's supervisor tasks ({@link TeamSupervisors}). */
	public static final String SUPERVISOR_GROUP = "supervisorGroup";
	/**
	 * A short Chinese summary of the customer and recent contacts, shown in the task forms ({@link CaseBrief}):
	 * the form field's key. Stored on the case row since V35 ({@link CaseBriefs}); the variable is only read for
	 * cases opened before.
	 */
	public static final String CASE_BRIEF = "caseBrief";
	/** Local input of the close-case service tasks: a {@link CaseOutcome} name. */
	public static final String OUTCOME = "outcome";
	/** Why the case ends as it does (a churn or decline reason), written by the case's listeners. */
	public static final String OUTCOME_REASON = "outcomeReason";
	/** The due time of the case's next call task (its escalation timer fires then). */
	public static final String CALL_DUE = "callDue";

	private CaseVariables() {
	}

	/** The case row's id. */
	public static long caseId(VariableScope scope) {
		return longOf(scope, CASE_ID);
	}

	public static String customerNo(VariableScope scope) {
		return stringOf(scope, CUSTOMER_NO);
	}

	/** The customer's phone manager (the case's default caller). */
	public static String managerId(VariableScope scope) {
		return stringOf(scope, MANAGER_ID);
	}

	/** The reason shown with the case's outcome; may be absent. */
	public static String outcomeReason(VariableScope scope) {
		return (String) scope.getVariable(OUTCOME_REASON);
	}

	public static void setOutcomeReason(VariableScope scope, String reason) {
		scope.setVariable(OUTCOME_REASON, reason);
	}

	public static void setCallDue(VariableScope scope, Instant due) {
		scope.setVariable(CALL_DUE, Date.from(due));
	}

	/** A number variable the case must have. */
	public static long longOf(VariableScope scope, String name) {
		return numberOf(scope, name).longValue();
	}

	/** A count the case must have (attempts...). */
	public static int intOf(VariableScope scope, String name) {
		return numberOf(scope, name).intValue();
	}

	/** A text variable the case must have. */
	public static String stringOf(VariableScope scope, String name) {
		Object value = scope.getVariable(name);
		if (!(value instanceof String text)) {
			throw missing(name, value);
		}
		return text;
	}

	/** A date variable as an instant, or null if absent. */
	public static Instant instantOf(VariableScope scope, String name) {
		Object value = scope.getVariable(name);
		return value instanceof Date date ? date.toInstant() : null;
	}

	public static void setInstant(VariableScope scope, String name, Instant at) {
		scope.setVariable(name, Date.from(at));
	}

	private static Number numberOf(VariableScope scope, String name) {
		Object value = scope.getVariable(name);
		if (!(value instanceof Number number)) {
			throw missing(name, value);
		}
		return number;
	}

	private static IllegalStateException missing(String name, Object value) {
		return new IllegalStateException("case variable " + name + " is "
				+ (value == null ? "missing" : "a " + value.getClass().getSimpleName()));
	}
}
