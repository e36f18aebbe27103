package com.retentiondesk.care;

import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code ServiceTask_PlanWeatherSend} of {@code WeatherAlertProcess}: once the managers confirmed (or the
 * confirmation time ran out), writes {@code sendAt}, the first moment in calling hours (any day), which
 * {@code TimerEvent_CallingHours} waits for.
 */
@Component("planWeatherSend")
class PlanWeatherSendDelegate implements JavaDelegate {

	private final WeatherAlerts alerts;

	PlanWeatherSendDelegate(WeatherAlerts alerts) {
		this.alerts = alerts;
	}

	@Override
	public void execute(DelegateExecution execution) {
		execution.setVariable(CareProcess.SEND_AT, Date.from(alerts.sendAt()));
	}
}
