package com.retentiondesk.arrears;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import com.retentiondesk.casework.FormRejectedException;
import com.retentiondesk.casework.FormValues;
import com.retentiondesk.casework.TaskFormRules;

/**
 * The fields of {@code forms/arrears-call.form}, checked on the server with Chinese messages that
 * name the field: outcome required; a promised date only when reached, from today to 30 days ahead;
 * a payment channel required when reached; notes up to 1000 characters.
 */
record ArrearsCallForm(CallOutcome outcome, LocalDate promisedDate, PaymentChannel channel, String notes) {

	private static final int MAX_PROMISE_DAYS = 30;
	private static final int MAX_NOTES = 1000;

	static ArrearsCallForm parse(Map<String, Object> values, LocalDate today) {
		CallOutcome outcome = FormValues.choice(values, ArrearsProcess.CALL_OUTCOME, CallOutcome.class, "是否接通");
		if (outcome == null) {
			throw new FormRejectedException("请选择“是否接通”");
		}
		LocalDate promised = FormValues.date(values, ArrearsProcess.PROMISED_PAYMENT_DATE, "承诺缴费日期");
		if (promised != null) {
			if (outcome != CallOutcome.REACHED) {
				throw new FormRejectedException("未接通时不能填写“承诺缴费日期”");
			}
			if (promised.isBefore(today)) {
				throw new FormRejectedException("“承诺缴费日期” " + promised + " 早于今天 (" + today + ")");
			}
			if (promised.isAfter(today.plusDays(MAX_PROMISE_DAYS))) {
				throw new FormRejectedException("“承诺缴费日期” " + promised + " 晚于" + MAX_PROMISE_DAYS + "天之后 (" + today.plusDays(MAX_PROMISE_DAYS) + ")");
			}
		}
		PaymentChannel channel = FormValues.choice(values, ArrearsProcess.PAYMENT_CHANNEL, PaymentChannel.class,
				"建议的缴费渠道");
		if (channel == null && outcome == CallOutcome.REACHED) {
			throw new FormRejectedException("已接通时请选择“建议的缴费渠道”");
		}
		String notes = FormValues.text(values, ArrearsProcess.CALL_NOTES, "通话备注", MAX_NOTES);
		return new ArrearsCallForm(outcome, promised, channel, notes);
	}

	/** Applies the form's rules before a reminder call task is completed. */
	@Component
	static class Rules implements TaskFormRules {

		private final Clock clock;

		Rules(Clock clock) {
			this.clock = clock;
		}

		@Override
		public Set<String> taskDefinitionKeys() {
			return Set.of(ArrearsProcess.TASK_FIRST_CALL, ArrearsProcess.TASK_SECOND_CALL);
		}

		@Override
		public void check(Map<String, Object> values) {
			parse(values, LocalDate.now(clock));
		}
	}
}
