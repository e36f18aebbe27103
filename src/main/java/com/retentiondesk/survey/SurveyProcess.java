package com.retentiondesk.survey;

import com.retentiondesk.casework.CaseVariables;
import com.retentiondesk.casework.ScanDays;

/**
 * The contract of the satisfaction survey's two processes, spelled only here:
 * {@code processes/satisfaction-survey.bpmn} ({@value #PROCESS_KEY}: the monthly sampling) and
 * {@code processes/customer-survey.bpmn} ({@value #CUSTOMER_PROCESS_KEY}: one per sampled customer,
 * business key = customer number).
 */
public final class SurveyProcess {

	public static final String PROCESS_KEY = "SatisfactionSurveyProcess";
	public static final String START_MONTHLY = "StartEvent_MonthlySurvey";
	public static final String SERVICE_SAMPLE = "ServiceTask_SampleCustomers";
	public static final String END_SAMPLED = "EndEvent_Sampled";

	public static final String CUSTOMER_PROCESS_KEY = "CustomerSurveyProcess";
	public static final String START_SURVEY = "StartEvent_SurveyOpened";
	public static final String TASK_SURVEY = "Task_SatisfactionSurvey";
	public static final String SERVICE_RECORD = "ServiceTask_RecordResponse";
	public static final String GATEWAY_LOW_SCORE = "Gateway_LowScore";
	public static final String TASK_REVIEW_LOW_SCORE = "Task_ReviewLowScore";
	public static final String END_SURVEYED = "EndEvent_Surveyed";
	public static final String END_REVIEWED = "EndEvent_LowScoreReviewed";

	/** Start variable of the sampling: run on any day (by hand). */
	public static final String FORCE = ScanDays.FORCE;
	/** Optional start variable of the sampling: the month to sample ("2026-12"); the month before if absent. */
	public static final String SURVEY_MONTH = "surveyMonth";
	/** Written by the sampling: how many surveys it opened. */
	public static final String OPENED = "opened";

	// the variables of a customer's survey: nothing of a case, only who is asked about whom and when
	public static final String CUSTOMER_NO = CaseVariables.CUSTOMER_NO;
	public static final String CUSTOMER_NAME = CaseVariables.CUSTOMER_NAME;
	public static final String SERVICE_NO = CaseVariables.SERVICE_NO;
	public static final String MANAGER_ID = CaseVariables.MANAGER_ID;
	/** The survey task's due time (the 10th), computed by Java. */
	public static final String SURVEY_DUE = "surveyDue";
	/** Shown read-only on the survey form: the customer's name and numbers in one line. */
	public static final String SURVEY_CUSTOMER = "surveyCustomer";

	// the survey form
	public static final String REACHED = "reached";
	public static final String SCORE = "score";
	public static final String COMMENT = "comment";

	/** Written by the recording step: a score of {@value #LOW_SCORE} or less goes to the supervisor. */
	public static final String LOW_SCORE_FLAG = "lowScore";
	public static final int LOW_SCORE = 2;
	public static final String SUPERVISOR_ID = CaseVariables.SUPERVISOR_ID;

	private SurveyProcess() {
	}
}
