package com.retentiondesk.birthday;

import java.util.List;

import com.retentiondesk.casework.ScanDays;

/**
 * The contract of {@code processes/birthday-scan.bpmn} ({@value #SCAN_PROCESS_KEY}) and
 * {@code processes/birthday-greeting.bpmn} ({@value #PROCESS_KEY}, business key = customer number): keys, ids and
 * variables, spelled only here.
 */
public final class BirthdayProcess {

	public static final String SCAN_PROCESS_KEY = "BirthdayScanProcess";
	public static final String START_DAILY_SCAN = "StartEvent_DailyBirthdayScan";
	public static final String SERVICE_OPEN_GREETINGS = "ServiceTask_OpenBirthdayGreetings";
	public static final String END_SCAN_DONE = "EndEvent_BirthdayScanDone";
	/** Start variable of the scan: open greetings on a rest day too (by hand). */
	public static final String FORCE = ScanDays.FORCE;
	/** Written by the scan: how many greetings it opened. */
	public static final String SCAN_OPENED = "greetingsOpened";

	public static final String PROCESS_KEY = "BirthdayGreetingProcess";
	public static final String TASK_GREETING = "Task_BirthdayGreeting";
	public static final String BOUNDARY_GREETING_OVERDUE = "BoundaryEvent_BirthdayGreetingOverdue";
	public static final String BOUNDARY_GREETING_EXPIRED = "BoundaryEvent_BirthdayGreetingExpired";
	public static final String GATEWAY_SEND_SMS = "Gateway_SendGreetingSms";
	public static final String TIMER_SMS_IN_CALLING_HOURS = "TimerEvent_SmsInCallingHours";
	public static final String SERVICE_SEND_SMS = "ServiceTask_SendGreetingSms";
	public static final String SERVICE_RECORD_ESCALATION = "ServiceTask_RecordEscalation";
	public static final String SERVICE_MAIL_SUPERVISOR = "ServiceTask_MailSupervisor";
	public static final String TASK_ESCALATION_REVIEW = "Task_EscalationReview";
	public static final String END_GREETED_BY_PHONE = "EndEvent_GreetedByPhone";
	public static final String END_GREETED_BY_SMS = "EndEvent_GreetedBySms";
	public static final String END_GREETING_EXPIRED = "EndEvent_GreetingExpired";
	public static final String END_ESCALATION_HANDLED = "EndEvent_EscalationHandled";

	// variables written by Java
	/** The birthday greeted ("2026-12-05"): this year's date of the customer's birthday. */
	public static final String BIRTHDAY_ON = "birthdayOn";
	/** When the open greeting is given up (the case ends EXPIRED): the end of the next working day's calling hours. */
	public static final String EXPIRES_AT = "greetingExpiresAt";
	/** Whether the greeting goes out by SMS (chosen, or the call did not get through): the gateway reads it. */
	public static final String SEND_SMS = "sendGreetingSms";
	/** When the SMS may go out: now, or the next calling time if the task was completed outside calling hours. */
	public static final String SMS_AT = "greetingSmsAt";

	// variables written by forms/birthday-greeting.form
	/** {@code PHONE} or {@code SMS}. */
	public static final String CHANNEL = "channel";
	public static final String REACHED = "reached";
	public static final String NOTE = "note";
	static final List<String> FORM_FIELDS = List.of(CHANNEL, REACHED, NOTE);

	private BirthdayProcess() {
	}
}
