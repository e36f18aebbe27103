package com.retentiondesk.arrears;

/**
 * The contract of {@code processes/arrears-reminder.bpmn} and {@code arrears-scan.bpmn}: process
 * keys, element ids, message names and variables, spelled only here. Keys are API for integrators.
 */
public final class ArrearsProcess {

	public static final String PROCESS_KEY = "ArrearsReminderProcess";
	public static final String SCAN_PROCESS_KEY = "ArrearsScanProcess";

	public static final String TASK_FIRST_CALL = "Task_FirstReminderCall";
	public static final String TASK_SECOND_CALL = "Task_SecondReminderCall";
	public static final String TASK_ESCALATION_REVIEW = "Task_EscalationReview";
	public static final String SERVICE_AUTO_REMINDER_SMS = "ServiceTask_SendAutoReminderSms";
	public static final String SERVICE_AUTO_REMINDER_EMAIL = "ServiceTask_SendAutoReminderEmail";
	public static final String SUBPROCESS_AUTO_REMINDERS = "SubProcess_AutoReminders";
	public static final String TIMER_AUTO_REMINDER_DUE = "TimerEvent_AutoReminderDue";
	public static final String TIMER_FIRST_CALL_TIME = "TimerEvent_FirstCallTime";
	public static final String END_AUTO_REMINDERS_DONE = "EndEvent_AutoRemindersDone";
	public static final String SERVICE_RECORD_ESCALATION = "ServiceTask_RecordEscalation";
	public static final String SERVICE_MAIL_SUPERVISOR = "ServiceTask_MailSupervisor";
	public static final String SERVICE_OPEN_CASES = "ServiceTask_OpenArrearsCases";
	public static final String TIMER_FOLLOW_UP = "TimerEvent_FollowUpDue";
	public static final String TIMER_FINAL_WAIT = "TimerEvent_FinalWaitDue";
	public static final String BOUNDARY_FIRST_CALL_OVERDUE = "BoundaryEvent_FirstCallOverdue";
	public static final String BOUNDARY_SECOND_CALL_OVERDUE = "BoundaryEvent_SecondCallOverdue";
	public static final String END_PAID = "EndEvent_Paid";
	public static final String END_UNPAID = "EndEvent_Unpaid";
	public static final String END_SUSPENDED = "EndEvent_Suspended";
	public static final String END_ESCALATION_HANDLED = "EndEvent_EscalationHandled";
	public static final String START_DAILY_SCAN = "StartEvent_DailyScan";

	public static final String MESSAGE_PAYMENT_RECEIVED = "PaymentReceived";
	public static final String MESSAGE_LINE_SUSPENDED = "LineSuspended";

	// variables written by Java
	public static final String AUTO_REMINDER = "autoReminder";
	public static final String FIRST_CALL_DUE = "firstCallDue";
	/** 普1: how many automatic reminders, when the first goes out and when the manager's first call comes. */
	public static final String AUTO_REMINDERS = "autoReminders";
	public static final String FIRST_REMINDER_AT = "firstReminderAt";
	public static final String FIRST_CALL_AT = "firstCallAt";
	/** Local to each reminder of {@code SubProcess_AutoReminders}: when it goes out. */
	public static final String AUTO_REMINDER_AT = "autoReminderAt";
	public static final String FOLLOW_UP_AT = "followUpAt";
	public static final String SECOND_CALL_DUE = "secondCallDue";
	public static final String FINAL_WAIT_AT = "finalWaitAt";
	public static final String SCAN_OPENED = "opened";
	public static final String SCAN_SKIPPED = "skipped";
	/** Start variable of the scan: run on a non-working day too. */
	public static final String SCAN_FORCE = com.retentiondesk.casework.ScanDays.FORCE;

	// variables written by the call form (forms/arrears-call.form)
	public static final String CALL_OUTCOME = "callOutcome";
	public static final String PROMISED_PAYMENT_DATE = "promisedPaymentDate";
	public static final String PAYMENT_CHANNEL = "paymentChannel";
	public static final String CALL_NOTES = "callNotes";

	private ArrearsProcess() {
	}
}
