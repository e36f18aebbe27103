package com.retentiondesk.profile;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.retentiondesk.casework.CaseVariables;
import com.retentiondesk.casework.ScanDays;
import com.retentiondesk.customer.ProfileField;

/**
 * The contract of the profile processes, spelled only here: {@code processes/profile-scan.bpmn}
 * ({@value #SCAN_KEY}, Mondays 08:45) and {@code processes/profile-verification.bpmn} ({@value #PROCESS_KEY},
 * one per CDMA 普1 customer whose five basics are incomplete or unverified; business key = customer number).
 */
public final class ProfileProcess {

	public static final String SCAN_KEY = "ProfileScanProcess";
	public static final String START_WEEKLY = "StartEvent_WeeklyScan";
	public static final String SERVICE_OPEN = "ServiceTask_OpenVerifications";
	public static final String END_SCANNED = "EndEvent_ScanDone";
	/** Start variable of the scan: run on any day (by hand). */
	public static final String FORCE = ScanDays.FORCE;
	/** Optional start variable of the scan: only this team's managers (a team group id). */
	public static final String TEAM = "team";
	/** Written by the scan: how many verification tasks it gave out. */
	public static final String OPENED = "opened";

	public static final String PROCESS_KEY = "ProfileVerificationProcess";
	public static final String START_OPENED = "StartEvent_ProfileCaseOpened";
	public static final String TASK_VERIFY = "Task_VerifyProfile";
	public static final String GATEWAY_REACHED = "Gateway_Reached";
	public static final String SERVICE_CLOSE_VERIFIED = "ServiceTask_CloseVerified";
	public static final String END_VERIFIED = "EndEvent_Verified";
	public static final String SERVICE_CLOSE_UNREACHED = "ServiceTask_CloseUnreached";
	public static final String END_UNREACHED = "EndEvent_Unreached";
	public static final String BOUNDARY_OVERDUE = "BoundaryEvent_VerifyProfileOverdue";
	public static final String SERVICE_RECORD_ESCALATION = "ServiceTask_RecordEscalation";
	public static final String TASK_ESCALATION_REVIEW = "Task_EscalationReview";
	public static final String SERVICE_MAIL_SUPERVISOR = "ServiceTask_MailSupervisor";
	public static final String END_ESCALATION_HANDLED = "EndEvent_EscalationHandled";

	public static final String CUSTOMER_NO = CaseVariables.CUSTOMER_NO;
	public static final String CALL_DUE = CaseVariables.CALL_DUE;

	// the form of Task_VerifyProfile (forms/verify-profile.form); the basics are filled in when the case opens
	public static final String REACHED = "reached";
	public static final String NAME = "name";
	public static final String ID_TYPE = "idType";
	public static final String ID_NO = "idNo";
	public static final String ADDRESS = "address";
	public static final String SECOND_PHONE = "secondPhone";
	public static final String CALL_NOTES = "callNotes";
	/** The form's keys of the five basics. */
	public static final Map<ProfileField, String> BASIC_KEYS;
	static {
		Map<ProfileField, String> keys = new LinkedHashMap<>();
		keys.put(ProfileField.NAME, NAME);
		keys.put(ProfileField.ID_TYPE, ID_TYPE);
		keys.put(ProfileField.ID_NO, ID_NO);
		keys.put(ProfileField.ADDRESS, ADDRESS);
		keys.put(ProfileField.SECOND_PHONE, SECOND_PHONE);
		BASIC_KEYS = java.util.Collections.unmodifiableMap(keys);
	}
	/** Written by the task's listener, read by {@value #GATEWAY_REACHED}. */
	public static final String PROFILE_REACHED = "profileReached";

	/** The 客户资料 section of every call form: new or corrected values ... */
	public static final Map<ProfileField, String> SECTION_KEYS;
	/** ... and the basics the manager confirmed with the customer as they stand. */
	public static final Map<ProfileField, String> SECTION_CONFIRM_KEYS;
	static {
		Map<ProfileField, String> values = new LinkedHashMap<>();
		values.put(ProfileField.NAME, "profileName");
		values.put(ProfileField.ID_TYPE, "profileIdType");
		values.put(ProfileField.ID_NO, "profileIdNo");
		values.put(ProfileField.ADDRESS, "profileAddress");
		values.put(ProfileField.SECOND_PHONE, "profileSecondPhone");
		values.put(ProfileField.EMAIL, "profileEmail");
		SECTION_KEYS = java.util.Collections.unmodifiableMap(values);
		Map<ProfileField, String> confirm = new LinkedHashMap<>();
		confirm.put(ProfileField.NAME, "verifyName");
		confirm.put(ProfileField.ID_TYPE, "verifyIdType");
		confirm.put(ProfileField.ID_NO, "verifyIdNo");
		confirm.put(ProfileField.ADDRESS, "verifyAddress");
		confirm.put(ProfileField.SECOND_PHONE, "verifySecondPhone");
		SECTION_CONFIRM_KEYS = java.util.Collections.unmodifiableMap(confirm);
	}
	/** Every key of the section, cleared after each call so the next form starts empty. */
	public static final List<String> SECTION_FIELDS = java.util.stream.Stream
			.concat(SECTION_KEYS.values().stream(), SECTION_CONFIRM_KEYS.values().stream()).toList();

	private ProfileProcess() {
	}
}
