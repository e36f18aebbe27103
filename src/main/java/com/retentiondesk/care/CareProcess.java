package com.retentiondesk.care;

import com.retentiondesk.casework.CaseVariables;
import com.retentiondesk.casework.ScanDays;

/**
 * The contract of the care processes, spelled only here: {@code processes/care-message-approval.bpmn}
 * ({@value #APPROVAL_KEY}), {@code processes/weekend-greeting.bpmn} ({@value #WEEKEND_KEY}),
 * {@code processes/holiday-greeting.bpmn} ({@value #HOLIDAY_KEY}) and {@code processes/weather-alert.bpmn}
 * ({@value #WEATHER_KEY}).
 */
public final class CareProcess {

	// CareMessageApprovalProcess: one per proposed template, business key = template id
	public static final String APPROVAL_KEY = "CareMessageApprovalProcess";
	public static final String TASK_APPROVE = "Task_ApproveMessage";
	public static final String GATEWAY_APPROVED = "Gateway_Approved";
	public static final String END_APPROVED = "EndEvent_MessageApproved";
	public static final String END_REJECTED = "EndEvent_MessageRejected";
	public static final String TEMPLATE_ID = "templateId";
	public static final String TEMPLATE_SUMMARY = "templateSummary";
	public static final String PROPOSER_ID = "proposerId";
	public static final String SUPERVISOR_GROUP = CaseVariables.SUPERVISOR_GROUP;
	/** Form variable of Task_ApproveMessage. */
	public static final String APPROVED = "approved";
	public static final String DECISION_NOTE = "decisionNote";

	// the three bulk greetings
	public static final String WEEKEND_KEY = "WeekendGreetingProcess";
	public static final String START_WEEKEND = "StartEvent_FridayMorning";
	public static final String SERVICE_PREPARE_WEEKEND = "ServiceTask_PrepareWeekendBatch";
	public static final String GATEWAY_WEEKEND_DUE = "Gateway_WeekendDue";
	public static final String END_NO_WEEKEND = "EndEvent_NoWeekendGreeting";
	public static final String END_WEEKEND_SENT = "EndEvent_WeekendSent";

	public static final String HOLIDAY_KEY = "HolidayGreetingProcess";
	public static final String START_HOLIDAY = "StartEvent_DailyHolidayCheck";
	public static final String SERVICE_PREPARE_HOLIDAY = "ServiceTask_PrepareHolidayBatch";
	public static final String GATEWAY_HOLIDAY_DUE = "Gateway_HolidayDue";
	public static final String TASK_CONFIRM_HOLIDAY = "Task_ConfirmHolidayBatch";
	public static final String BOUNDARY_HOLIDAY_SEND_TIME = "BoundaryEvent_HolidaySendTime";
	public static final String TIMER_HOLIDAY_SEND = "TimerEvent_HolidaySendTime";
	public static final String END_NO_HOLIDAY = "EndEvent_NoHolidayDue";
	public static final String END_HOLIDAY_SENT = "EndEvent_HolidaySent";

	public static final String WEATHER_KEY = "WeatherAlertProcess";
	public static final String START_WEATHER = "StartEvent_WeatherAlert";
	public static final String TASK_CONFIRM_WEATHER = "Task_ConfirmWeatherBatch";
	public static final String BOUNDARY_WEATHER_CONFIRM_DUE = "BoundaryEvent_WeatherConfirmDue";
	public static final String SERVICE_PLAN_WEATHER = "ServiceTask_PlanWeatherSend";
	public static final String TIMER_CALLING_HOURS = "TimerEvent_CallingHours";
	public static final String END_WEATHER_SENT = "EndEvent_WeatherSent";

	/** The send step of each greeting: one team per job, looping while {@value #TEAMS_LEFT}. */
	public static final String SERVICE_SEND_TEAM = "ServiceTask_SendTeamBatch";
	public static final String GATEWAY_TEAMS_LEFT = "Gateway_TeamsLeft";

	/** Start variable: run on any day (by hand). */
	public static final String FORCE = ScanDays.FORCE;
	/** Written by the preparing step: whether a batch goes out (a gateway reads it). */
	public static final String BATCH_DUE = "batchDue";
	/** Why no batch goes out (shown in Cockpit). */
	public static final String SKIP_REASON = "skipReason";
	public static final String BATCH_ID = "batchId";
	public static final String BATCH_TITLE = "batchTitle";
	public static final String RECIPIENTS = "recipients";
	/** The managers of a batch, comma-separated (the confirm tasks' multi-instance reads it). */
	public static final String MANAGERS = "managers";
	public static final String MANAGER_COUNT = "managerCount";
	/** Local to a confirm task: its manager, their team group and their part of the batch. */
	public static final String MANAGER_ID = CaseVariables.MANAGER_ID;
	public static final String TEAM_GROUP = CaseVariables.TEAM_GROUP;
	public static final String BATCH_SUMMARY = "batchSummary";
	public static final String CONFIRM_DUE = "confirmDue";
	/** When the batch goes out (a timer reads it), computed by Java. */
	public static final String SEND_AT = "sendAt";
	/** Written by the send step. */
	public static final String TEAMS_LEFT = "teamsLeft";
	public static final String SENT_COUNT = "sentCount";

	/** Holiday: by hand, the holiday to prepare now ("2027-01-01"). */
	public static final String HOLIDAY_DATE = "holidayDate";

	/** Weather alert start variables. */
	public static final String WEATHER_KIND = "weatherKind";
	public static final String TEAMS = "teams";
	public static final String STARTED_BY = "startedBy";

	/** Form variables of the confirm tasks. */
	public static final String SEND = "send";
	public static final String EXCLUDED = "excludedCustomers";
	public static final String CONFIRM_NOTE = "confirmNote";

	private CareProcess() {
	}
}
