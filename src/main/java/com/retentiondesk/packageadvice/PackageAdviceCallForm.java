package com.retentiondesk.packageadvice;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import com.retentiondesk.casework.OfferCall;
import com.retentiondesk.casework.TaskFormRules;

/** The server-side rules of {@code forms/package-advice-call.form}: an {@link OfferCall} with these decline reasons. */
@Component
class PackageAdviceCallForm implements TaskFormRules {

	static final Map<String, String> REASONS = new LinkedHashMap<>();
	static {
		REASONS.put("PRICE", "价格/资费");
		REASONS.put("SATISFIED", "对现有套餐满意");
		REASONS.put("USAGE_UNCERTAIN", "用量不稳定");
		REASONS.put("COMPETITOR", "竞争对手优惠");
		REASONS.put("OTHER", "其他");
	}

	private final Clock clock;

	PackageAdviceCallForm(Clock clock) {
		this.clock = clock;
	}

	static OfferCall parse(Map<String, Object> values, LocalDate today) {
		return OfferCall.parse(values, today, REASONS);
	}

	@Override
	public Set<String> taskDefinitionKeys() {
		return Set.of(PackageAdviceProcess.TASK_CALL);
	}

	@Override
	public void check(Map<String, Object> values) {
		parse(values, LocalDate.now(clock));
	}
}
