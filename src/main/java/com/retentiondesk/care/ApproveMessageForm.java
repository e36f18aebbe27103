package com.retentiondesk.care;

import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import com.retentiondesk.casework.FormRejectedException;
import com.retentiondesk.casework.FormValues;
import com.retentiondesk.casework.TaskFormRules;

/**
 * The server-side rules of {@code forms/care-message-approval.form} ({@code Task_ApproveMessage}): the decision
 * is required; a rejection needs its reason (the proposer reads it); the note is at most 500 characters.
 */
@Component
class ApproveMessageForm implements TaskFormRules {

	@Override
	public Set<String> taskDefinitionKeys() {
		return Set.of(CareProcess.TASK_APPROVE);
	}

	@Override
	public void check(Map<String, Object> values) {
		Boolean approved = approved(values.get(CareProcess.APPROVED));
		if (approved == null) {
			throw new FormRejectedException("请选择“是否批准”");
		}
		String note = FormValues.text(values, CareProcess.DECISION_NOTE, "审批意见", 500);
		if (!approved && (note == null || note.isBlank())) {
			throw new FormRejectedException("驳回时请填写“审批意见”(驳回原因)");
		}
	}

	static Boolean approved(Object value) {
		if (value instanceof Boolean flag) {
			return flag;
		}
		if (value != null && (value.toString().equals("true") || value.toString().equals("false"))) {
			return Boolean.valueOf(value.toString());
		}
		if (value != null && !value.toString().isBlank()) {
			throw new FormRejectedException("“是否批准”的值无效: " + value);
		}
		return null;
	}
}
