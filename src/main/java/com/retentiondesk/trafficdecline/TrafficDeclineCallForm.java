package com.retentiondesk.trafficdecline;

import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import com.retentiondesk.casework.TaskFormRules;

/** The server-side rules of {@code forms/traffic-decline-call.form} ({@link TrafficDeclineCall#parse}). */
@Component
class TrafficDeclineCallForm implements TaskFormRules {

	@Override
	public Set<String> taskDefinitionKeys() {
		return Set.of(TrafficDeclineProcess.TASK_CALL);
	}

	@Override
	public void check(Map<String, Object> values) {
		TrafficDeclineCall.parse(values);
	}
}
