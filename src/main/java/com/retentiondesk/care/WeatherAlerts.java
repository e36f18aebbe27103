package com.retentiondesk.care;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;

import com.retentiondesk.calendar.WorkCalendar;
import com.retentiondesk.casework.Staff;
import com.retentiondesk.web.DeskGroups;

/**
 * Weather alerts (天气提醒): a supervisor starts {@code WeatherAlertProcess} for teams of their own with an approved
 * weather template, through {@code POST /api/care/weather-alerts} or the start form in Tasklist; both are checked
 * by {@link #check}.
 */
@Service
class WeatherAlerts {

	/** A checked request. */
	record Alert(WeatherKind kind, List<String> teams, CareTemplates.ApprovedTemplate template) {
	}

	/** The caller may not start an alert for these teams (403). */
	static class NotYourTeamException extends RuntimeException {
		NotYourTeamException(String message) {
			super(message);
		}
	}

	private final CareTemplates templates;
	private final Staff staff;
	private final IdentityService identity;
	private final RuntimeService runtime;
	private final WorkCalendar calendar;
	private final Clock clock;

	WeatherAlerts(CareTemplates templates, Staff staff, IdentityService identity, RuntimeService runtime,
			WorkCalendar calendar, Clock clock) {
		this.templates = templates;
		this.staff = staff;
		this.identity = identity;
		this.runtime = runtime;
		this.calendar = calendar;
		this.clock = clock;
	}

	/**
	 * @throws IllegalArgumentException naming the field, in Chinese
	 * @throws NotYourTeamException     when a team is not the caller's (administrators may choose any)
	 */
	Alert check(String userId, Object weatherKind, Object teams, Object templateId) {
		if (userId == null) {
			throw new NotYourTeamException("只有主管可以发起天气提醒(未登录)");
		}
		List<String> groups = identity.createGroupQuery().groupMember(userId).list().stream().map(g -> g.getId()).toList();
		boolean admin = groups.contains(DeskGroups.ADMINS);
		if (!admin && !groups.contains(DeskGroups.SUPERVISORS)) {
			throw new NotYourTeamException("只有主管可以发起天气提醒: " + userId + " 不是主管");
		}
		WeatherKind kind;
		try {
			kind = WeatherKind.valueOf(String.valueOf(weatherKind).trim());
		} catch (IllegalArgumentException e) {
			throw new IllegalArgumentException("weatherKind: 请选择天气类型 (TYPHOON 台风、RAINSTORM 暴雨、COLD_WAVE 寒潮、HEAT 高温、"
					+ "OTHER 其他),而不是 '" + weatherKind + "'");
		}
		Set<String> chosen = new LinkedHashSet<>(Arrays.asList(String.valueOf(teams == null ? "" : teams).trim()
				.split("[,，\\s]+")));
		chosen.remove("");
		if (chosen.isEmpty()) {
			throw new IllegalArgumentException("teams: 请填写班组编号 (逗号分隔, 例如 team1)");
		}
		if (!admin) {
			List<String> own = staff.teamsOf(userId);
			Set<String> others = new LinkedHashSet<>(chosen);
			others.removeAll(own);
			if (!others.isEmpty()) {
				throw new NotYourTeamException("teams: 只能为本班组发起天气提醒; " + String.join("、", others) + " 不是你的班组 (你的班组: "
						+ String.join("、", own) + ")");
			}
		}
		long template;
		try {
			template = Long.parseLong(String.valueOf(templateId).trim());
		} catch (NumberFormatException e) {
			throw new IllegalArgumentException("templateId: 请填写已批准的天气提醒模板编号,而不是 '" + templateId + "'");
		}
		LocalDate today = LocalDate.now(clock.withZone(calendar.zone()));
		return new Alert(kind, List.copyOf(chosen), templates.sendable(template, CareKind.WEATHER, today));
	}

	/**
	 * Starts the alert for {@code userId}, checked by the API. The engine call runs without an engine
	 * authentication (as every /api call), so the start listener takes the starter from {@code startedBy}; an
	 * engine REST or Tasklist start always has one, which it takes instead.
	 */
	String start(String userId, String weatherKind, String teams, Object templateId) {
		check(userId, weatherKind, teams, templateId);
		return runtime.startProcessInstanceByKey(CareProcess.WEATHER_KEY, Map.of(CareProcess.WEATHER_KIND, weatherKind,
				CareProcess.TEAMS, teams, CareProcess.TEMPLATE_ID, String.valueOf(templateId), CareProcess.STARTED_BY,
				userId)).getId();
	}

	/** The first moment in calling hours from now (any day: a typhoon does not wait for Monday). */
	Instant sendAt() {
		return calendar.nextCallingTimeAnyDay(clock.instant());
	}
}
