package com.retentiondesk.arrears;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import com.retentiondesk.casework.FormRejectedException;
import com.retentiondesk.casework.TaskFormRules;

/**
 * The fields of {@code forms/arrears-call.form}, checked on the server with Chinese messages that
 * name the field: outcome required; a promised date only when reached, from today to 30 days ahead;
 * a payment channel required when reached; notes up to 1000 characters.
 */
record ArrearsCallForm(CallOutcome outcome, LocalDate promisedDate, PaymentChannel channel, String notes) {

	static ArrearsCallForm parse(Map<String, Object> values, LocalDate today) {
		Object outcomeValue = values.get(ArrearsProcess.CALL_OUTCOME);
		if (outcomeValue == null || outcomeValue.toString().isBlank()) {
			throw new FormRejectedException("请选择“是否接通”");
		}
		CallOutcome outcome;
		try {
			outcome = CallOutcome.valueOf(outcomeValue.toString());
		} catch (IllegalArgumentException e) {
			throw new FormRejectedException("“是否接通”的值无效: " + outcomeValue);
		}
		LocalDate promised = date(values.get(ArrearsProcess.PROMISED_PAYMENT_DATE));
		if (promised != null) {
			if (outcome != CallOutcome.REACHED) {
				throw new FormRejectedException("未接通时不能填写“承诺缴费日期”");
			}
			if (promised.isBefore(today)) {
				throw new FormRejectedException("“承诺缴费日期”不能早于今天 (" + promised + ")");
			}
			if (promised.isAfter(today.plusDays(MAX_PROMISE_DAYS))) {
				throw new FormRejectedException("“承诺缴费日期”不能晚于" + MAX_PROMISE_DAYS + "天之后 (" + promised + ")");
			}
		}
		Object channelValue = values.get(ArrearsProcess.PAYMENT_CHANNEL);
		PaymentChannel channel = null;
		if (channelValue != null && !channelValue.toString().isBlank()) {
			try {
				channel = PaymentChannel.valueOf(channelValue.toString());
			} catch (IllegalArgumentException e) {
				throw new FormRejectedException("“建议的缴费渠道”的值无效: " + channelValue);
			}
		} else if (outcome == CallOutcome.REACHED) {
			throw new FormRejectedException("已接通时请选择“建议的缴费渠道”");
		}
		Object notesValue = values.get(ArrearsProcess.CALL_NOTES);
		String notes = notesValue == null || notesValue.toString().isBlank() ? null : notesValue.toString().trim();
		if (notes != null && notes.length() > MAX_NOTES) {
			throw new FormRejectedException("“通话备注”不能超过" + MAX_NOTES + "个字");
		}
		return new ArrearsCallForm(outcome, promised, channel, notes);
	}

	private static LocalDate date(Object value) {
		if (value == null || value.toString().isBlank()) {
			return null;
		}
		if (value instanceof Date date) {
			return date.toInstant().atZone(java.time.ZoneId.of("Asia/Shanghai")).toLocalDate();
		}
		String text = value.toString().trim();
		try {
			// form-js sends "2026-11-30"; a datetime would be "2026-11-30T10:00"
			return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
		} catch (DateTimeParseException e) {
			throw new FormRejectedException("“承诺缴费日期”格式错误: " + text + " (应为 yyyy-MM-dd)");
		}
	}

	private static final int MAX_PROMISE_DAYS = 30;
	private static final int MAX_NOTES = 1000;

	/** Applies the form's rules before a reminder call task is completed. */
	@Component
	static class Rules implements TaskFormRules {

		private final java.time.Clock clock;

		Rules(java.time.Clock clock) {
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
