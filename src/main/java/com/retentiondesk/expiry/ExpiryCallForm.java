package com.retentiondesk.expiry;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import com.retentiondesk.casework.FormRejectedException;
import com.retentiondesk.casework.FormValues;
import com.retentiondesk.casework.TaskFormRules;

/**
 * The fields of {@code forms/expiry-call.form}, checked on the server: a result is required; a
 * decline needs a reason (a competitor named, or a text for OTHER); a callback date lies between
 * tomorrow and 60 days ahead.
 */
record ExpiryCallForm(Result result, LocalDate callbackDate, DeclineReason declineReason, String competitor,
		String declineText, String notes) {

	enum Result {
		ACCEPTED, THINKING, DECLINED, UNREACHABLE
	}

	enum DeclineReason {
		PRICE("价格/资费"), NETWORK("网络质量"), COMPETITOR("竞争对手优惠"), MOVING("搬离本地"), NO_NEED("不再需要"), OTHER("其他");

		final String label;

		DeclineReason(String label) {
			this.label = label;
		}
	}

	static ExpiryCallForm parse(Map<String, Object> values, LocalDate today) {
		Result result = FormValues.choice(values, ExpiryProcess.CALL_RESULT, Result.class, "通话结果");
		if (result == null) {
			throw new FormRejectedException("请选择“通话结果”");
		}
		LocalDate callback = FormValues.date(values, ExpiryProcess.CALLBACK_DATE, "约定回访日期");
		if (callback != null && (!callback.isAfter(today) || callback.isAfter(today.plusDays(60)))) {
			throw new FormRejectedException("“约定回访日期”应在明天到60天之内 (" + callback + ")");
		}
		DeclineReason reason = FormValues.choice(values, ExpiryProcess.DECLINE_REASON, DeclineReason.class, "拒绝原因");
		String competitor = FormValues.text(values, ExpiryProcess.COMPETITOR_NAME, "竞争对手及其优惠", 200);
		String declineText = FormValues.text(values, ExpiryProcess.DECLINE_TEXT, "其他原因说明", 200);
		if (result == Result.DECLINED && reason == null) {
			throw new FormRejectedException("客户拒绝时请选择“拒绝原因”");
		}
		if (reason == DeclineReason.COMPETITOR && competitor == null) {
			throw new FormRejectedException("原因为“竞争对手优惠”时请填写“竞争对手及其优惠”");
		}
		if (reason == DeclineReason.OTHER && declineText == null) {
			throw new FormRejectedException("原因为“其他”时请填写“其他原因说明”");
		}
		String notes = FormValues.text(values, ExpiryProcess.CALL_NOTES, "通话备注", 1000);
		return new ExpiryCallForm(result, result == Result.THINKING ? callback : null,
				result == Result.DECLINED ? reason : null, competitor, declineText, notes);
	}

	String declineLabel() {
		if (declineReason == null) {
			return null;
		}
		return switch (declineReason) {
			case COMPETITOR -> declineReason.label + ": " + competitor;
			case OTHER -> declineReason.label + ": " + declineText;
			default -> declineReason.label;
		};
	}

	/** Applies the form's rules before the retention call is completed. */
	@Component
	static class Rules implements TaskFormRules {

		private final Clock clock;

		Rules(Clock clock) {
			this.clock = clock;
		}

		@Override
		public Set<String> taskDefinitionKeys() {
			return Set.of(ExpiryProcess.TASK_RETENTION_CALL);
		}

		@Override
		public void check(Map<String, Object> values) {
			parse(values, LocalDate.now(clock));
		}
	}
}
