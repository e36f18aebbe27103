package com.retentiondesk.plan;

import java.util.Arrays;
import java.util.Optional;

/** The kinds of planned work, with the name the workbook shows in its column 工作项. */
public enum PlanItemKind {
	ARREARS("欠费提醒"),
	EXPIRY("到期保有"),
	BIRTHDAY("生日关怀"),
	USAGE_WARNING("话务套餐预警"),
	PROFILE_GAP("资料完善"),
	UPGRADE("升级营销"),
	OTHER("其他");

	private final String label;

	PlanItemKind(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	/** By its Chinese name or its code; a blank cell is {@link #OTHER}. */
	static Optional<PlanItemKind> parse(String text) {
		if (text == null || text.isBlank()) {
			return Optional.of(OTHER);
		}
		String value = text.strip();
		return Arrays.stream(values()).filter(k -> k.label.equals(value) || k.name().equalsIgnoreCase(value)).findFirst();
	}
}
