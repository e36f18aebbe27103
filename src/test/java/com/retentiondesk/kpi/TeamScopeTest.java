package com.retentiondesk.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import com.retentiondesk.DeskTest;
import com.retentiondesk.Fixtures;
import com.retentiondesk.TasklistSession;

/**
 * Issue 24, finding 3 (the part on the desk's own figures): a supervisor sees their own team's KPIs and
 * reports, administrators every team's; managers see no team's case counts through the engine's statistics.
 */
@DeskTest
class TeamScopeTest {

	@Autowired
	TestRestTemplate http;

	@Test
	void shouldRefuseASupervisorAnotherTeamsKpisAndReports() {
		ResponseEntity<Map> kpi = get("supervisor1", "/api/kpi?team=team2", Map.class);
		ResponseEntity<Map> monthly = get("supervisor1", "/api/reports/monthly?month=2026-11&team=team2", Map.class);
		ResponseEntity<Map> weekly = get("supervisor1", "/api/reports/weekly?team=team2", Map.class);

		assertThat(kpi.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat((String) kpi.getBody().get("message")).contains("本班组");
		assertThat(monthly.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(weekly.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(get("supervisor2", "/api/kpi?team=team1", Map.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
	}

	@Test
	void shouldOpenOnTheSupervisorsOwnTeam() {
		ResponseEntity<Map> kpi = get("supervisor1", "/api/kpi", Map.class);
		ResponseEntity<Map> teams = get("supervisor1", "/api/kpi/teams", Map.class);

		assertThat(kpi.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(kpi.getBody()).containsEntry("team", "team1");
		assertThat(teams.getBody()).containsEntry("all", false).containsEntry("teams", List.of("team1"));
		assertThat(get("supervisor1", "/api/reports/monthly?month=2026-11&team=team1", byte[].class).getStatusCode())
				.isEqualTo(HttpStatus.OK);
	}

	@Test
	void shouldLetAnAdministratorSeeAnyTeamOrAll() {
		assertThat(get("admin", "/api/kpi?team=team2", Map.class).getBody()).containsEntry("team", "team2");
		assertThat(get("admin", "/api/kpi", Map.class).getBody()).containsEntry("team", null);
		assertThat(get("admin", "/api/kpi/teams", Map.class).getBody()).containsEntry("all", true);
	}

	@Test
	void shouldRefuseManagersTheEnginesCaseCounts() {
		for (String path : List.of("/engine-rest/process-definition/statistics",
				"/engine-rest/process-definition/key/ArrearsReminderProcess/statistics")) {
			ResponseEntity<String> manager = get("manager1", path, String.class);
			assertThat(manager.getStatusCode()).as(path).isEqualTo(HttpStatus.FORBIDDEN);
			assertThat(manager.getBody()).as(path).contains("无权查看流程统计");
		}
		ResponseEntity<String> webapp = http.exchange("/camunda/api/engine/engine/default/process-definition/statistics",
				HttpMethod.GET, new HttpEntity<>(TasklistSession.login(http, "manager5", Fixtures.PASSWORD)), String.class);
		assertThat(webapp.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		// Cockpit's dashboard still has them
		assertThat(get("supervisor1", "/engine-rest/process-definition/statistics", String.class).getStatusCode())
				.isEqualTo(HttpStatus.OK);
	}

	private <T> ResponseEntity<T> get(String user, String path, Class<T> type) {
		return http.withBasicAuth(user, Fixtures.PASSWORD).getForEntity(path, type);
	}
}
