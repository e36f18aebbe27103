package com.retentiondesk.casework;

import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

/**
 * The server-side rules of {@code forms/escalation-review.form}, the supervisor's form on every
 * escalation task of every case: how the escalation was handled is required, notes up to 1000.
 */
@Component
class EscalationReviewForm implements TaskFormRules {

	enum Action {
		REMINDED_MANAGER, REASSIGNED, CALLED_MYSELF
	}

	@Override
	public Set<String> taskDefinitionKeys() {
		return Set.of("Task_EscalationReview", "Task_EscalationNearExpiry");
	}

	@Override
	public void check(Map<String, Object> values) {
		if (FormValues.choice(values, "escalationAction", Action.class, "处理方式") == null) {
			throw new FormRejectedException("请选择“处理方式”");
		}
		FormValues.text(values, "escalationNotes", "处理说明", 1000);
	}
}
