package com.retentiondesk.upgrade;

/** The contract of {@code processes/phs-upgrade.bpmn}: keys, ids, messages and variables, spelled only here. */
public final class UpgradeProcess {

	public static final String PROCESS_KEY = "PhsUpgradeProcess";

	public static final String TASK_UPGRADE_CALL = "Task_UpgradeCall";
	public static final String TASK_VERIFY_ACTIVATION = "Task_VerifyActivation";
	public static final String TASK_ESCALATION_REVIEW = "Task_EscalationReview";
	public static final String SERVICE_RECORD_ORDER = "ServiceTask_RecordUpgradeOrder";
	public static final String SERVICE_RECORD_ESCALATION = "ServiceTask_RecordEscalation";
	public static final String SERVICE_MAIL_SUPERVISOR = "ServiceTask_MailSupervisor";
	public static final String SERVICE_MAIL_ORDER_CONFIRMATION = "ServiceTask_MailOrderConfirmation";
	public static final String BOUNDARY_DEADLINE_PASSED = "BoundaryEvent_DeadlinePassed";
	public static final String TIMER_NEXT_CALL = "TimerEvent_NextCall";
	public static final String TIMER_ACTIVATION_DUE = "TimerEvent_ActivationDue";
	public static final String END_UPGRADED = "EndEvent_Upgraded";
	public static final String END_ACTIVATED = "EndEvent_Activated";
	public static final String END_CANCELLED = "EndEvent_Cancelled";
	public static final String END_DECLINED = "EndEvent_Declined";
	public static final String END_UNREACHABLE = "EndEvent_Unreachable";

	public static final String MESSAGE_ACTIVATED = "LineActivated";

	// variables written by Java
	public static final String CAMPAIGN = "campaign";
	public static final String OFFER = "dispatchOffer";
	/** A {@link com.retentiondesk.casework.OfferCall.Next} name. */
	public static final String NEXT = "upgradeNext";
	public static final String VERIFY_NEXT = "verifyNext";
	public static final String NEXT_CALL_AT = com.retentiondesk.casework.OfferCalls.NEXT_CALL_AT;
	public static final String ACTIVATION_DUE_AT = "activationDueAt";
	public static final String UNREACHABLE_ATTEMPTS = com.retentiondesk.casework.OfferCalls.UNREACHABLE_ATTEMPTS;

	// variables written by the forms (upgrade-call also has the fields of casework.OfferCall)
	public static final String HANDSET_MODEL = "handsetModel";
	public static final String APPOINTMENT_DATE = "appointmentDate";
	public static final String STORE_VISIT = "storeVisit";
	public static final String VERIFICATION = "verification";
	public static final String VERIFY_NOTES = "verifyNotes";

	/** Values of {@link #VERIFY_NEXT} (and of the verification form). */
	public enum Verification {
		CONFIRMED, NOT_YET, CANCELLED
	}

	private UpgradeProcess() {
	}
}
