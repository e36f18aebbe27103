package com.retentiondesk.winback;

/**
 * The contract of {@code processes/suspended-customer-winback.bpmn}: keys, ids, messages and
 * variables, spelled only here.
 */
public final class WinbackProcess {

	public static final String PROCESS_KEY = "SuspendedCustomerWinbackProcess";

	public static final String TASK_IMMEDIATE_CALL = "Task_ImmediateCall";
	public static final String TASK_ALTERNATE_CALL = "Task_AlternateContactCall";
	public static final String TASK_NO_ALTERNATE_CONTACT = "Task_NoAlternateContact";
	public static final String TASK_ESCALATION_REVIEW = "Task_EscalationReview";
	public static final String SERVICE_RECORD_ESCALATION = "ServiceTask_RecordEscalation";
	public static final String SERVICE_MAIL_SUPERVISOR = "ServiceTask_MailSupervisor";
	public static final String BOUNDARY_IMMEDIATE_CALL_OVERDUE = "BoundaryEvent_ImmediateCallOverdue";
	public static final String BOUNDARY_DOUBLE_STOP_DURING_CALL = "BoundaryEvent_DoubleStopDuringCall";
	public static final String MESSAGE_EVENT_DOUBLE_STOPPED = "MessageEvent_DoubleStopped";
	public static final String TIMER_SINGLE_STOP_WAIT_OVER = "TimerEvent_SingleStopWaitOver";
	public static final String TIMER_NEXT_ATTEMPT = "TimerEvent_NextAttempt";
	public static final String END_WON_BACK = "EndEvent_WonBack";
	public static final String END_LOST = "EndEvent_Lost";
	public static final String END_CHURNED = "EndEvent_Churned";
	public static final String END_EXPIRED = "EndEvent_Expired";
	public static final String END_NO_CONTACT = "EndEvent_NoContact";

	public static final String MESSAGE_DOUBLE_STOPPED = "LineDoubleStopped";
	public static final String MESSAGE_WON_BACK = "CustomerWonBack";

	// variables written by Java
	public static final String STOP_KIND = "stopKind";
	public static final String HAS_ALTERNATE_NUMBER = "hasAlternateNumber";
	public static final String ATTEMPTS = "alternateAttempts";
	public static final String NEXT = "winbackNext";
	public static final String NEXT_ATTEMPT_AT = "nextAttemptAt";
	public static final String SINGLE_STOP_WAIT_UNTIL = "singleStopWaitUntil";

	// variables written by the forms
	public static final String CONTACT_OUTCOME = "contactOutcome";
	public static final String STOP_REASON = "stopReason";
	public static final String COMPETITOR_NAME = "competitorName";
	public static final String STOP_REASON_TEXT = "stopReasonText";
	public static final String SOLUTION_OFFERED = "solutionOffered";
	public static final String CUSTOMER_DECISION = "customerDecision";
	public static final String PROMISED_DATE = "promisedDate";
	public static final String CALL_NOTES = "callNotes";
	public static final String NEW_CONTACT_NUMBER = "newContactNumber";
	public static final String SUPERVISOR_NOTES = "supervisorNotes";

	/** Values of {@link #NEXT}: what the process does after a call. */
	public enum Next {
		WAIT, RETRY, LOST
	}

	private WinbackProcess() {
	}
}
