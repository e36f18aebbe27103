package com.retentiondesk.care;

/** What a weather alert warns of. */
public enum WeatherKind {
	TYPHOON("台风"), RAINSTORM("暴雨"), COLD_WAVE("寒潮"), HEAT("高温"), OTHER("其他天气或事件");

	private final String label;

	WeatherKind(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
