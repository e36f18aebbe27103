package com.retentiondesk.trafficdecline;

/** How far a customer's bill fell (话务下降分阶段), {@link TrafficDeclinePolicy}. */
public enum DeclineStage {
	/** 第一阶段: more than 30% below last month. */
	STAGE_1("第一阶段(降幅超过30%)"),
	/** 第二阶段: lower by 30% or less. */
	STAGE_2("第二阶段(降幅不超过30%)"),
	/** CDMA普1: any decline, no stages. */
	TIER1("CDMA普1(不分阶段)");

	private final String label;

	DeclineStage(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
