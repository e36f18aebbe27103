package com.retentiondesk.upgrade;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

import com.retentiondesk.casework.FormRejectedException;
import com.retentiondesk.casework.FormValues;
import com.retentiondesk.casework.OfferCall;
import com.retentiondesk.casework.OfferCallFormRules;

/**
 * The server-side rules of {@code forms/upgrade-call.form}: an {@link OfferCall} with these decline
 * reasons; an accepted upgrade also needs the handset model and an appointment date (today to 30 days
 * ahead) or a store visit.
 */
@Component
class UpgradeCallForm extends OfferCallFormRules {

	static final Map<String, String> REASONS = new LinkedHashMap<>();
	static {
		REASONS.put("PRICE", "价格/资费");
		REASONS.put("HABIT", "习惯小灵通");
		REASONS.put("NO_NEED", "不需要手机");
		REASONS.put("COMPETITOR", "竞争对手优惠");
		REASONS.put("OTHER", "其他");
	}

	UpgradeCallForm(Clock clock) {
		super(clock, UpgradeProcess.TASK_UPGRADE_CALL);
	}

	static OfferCall parse(Map<String, Object> values, LocalDate today) {
		OfferCall call = OfferCall.parse(values, today, REASONS);
		if (call.result() == OfferCall.Result.ACCEPTED) {
			String handset = FormValues.text(values, UpgradeProcess.HANDSET_MODEL, "选择的机型", 100);
			LocalDate appointment = FormValues.date(values, UpgradeProcess.APPOINTMENT_DATE, "预约上门/办理日期");
			boolean storeVisit = Boolean.parseBoolean(String.valueOf(values.get(UpgradeProcess.STORE_VISIT)));
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
		return call;
	}

	@Override
	protected OfferCall read(Map<String, Object> values, LocalDate today) {
		return parse(values, today);
	}
}
