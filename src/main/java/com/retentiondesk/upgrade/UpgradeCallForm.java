package com.retentiondesk.upgrade;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import com.retentiondesk.casework.FormRejectedException;
import com.retentiondesk.casework.FormValues;
import com.retentiondesk.casework.TaskFormRules;

/**
 * The fields of {@code forms/upgrade-call.form}, checked on the server: a result is required; an
 * accepted upgrade needs the handset model and either an appointment date (today to 30 days ahead)
 * or a store visit; a decline needs a reason; a callback date lies between tomorrow and 60 days ahead.
 */
record UpgradeCallForm(Result result, String handsetModel, LocalDate appointment, boolean storeVisit,
		LocalDate callbackDate, Reason reason, String competitor, String reasonText, String notes) {

	enum Result {
		ACCEPTED, THINKING, DECLINED, UNREACHABLE
	}

	enum Reason {
		PRICE("价格/资费"), HABIT("习惯小灵通"), NO_NEED("不需要手机"), COMPETITOR("竞争对手优惠"), OTHER("其他");

		final String label;

		Reason(String label) {
			this.label = label;
		}
	}

	static UpgradeCallForm parse(Map<String, Object> values, LocalDate today) {
		Result result = FormValues.choice(values, UpgradeProcess.CALL_RESULT, Result.class, "通话结果");
		if (result == null) {
			throw new FormRejectedException("请选择“通话结果”");
		}
		String handset = FormValues.text(values, UpgradeProcess.HANDSET_MODEL, "选择的机型", 100);
		LocalDate appointment = FormValues.date(values, UpgradeProcess.APPOINTMENT_DATE, "预约上门/办理日期");
		boolean storeVisit = Boolean.parseBoolean(String.valueOf(values.get(UpgradeProcess.STORE_VISIT)));
		if (result == Result.ACCEPTED) {
			if (handset == null) {
				throw new FormRejectedException("接受升级时请填写“选择的机型”");
			}
			if (appointment == null && !storeVisit) {
				throw new FormRejectedException("接受升级时请填写“预约上门/办理日期”或勾选“客户到营业厅办理”");
			}
			if (appointment != null && (appointment.isBefore(today) || appointment.isAfter(today.plusDays(30)))) {
				throw new FormRejectedException("“预约上门/办理日期”应在今天到30天之内 (" + appointment + ")");
			}
		}
		LocalDate callback = FormValues.date(values, UpgradeProcess.CALLBACK_DATE, "约定回访日期");
		if (callback != null && (!callback.isAfter(today) || callback.isAfter(today.plusDays(60)))) {
			throw new FormRejectedException("“约定回访日期”应在明天到60天之内 (" + callback + ")");
		}
		Reason reason = FormValues.choice(values, UpgradeProcess.DECLINE_REASON, Reason.class, "拒绝原因");
		String competitor = FormValues.text(values, UpgradeProcess.COMPETITOR_NAME, "竞争对手及其优惠", 200);
		String reasonText = FormValues.text(values, UpgradeProcess.DECLINE_TEXT, "其他原因说明", 200);
		if (result == Result.DECLINED && reason == null) {
			throw new FormRejectedException("客户拒绝时请选择“拒绝原因”");
		}
		if (reason == Reason.COMPETITOR && competitor == null) {
			throw new FormRejectedException("原因为“竞争对手优惠”时请填写“竞争对手及其优惠”");
		}
		if (reason == Reason.OTHER && reasonText == null) {
			throw new FormRejectedException("原因为“其他”时请填写“其他原因说明”");
		}
		String notes = FormValues.text(values, UpgradeProcess.CALL_NOTES, "通话备注", 1000);
		return new UpgradeCallForm(result, handset, appointment, storeVisit,
				result == Result.THINKING ? callback : null, result == Result.DECLINED ? reason : null, competitor,
				reasonText, notes);
	}

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

	/** Applies the form's rules before the upgrade call is completed. */
	@Component
	static class Rules implements TaskFormRules {

		private final Clock clock;

		Rules(Clock clock) {
			this.clock = clock;
		}

		@Override
		public Set<String> taskDefinitionKeys() {
			return Set.of(UpgradeProcess.TASK_UPGRADE_CALL);
		}

		@Override
		public void check(Map<String, Object> values) {
			parse(values, LocalDate.now(clock));
		}
	}
}
