package com.retentiondesk.care;

/** What a care message is for; a template serves one kind. */
public enum CareKind {
	WEEKEND("周末问候"), HOLIDAY("节日问候"), WEATHER("天气提醒"), BIRTHDAY("生日祝福");

	private final String label;

	CareKind(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
