package com.retentiondesk.winback;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import com.retentiondesk.casework.FormRejectedException;
import com.retentiondesk.casework.FormValues;
import com.retentiondesk.casework.TaskFormRules;

/**
 * The fields of {@code forms/winback-call.form}, checked on the server: when the customer was reached,
 * the reason and the decision are required, a competitor must be named for COMPETITOR and a text
 * given for OTHER; a promised date lies between today and 30 days ahead.
 */
record WinbackCallForm(boolean reached, StopReason reason, String competitor, String reasonText, String solution,
		Decision decision, LocalDate promisedDate, String notes) {

	enum Decision {
		WILL_PAY, THINKING, CHURNED
	}

	private static final int MAX_TEXT = 1000;

	static WinbackCallForm parse(Map<String, Object> values, LocalDate today) {
		String outcome = FormValues.text(values, WinbackProcess.CONTACT_OUTCOME);
		if (outcome == null) {
			throw new FormRejectedException("请选择“是否接通”");
		}
		if (!outcome.equals("REACHED") && !outcome.equals("NOT_REACHED")) {
			throw new FormRejectedException("“是否接通”的值无效: " + outcome);
		}
		boolean reached = outcome.equals("REACHED");
		StopReason reason = FormValues.choice(values, WinbackProcess.STOP_REASON, StopReason.class, "停机/未缴费原因");
		Decision decision = FormValues.choice(values, WinbackProcess.CUSTOMER_DECISION, Decision.class, "客户决定");
		String competitor = FormValues.text(values, WinbackProcess.COMPETITOR_NAME, "竞争对手及其优惠", 200);
		String reasonText = FormValues.text(values, WinbackProcess.STOP_REASON_TEXT, "其他原因说明", 200);
		if (reached && reason == null) {
			throw new FormRejectedException("已接通时请选择“停机/未缴费原因”");
		}
		if (reached && decision == null) {
			throw new FormRejectedException("已接通时请选择“客户决定”");
		}
		if (reason == StopReason.COMPETITOR && competitor == null) {
			throw new FormRejectedException("原因为“转到竞争对手”时请填写“竞争对手及其优惠”");
		}
		if (reason == StopReason.OTHER && reasonText == null) {
			throw new FormRejectedException("原因为“其他”时请填写“其他原因说明”");
		}
		LocalDate promised = FormValues.date(values, WinbackProcess.PROMISED_DATE, "承诺缴费/复机日期");
		if (promised != null && (promised.isBefore(today) || promised.isAfter(today.plusDays(30)))) {
			throw new FormRejectedException("“承诺缴费/复机日期”应在今天到30天之内 (" + promised + ")");
		}
		String solution = FormValues.text(values, WinbackProcess.SOLUTION_OFFERED, "提供的解决方案", MAX_TEXT);
		String notes = FormValues.text(values, WinbackProcess.CALL_NOTES, "通话备注", MAX_TEXT);
		return new WinbackCallForm(reached, reached ? reason : null, competitor, reasonText, solution,
				reached ? decision : null, promised, notes);
	}

	/** The churn reason as recorded on a lost case: 转到竞争对手: 移动 (送宽带). */
	String reasonLabel() {
		if (reason == null) {
			return null;
		}
		return switch (reason) {
			case COMPETITOR -> reason.label + ": " + competitor;
			case OTHER -> reason.label + ": " + reasonText;
			default -> reason.label;
		};
	}

	/** Applies the form's rules before a win-back call task is completed. */
	@Component
	static class Rules implements TaskFormRules {

		private final Clock clock;

		Rules(Clock clock) {
			this.clock = clock;
		}

		@Override
		public Set<String> taskDefinitionKeys() {
			return Set.of(WinbackProcess.TASK_IMMEDIATE_CALL, WinbackProcess.TASK_ALTERNATE_CALL);
		}

		@Override
		public void check(Map<String, Object> values) {
			parse(values, LocalDate.now(clock));
		}
	}
}
