package com.retentiondesk.survey;

import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import com.retentiondesk.casework.FormRejectedException;
import com.retentiondesk.casework.FormValues;
import com.retentiondesk.casework.TaskFormRules;

/**
 * The server-side rules of {@code forms/low-score-review.form} ({@code Task_ReviewLowScore}): what the
 * supervisor did about the low score is required, at most 1000 characters.
 */
@Component
class LowScoreReviewForm implements TaskFormRules {

	static final String REVIEW_NOTES = "reviewNotes";

	@Override
	public Set<String> taskDefinitionKeys() {
		return Set.of(SurveyProcess.TASK_REVIEW_LOW_SCORE);
	}

	@Override
	public void check(Map<String, Object> values) {
		if (FormValues.text(values, REVIEW_NOTES, "处理说明", 1000) == null) {
			throw new FormRejectedException("请填写“处理说明”");
		}
	}
}
