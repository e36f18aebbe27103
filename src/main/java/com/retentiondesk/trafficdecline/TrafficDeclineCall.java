package com.retentiondesk.trafficdecline;

import java.util.LinkedHashMap;
import java.util.Map;

import com.retentiondesk.casework.FormRejectedException;
import com.retentiondesk.casework.FormValues;

/**
 * What {@code forms/traffic-decline-call.form} records: reached or not; what the customer said about the
 * fall (service problem, package unsuitable, competitor, moved, usage changed, other), competitor news, and
 * the action (the offer accepted, no action needed, lost).
 */
record TrafficDeclineCall(Result result, String said, String competitor, Action action, String notes) {

	enum Result {
		REACHED, UNREACHABLE
	}

	enum Action {
		OFFER, NO_ACTION, LOST
	}

	static final Map<String, String> SAID = new LinkedHashMap<>();
	static {
		SAID.put("SERVICE_PROBLEM", "服务问题");
		SAID.put("PACKAGE_UNSUITABLE", "套餐不合适");
		SAID.put("COMPETITOR", "竞争对手");
		SAID.put("MOVED", "搬迁/外出");
		SAID.put("USAGE_CHANGED", "使用习惯变化");
		SAID.put("OTHER", "其他");
	}

	static final Map<Action, String> ACTIONS = Map.of(Action.OFFER, "接受推荐方案", Action.NO_ACTION, "无需处理",
			Action.LOST, "已流失");

	/** @throws FormRejectedException with a Chinese message naming the field */
	static TrafficDeclineCall parse(Map<String, Object> values) {
		Result result = FormValues.choice(values, TrafficDeclineProcess.CALL_RESULT, Result.class, "通话结果");
		if (result == null) {
			throw new FormRejectedException("请选择“通话结果”");
		}
		String said = FormValues.text(values, TrafficDeclineProcess.CUSTOMER_SAID);
		if (said != null && !SAID.containsKey(said)) {
			throw new FormRejectedException("“客户反映的原因”的值无效: " + said);
		}
		String saidText = FormValues.text(values, TrafficDeclineProcess.SAID_TEXT, "其他原因说明", 200);
		String competitor = FormValues.text(values, TrafficDeclineProcess.COMPETITOR_NAME, "竞争对手动态", 200);
		Action action = FormValues.choice(values, TrafficDeclineProcess.ACTION, Action.class, "处理结果");
		String notes = FormValues.text(values, TrafficDeclineProcess.CALL_NOTES, "通话备注", 1000);
		if (result == Result.UNREACHABLE) {
			return new TrafficDeclineCall(result, null, competitor, null, notes);
		}
		if (said == null) {
			throw new FormRejectedException("接通时请选择“客户反映的原因”");
		}
		if ("COMPETITOR".equals(said) && competitor == null) {
			throw new FormRejectedException("原因为“竞争对手”时请填写“竞争对手动态”");
		}
		if ("OTHER".equals(said) && saidText == null) {
			throw new FormRejectedException("原因为“其他”时请填写“其他原因说明”");
		}
		if (action == null) {
			throw new FormRejectedException("接通时请选择“处理结果”");
		}
		String label = SAID.get(said) + ("OTHER".equals(said) ? ": " + saidText : "")
				+ ("COMPETITOR".equals(said) ? ": " + competitor : "");
		return new TrafficDeclineCall(result, label, competitor, action, notes);
	}
}
