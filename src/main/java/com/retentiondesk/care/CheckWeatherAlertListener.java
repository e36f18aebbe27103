package com.retentiondesk.care;

import java.time.Clock;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

import com.retentiondesk.casework.FormRejectedException;

/**
 * Start listener of {@code WeatherAlertProcess}: the starter (the engine authentication of a REST or Tasklist
 * start, else {@code startedBy} from the desk's own API) must be a supervisor starting it for teams of their own
 * with an approved weather template; anything else stops the start with a Chinese message (REST: 400). Then
 * prepares the batch (every star customer of those teams) and writes {@code batchId}, {@code managers},
 * {@code managerCount} and {@code confirmDue}.
 */
@Component("checkWeatherAlert")
class CheckWeatherAlertListener implements ExecutionListener {

	private final WeatherAlerts alerts;
	private final CareBatches batches;
	private final CareSettings settings;
	private final Clock clock;

	CheckWeatherAlertListener(WeatherAlerts alerts, CareBatches batches, CareSettings settings, Clock clock) {
		this.alerts = alerts;
		this.batches = batches;
		this.settings = settings;
		this.clock = clock;
	}

	@Override
	public void notify(DelegateExecution execution) {
		Authentication caller = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
		String starter = caller != null ? caller.getUserId() : (String) execution.getVariable(CareProcess.STARTED_BY);
		WeatherAlerts.Alert alert;
		try {
			alert = alerts.check(starter, execution.getVariable(CareProcess.WEATHER_KIND),
					execution.getVariable(CareProcess.TEAMS), execution.getVariable(CareProcess.TEMPLATE_ID));
		} catch (IllegalArgumentException | WeatherAlerts.NotYourTeamException e) {
			throw new FormRejectedException(e.getMessage());
		}
		String title = alert.kind().label() + "提醒 " + String.join("、", alert.teams());
		CareBatches.Batch batch = batches.prepare("WEATHER-" + execution.getProcessInstanceId(), CareKind.WEATHER,
				alert.template().id(), title, CareBatches.Audience.starCustomersOf(alert.teams())).orElseThrow();
		List<String> managers = batches.managers(batch.id());
		if (managers.isEmpty()) {
			throw new FormRejectedException("teams: 班组 " + String.join("、", alert.teams()) + " 没有可发送短信的星级客户");
		}
		execution.setVariable(CareProcess.STARTED_BY, starter);
		execution.setVariable(CareProcess.BATCH_ID, batch.id());
		execution.setVariable(CareProcess.BATCH_TITLE, title);
		execution.setVariable(CareProcess.RECIPIENTS, batches.size(batch.id()));
		execution.setVariable(CareProcess.MANAGERS, String.join(",", managers));
		execution.setVariable(CareProcess.MANAGER_COUNT, managers.size());
		execution.setVariable(CareProcess.CONFIRM_DUE, Date.from(clock.instant()
				.plus(settings.weatherConfirmWithin())));
		execution.setVariable(CareProcess.SENT_COUNT, 0);
	}
}
