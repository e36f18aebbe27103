package com.retentiondesk.winback;

/** Why a customer stopped paying or left (停机/未缴费原因), as the winback form lists them. */
enum StopReason {
	FORGOT("忘记缴费"), CANNOT_AFFORD("经济困难"), DISSATISFIED("对服务不满意"), COMPETITOR("转到竞争对手"),
	MOVING("搬离本地"), OTHER("其他");

	final String label;

	StopReason(String label) {
		this.label = label;
	}
}
