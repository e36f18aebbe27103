package com.retentiondesk.trafficdecline;

/**
 * The contract of {@code processes/traffic-decline-retention.bpmn} and {@code traffic-decline-offer.dmn}:
 * keys, ids and variables, spelled only here.
 */
public final class TrafficDeclineProcess {

	public static final String PROCESS_KEY = "TrafficDeclineRetentionProcess";
	public static final String DECISION_KEY = "TrafficDeclineOffer";

	public static final String TASK_CALL = "Task_TrafficDeclineCall";
	public static final String TASK_ESCALATION_REVIEW = "Task_EscalationReview";
	public static final String SERVICE_RECORD_ESCALATION = "ServiceTask_RecordEscalation";
	public static final String SERVICE_MAIL_SUPERVISOR = "ServiceTask_MailSupervisor";
	public static final String BOUNDARY_CALL_OVERDUE = "BoundaryEvent_TrafficDeclineCallOverdue";
	public static final String TIMER_NEXT_CALL = "TimerEvent_NextCall";
	public static final String END_RETAINED = "EndEvent_Retained";
	public static final String END_NO_ACTION = "EndEvent_NoActionNeeded";
	public static final String END_LOST = "EndEvent_Lost";
	public static final String END_UNREACHABLE = "EndEvent_Unreachable";
	public static final String END_ESCALATION_HANDLED = "EndEvent_EscalationHandled";

	// variables written by Java
	public static final String USAGE_MONTH = "usageMonth";
	/** A {@link DeclineStage} name. */
	public static final String DECLINE_STAGE = "declineStage";
	public static final String LAST_MONTH_AMOUNT = "lastMonthAmount";
	public static final String THIS_MONTH_AMOUNT = "thisMonthAmount";
	public static final String OFFER_CODE = "offerCode";
	public static final String OFFER_SCRIPT = "offerScript";
	/** A {@link TrafficDeclineCallPolicy.Next} name: the gateway after the call reads it. */
	public static final String NEXT = "declineNext";
	public static final String NEXT_CALL_AT = "nextCallAt";
	public static final String UNREACHABLE_ATTEMPTS = "unreachableAttempts";

	// variables written by forms/traffic-decline-call.form
	public static final String CALL_RESULT = "callResult";
	public static final String CUSTOMER_SAID = "customerSaid";
	public static final String SAID_TEXT = "customerSaidText";
	public static final String COMPETITOR_NAME = "competitorName";
	public static final String ACTION = "declineAction";
	public static final String CALL_NOTES = "callNotes";
	static final java.util.List<String> FORM_FIELDS = java.util.List.of(CALL_RESULT, CUSTOMER_SAID, SAID_TEXT,
			COMPETITOR_NAME, ACTION, CALL_NOTES);

	private TrafficDeclineProcess() {
	}
}
