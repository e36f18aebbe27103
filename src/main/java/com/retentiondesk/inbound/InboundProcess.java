package com.retentiondesk.inbound;

import java.util.List;

import com.retentiondesk.casework.CaseVariables;

/**
 * The contract of {@code processes/inbound-callback.bpmn} ({@value #PROCESS_KEY}, 来电回复), spelled only here: one
 * case per customer while it is open, business key = customer number. It calls the customer back when the phone
 * manager could not take the transfer ({@value #NEEDS_CALLBACK}), and tells them the result of a fault report or
 * complaint ({@value #TELL_OUTCOME}).
 */
public final class InboundProcess {

	public static final String PROCESS_KEY = "InboundCallbackProcess";

	public static final String START = "StartEvent_CallRecorded";
	public static final String GATEWAY_NEEDS_CALLBACK = "Gateway_NeedsCallback";
	public static final String TASK_CALLBACK = "Task_InboundCallback";
	public static final String GATEWAY_CALLBACK_OUTCOME = "Gateway_CallbackOutcome";
	public static final String TIMER_CALL_AGAIN = "TimerEvent_CallAgain";
	public static final String BOUNDARY_CALLBACK_OVERDUE = "BoundaryEvent_CallbackOverdue";
	public static final String GATEWAY_NEEDS_OUTCOME = "Gateway_NeedsOutcome";
	public static final String TASK_TELL_OUTCOME = "Task_TellOutcome";
	public static final String BOUNDARY_TELL_OUTCOME_OVERDUE = "BoundaryEvent_TellOutcomeOverdue";
	public static final String TASK_ESCALATION = "Task_EscalationReview";
	public static final String END_SERVED = "EndEvent_Served";
	public static final String END_UNREACHABLE = "EndEvent_Unreachable";
	public static final String END_NOT_TOLD = "EndEvent_NotTold";

	/** Start variable: the manager did not take the call, so they call back. */
	public static final String NEEDS_CALLBACK = "needsCallback";
	/** Start variable (set again by a later call): a fault report or complaint whose result is to be told. */
	public static final String TELL_OUTCOME = "tellOutcome";
	/** Start variable: the topic of the call that opened the case (CONSULT, FAULT...). */
	public static final String TOPIC = "inboundTopic";
	/** When the result of a fault report or complaint is to be told (Java computes it). */
	public static final String OUTCOME_DUE = "outcomeDue";
	/** When the next call-back attempt is due after an unanswered one. */
	public static final String NEXT_CALL_AT = "nextCallAt";
	public static final String UNREACHABLE_ATTEMPTS = "unreachableAttempts";
	/** Written by the call-back's complete listener: REACHED, CALL_AGAIN or UNREACHABLE. */
	public static final String CALLBACK_NEXT = "callbackNext";

	// forms/inbound-callback.form
	public static final String CALLBACK_RESULT = "callbackResult";
	// forms/tell-outcome.form
	public static final String TELL_RESULT = "tellResult";
	public static final String OUTCOME_TEXT = "outcomeText";
	// both forms
	public static final String CALL_NOTES = "callNotes";

	/** The form fields cleared after each call so the next call starts empty. */
	static final List<String> FORM_FIELDS = List.of(CALLBACK_RESULT, TELL_RESULT, OUTCOME_TEXT, CALL_NOTES);

	public static final String CALL_DUE = CaseVariables.CALL_DUE;

	private InboundProcess() {
	}
}
