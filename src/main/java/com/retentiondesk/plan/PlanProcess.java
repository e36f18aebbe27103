package com.retentiondesk.plan;

/**
 * The contract of {@code processes/plan-review.bpmn} ({@value #PROCESS_KEY}, 工作计划审阅): one per plan
 * submitted, business key = {@code manager:month}.
 */
public final class PlanProcess {

	public static final String PROCESS_KEY = "PlanReviewProcess";
	public static final String TASK_REVIEW = "Task_ReviewPlan";
	public static final String END_REVIEWED = "EndEvent_PlanReviewed";

	public static final String MANAGER_ID = "managerId";
	/** Shown on the form: the manager's name, family name first. */
	public static final String MANAGER_NAME = "managerName";
	public static final String PLAN_MONTH = "planMonth";
	/** What the form shows: the plan's figures per kind of work, one line. */
	public static final String PLAN_SUMMARY = "planSummary";
	/** Due on the 5th working day of the month (or at once, for a plan submitted later). */
	public static final String REVIEW_DUE = "reviewDue";
	public static final String REVIEW_NOTES = "reviewNotes";

	static String businessKey(String managerId, String month) {
		return managerId + ":" + month;
	}

	private PlanProcess() {
	}
}
