package com.retentiondesk.packageadvice;

/**
 * The contract of {@code processes/package-advice.bpmn} and {@code package-advice.dmn}: keys, ids and
 * variables, spelled only here.
 */
public final class PackageAdviceProcess {

	public static final String PROCESS_KEY = "PackageAdviceProcess";
	public static final String DECISION_KEY = "PackageAdvice";

	public static final String TASK_CALL = "Task_PackageAdviceCall";
	public static final String TASK_ESCALATION_REVIEW = "Task_EscalationReview";
	public static final String SERVICE_RECORD_ESCALATION = "ServiceTask_RecordEscalation";
	public static final String SERVICE_MAIL_SUPERVISOR = "ServiceTask_MailSupervisor";
	public static final String BOUNDARY_CALL_OVERDUE = "BoundaryEvent_PackageAdviceCallOverdue";
	public static final String TIMER_NEXT_CALL = "TimerEvent_NextCall";
	public static final String END_PACKAGE_CHANGED = "EndEvent_PackageChanged";
	public static final String END_DECLINED = "EndEvent_Declined";
	public static final String END_UNREACHABLE = "EndEvent_Unreachable";
	public static final String END_ESCALATION_HANDLED = "EndEvent_EscalationHandled";

	// variables written by Java
	public static final String USAGE_MONTH = "usageMonth";
	/** An {@link AdviceType} name. */
	public static final String ADVICE_TYPE = "adviceType";
	public static final String RECOMMENDED_PACKAGE = "recommendedPackage";
	/** A {@link com.retentiondesk.casework.OfferCall.Next} name. */
	public static final String NEXT = "adviceNext";
	public static final String NEXT_CALL_AT = com.retentiondesk.casework.OfferCalls.NEXT_CALL_AT;
	public static final String UNREACHABLE_ATTEMPTS = com.retentiondesk.casework.OfferCalls.UNREACHABLE_ATTEMPTS;

	// forms/package-advice-call.form has the fields of com.retentiondesk.casework.OfferCall

	private PackageAdviceProcess() {
	}
}
