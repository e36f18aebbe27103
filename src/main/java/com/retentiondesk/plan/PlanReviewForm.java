package com.retentiondesk.plan;

import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import com.retentiondesk.casework.FormRejectedException;
import com.retentiondesk.casework.FormValues;
import com.retentiondesk.casework.TaskFormRules;

/** The server-side rules of {@code forms/plan-review.form}: the supervisor's notes are required, at most 1000 characters. */
@Component
class PlanReviewForm implements TaskFormRules {

	@Override
	public Set<String> taskDefinitionKeys() {
		return Set.of(PlanProcess.TASK_REVIEW);
	}

	@Override
	public void check(Map<String, Object> values) {
		if (FormValues.text(values, PlanProcess.REVIEW_NOTES, "审阅意见", 1000) == null) {
			throw new FormRejectedException("请填写“审阅意见”");
		}
	}
}
