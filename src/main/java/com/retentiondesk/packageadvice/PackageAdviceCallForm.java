package com.retentiondesk.packageadvice;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

import com.retentiondesk.casework.OfferCall;
import com.retentiondesk.casework.OfferCallFormRules;

/** The server-side rules of {@code forms/package-advice-call.form}: an {@link OfferCall} with these decline reasons. */
@Component
class PackageAdviceCallForm extends OfferCallFormRules {

	static final Map<String, String> REASONS = new LinkedHashMap<>();
	static {
		REASONS.put("PRICE", "价格/资费");
		REASONS.put("SATISFIED", "对现有套餐满意");
		REASONS.put("USAGE_UNCERTAIN", "用量不稳定");
		REASONS.put("COMPETITOR", "竞争对手优惠");
		REASONS.put("OTHER", "其他");
	}

	PackageAdviceCallForm(Clock clock) {
		super(clock, PackageAdviceProcess.TASK_CALL);
	}

	static OfferCall parse(Map<String, Object> values, LocalDate today) {
		return OfferCall.parse(values, today, REASONS);
	}

	@Override
	protected OfferCall read(Map<String, Object> values, LocalDate today) {
		return parse(values, today);
	}
}
