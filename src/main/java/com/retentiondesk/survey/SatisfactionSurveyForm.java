package com.retentiondesk.survey;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import com.retentiondesk.casework.FormRejectedException;
import com.retentiondesk.casework.FormValues;
import com.retentiondesk.casework.TaskFormRules;

/**
 * The server-side rules of {@code forms/satisfaction-survey.form} ({@code Task_SatisfactionSurvey}):
 * whether the customer was reached is required; a reached customer's score is a whole number from 1 to 5,
 * an unreached customer has none; the comment is at most 1000 characters.
 */
@Component
class SatisfactionSurveyForm implements TaskFormRules {

	static final int MAX_COMMENT = 1000;

	@Override
	public Set<String> taskDefinitionKeys() {
		return Set.of(SurveyProcess.TASK_SURVEY);
	}

	@Override
	public void check(Map<String, Object> values) {
		Boolean reached = reached(values.get(SurveyProcess.REACHED));
		if (reached == null) {
			throw new FormRejectedException("请填写“是否接通”");
		}
		Object score = values.get(SurveyProcess.SCORE);
		boolean hasScore = score != null && !score.toString().isBlank();
		if (reached && !hasScore) {
			throw new FormRejectedException("客户已接通,请填写“满意度评分”(1-5分)");
		}
		if (!reached && hasScore) {
			throw new FormRejectedException("客户未接通,不能填写“满意度评分”");
		}
		if (reached) {
			score(score);
		}
		FormValues.text(values, SurveyProcess.COMMENT, "客户意见", MAX_COMMENT);
	}

	/** The reached flag as a checkbox (Boolean) or a REST caller ("true"/"false") sends it, or null. */
	static Boolean reached(Object value) {
		if (value instanceof Boolean flag) {
			return flag;
		}
		if (value != null && (value.toString().equals("true") || value.toString().equals("false"))) {
			return Boolean.valueOf(value.toString());
		}
		if (value != null && !value.toString().isBlank()) {
			throw new FormRejectedException("“是否接通”的值无效: " + value);
		}
		return null;
	}

	/** A score of 1 to 5, as form-js (a number) or a REST caller (a number or a text) sends it. */
	static int score(Object value) {
		try {
			BigDecimal number = new BigDecimal(value.toString().trim());
			if (number.stripTrailingZeros().scale() <= 0 && number.compareTo(BigDecimal.ONE) >= 0
					&& number.compareTo(BigDecimal.valueOf(5)) <= 0) {
				return number.intValueExact();
			}
		} catch (NumberFormatException | ArithmeticException e) {
			// reported below
		}
		throw new FormRejectedException("“满意度评分”须为1到5的整数: " + value);
	}
}
