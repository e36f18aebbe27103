package com.retentiondesk.care;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import com.retentiondesk.web.AllowedGroups;
import com.retentiondesk.web.DeskGroups;
import com.retentiondesk.web.DeskPrincipal;

/**
 * {@code POST /api/care/weather-alerts} {@code {"weatherKind": "TYPHOON", "teams": "team1", "templateId": 12}}:
 * starts {@code WeatherAlertProcess} (supervisors for their own teams, 403 for another team; administrators for
 * any). The same start is possible with the start form in Tasklist or the engine REST API.
 */
@RestController
@AllowedGroups({ DeskGroups.SUPERVISORS, DeskGroups.ADMINS })
class WeatherAlertController {

	record AlertRequest(String weatherKind, String teams, Object templateId) {
	}

	private final WeatherAlerts alerts;

	WeatherAlertController(WeatherAlerts alerts) {
		this.alerts = alerts;
	}

	@PostMapping("/api/care/weather-alerts")
	@ResponseStatus(HttpStatus.CREATED)
	Map<String, Object> start(@RequestBody AlertRequest body, HttpServletRequest request) {
		try {
			String instance = alerts.start(DeskPrincipal.of(request).userId(), body.weatherKind(), body.teams(),
					body.templateId());
			return Map.of("processInstanceId", instance);
		} catch (WeatherAlerts.NotYourTeamException e) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN, e.getMessage());
		}
	}
}
