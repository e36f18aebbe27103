package com.retentiondesk.expiry;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

import com.retentiondesk.casework.OfferCall;
import com.retentiondesk.casework.OfferCallFormRules;

/** The server-side rules of {@code forms/expiry-call.form}: an {@link OfferCall} with these decline reasons. */
@Component
class ExpiryCallForm extends OfferCallFormRules {

	static final Map<String, String> REASONS = new LinkedHashMap<>();
	static {
		REASONS.put("PRICE", "价格/资费");
		REASONS.put("NETWORK", "网络质量");
		REASONS.put("COMPETITOR", "竞争对手优惠");
		REASONS.put("MOVING", "搬离本地");
		REASONS.put("NO_NEED", "不再需要");
		REASONS.put("OTHER", "其他");
	}

	ExpiryCallForm(Clock clock) {
		super(clock, ExpiryProcess.TASK_RETENTION_CALL);
	}

	static OfferCall parse(Map<String, Object> values, LocalDate today) {
		return OfferCall.parse(values, today, REASONS);
	}

	@Override
	protected OfferCall read(Map<String, Object> values, LocalDate today) {
		return parse(values, today);
	}
}
