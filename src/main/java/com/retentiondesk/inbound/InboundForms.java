package com.retentiondesk.inbound;

import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import com.retentiondesk.casework.FormRejectedException;
import com.retentiondesk.casework.FormValues;
import com.retentiondesk.casework.TaskFormRules;

/**
 * The server-side rules of {@code forms/inbound-callback.form} and {@code forms/tell-outcome.form}: the result is
 * required; a reached call-back needs its notes, a result told needs the result.
 */
final class InboundForms {

	enum Result {
		REACHED, UNREACHABLE
	}

	/** What a call-back recorded. */
	record Callback(Result result, String notes) {
	}

	/** What telling the result of a fault report or complaint recorded. */
	record Told(Result result, String outcome, String notes) {
	}

	private InboundForms() {
	}

	/** The rules of the call-back's form. */
	@Component
	static class CallbackRules implements TaskFormRules {
		@Override
		public Set<String> taskDefinitionKeys() {
			return Set.of(InboundProcess.TASK_CALLBACK);
		}

		@Override
		public void check(Map<String, Object> values) {
			callback(values);
		}
	}

	/** The rules of the form that tells the result. */
	@Component
	static class TellOutcomeRules implements TaskFormRules {
		@Override
		public Set<String> taskDefinitionKeys() {
			return Set.of(InboundProcess.TASK_TELL_OUTCOME);
		}

		@Override
		public void check(Map<String, Object> values) {
			told(values);
		}
	}

	/** @throws FormRejectedException with a Chinese message naming the field */
	static Callback callback(Map<String, Object> values) {
		Result result = FormValues.choice(values, InboundProcess.CALLBACK_RESULT, Result.class, "回电结果");
		if (result == null) {
			throw new FormRejectedException("请选择“回电结果”");
		}
		String notes = FormValues.text(values, InboundProcess.CALL_NOTES, "通话记录", 1000);
		if (result == Result.REACHED && notes == null) {
			throw new FormRejectedException("已接通时请填写“通话记录”(客户的问题与答复)");
		}
		return new Callback(result, notes);
	}

	/** @throws FormRejectedException with a Chinese message naming the field */
	static Told told(Map<String, Object> values) {
		Result result = FormValues.choice(values, InboundProcess.TELL_RESULT, Result.class, "通话结果");
		if (result == null) {
			throw new FormRejectedException("请选择“通话结果”");
		}
		String outcome = FormValues.text(values, InboundProcess.OUTCOME_TEXT, "处理结果", 1000);
		String notes = FormValues.text(values, InboundProcess.CALL_NOTES, "通话备注", 1000);
		if (result == Result.REACHED && outcome == null) {
			throw new FormRejectedException("已告知时请填写“处理结果”");
		}
		return new Told(result, outcome, notes);
	}
}
