package com.retentiondesk.expiry;

import org.camunda.bpm.engine.delegate.VariableScope;

import com.retentiondesk.casework.CaseVariables;

/**
 * The contract of {@code processes/contract-expiry-retention.bpmn}, {@code expiry-scan.bpmn} and
 * {@code retention-offer.dmn}: keys, ids and variables, spelled only here.
 */
public final class ExpiryProcess {

	public static final String PROCESS_KEY = "ContractExpiryRetentionProcess";
	public static final String SCAN_PROCESS_KEY = "ExpiryScanProcess";
	public static final String DECISION_KEY = "RetentionOffer";

	public static final String TASK_RETENTION_CALL = "Task_RetentionCall";
	public static final String TASK_ESCALATION_REVIEW = "Task_EscalationReview";
	public static final String TASK_NEAR_EXPIRY = "Task_EscalationNearExpiry";
	public static final String SERVICE_RENEW = "ServiceTask_RenewAgreement";
	public static final String SERVICE_RECORD_ESCALATION = "ServiceTask_RecordEscalation";
	public static final String SERVICE_MAIL_SUPERVISOR = "ServiceTask_MailSupervisor";
	public static final String SERVICE_MAIL_RENEWAL_CONFIRMATION = "ServiceTask_MailRenewalConfirmation";
	public static final String SERVICE_OPEN_CASES = "ServiceTask_OpenExpiryCases";
	public static final String BOUNDARY_CALL_OVERDUE = "BoundaryEvent_RetentionCallOverdue";
	public static final String TIMER_NEXT_CALL = "TimerEvent_NextCall";
	public static final String START_NEAR_EXPIRY = "StartEvent_NearExpiry";
	public static final String START_EXPIRED = "StartEvent_AgreementExpired";
	public static final String END_RETAINED = "EndEvent_Retained";
	public static final String END_DECLINED = "EndEvent_Declined";
	public static final String END_UNREACHABLE = "EndEvent_Unreachable";
	public static final String END_EXPIRED = "EndEvent_Expired";

	// variables written by Java
	public static final String AGREEMENT_ID = "agreementId";
	public static final String OFFER_CODE = "offerCode";
	public static final String OFFER_SCRIPT = "offerScript";
	/** A {@link com.retentiondesk.casework.OfferCall.Next} name. */
	public static final String NEXT = "expiryNext";
	public static final String NEXT_CALL_AT = com.retentiondesk.casework.OfferCalls.NEXT_CALL_AT;
	public static final String UNREACHABLE_ATTEMPTS = com.retentiondesk.casework.OfferCalls.UNREACHABLE_ATTEMPTS;
	public static final String NEAR_EXPIRY_AT = "nearExpiryAt";
	public static final String EXPIRES_AT = "expiresAt";
	public static final String SCAN_FORCE = com.retentiondesk.casework.ScanDays.FORCE;
	public static final String SCAN_OPENED = "opened";
	public static final String SCAN_SKIPPED = "skipped";

	// forms/expiry-call.form has the fields of com.retentiondesk.casework.OfferCall

	/** The agreement the case is about. */
	public static long agreementId(VariableScope scope) {
		return CaseVariables.longOf(scope, AGREEMENT_ID);
	}

	private ExpiryProcess() {
	}
}
