package com.retentiondesk.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import com.retentiondesk.web.DeskGroups;

/**
 * Issue 23's acceptance on MariaDB: a dispatch of 20,000 rows is answered 202 at once, and its Location is
 * followed to DONE (every case opened, the report in the one shape). Run by {@code mvn -Pmariadb verify}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "camunda.bpm.job-execution.enabled=false", "spring.mail.port=3025" })
@ActiveProfiles("mysql")
class LongDispatchIT {

	private static final Logger log = LoggerFactory.getLogger(LongDispatchIT.class);
	private static final int ROWS = 20_000;

	@Autowired
	TestRestTemplate http;
	@Autowired
	JdbcTemplate jdbc;
	@Autowired
	IdentityService identity;

	@Test
	@SuppressWarnings("unchecked")
	void shouldDispatch20000RowsInTheBackgroundAndFollowThemToDone() throws InterruptedException {
		String prefix = "LD" + Long.toString(System.currentTimeMillis() % 1_000_000, 36).toUpperCase();
		List<String> managers = List.of("ldmanager1", "ldmanager2");
		if (identity.createGroupQuery().groupId("ldteam").count() == 0) {
			Group team = identity.newGroup("ldteam");
			team.setName("长名单测试组");
			team.setType(DeskGroups.TEAM_TYPE);
			identity.saveGroup(team);
		}
		for (String id : managers) {
			if (identity.createUserQuery().userId(id).count() == 0) {
				User user = identity.newUser(id);
				user.setFirstName("测试");
				user.setLastName(id);
				user.setPassword("It-Manager#2026");
				identity.saveUser(user);
				identity.createMembership(id, DeskGroups.PHONE_MANAGERS);
				identity.createMembership(id, "ldteam");
			}
		}
		ItDatabase.insertArrearsCustomers(jdbc, prefix, ROWS, managers, false);
		StringBuilder csv = new StringBuilder("customer_no,offer\n");
		for (int i = 1; i <= ROWS; i++) {
			csv.append(String.format("%s%05d", prefix, i)).append(",C网升级套餐\n");
		}

		long start = System.nanoTime();
		ResponseEntity<Map> accepted = upload(csv.toString());
		long answeredMillis = (System.nanoTime() - start) / 1_000_000;

		assertThat(accepted.getStatusCode()).as(String.valueOf(accepted.getBody())).isEqualTo(HttpStatus.ACCEPTED);
		URI location = accepted.getHeaders().getLocation();
		assertThat(location.toString()).startsWith("/api/dispatches/");
		List<Integer> progress = new ArrayList<>();
		Map<String, Object> state;
		// generous: on a shared, loaded machine the cases open far slower than the ~100/s of an idle one
		long deadline = System.currentTimeMillis() + Long.getLong("it.long-dispatch.minutes", 45) * 60_000;
		do {
			Thread.sleep(1000);
			state = http.withBasicAuth(DeskNode.ADMIN, DeskNode.ADMIN_PASSWORD).getForObject(location.toString(), Map.class);
			progress.add((Integer) state.get("opened"));
		} while ("RUNNING".equals(state.get("state")) && System.currentTimeMillis() < deadline);
		double seconds = (System.nanoTime() - start) / 1e9;
		log.info("IT long dispatch: {} rows answered 202 in {} ms, DONE after {} s ({} cases/s); opened as polled: {}",
				ROWS, answeredMillis, String.format("%.1f", seconds), Math.round(ROWS / seconds), progress);

		assertThat(state).containsEntry("state", "DONE").containsEntry("rowsRead", ROWS).containsEntry("opened", ROWS)
				.containsEntry("skipped", 0).containsEntry("rejected", 0);
		Map<String, Object> report = (Map<String, Object>) state.get("report");
		assertThat(report).containsEntry("file", "long.csv").containsEntry("rowsRead", ROWS)
				.containsEntry("created", ROWS).containsEntry("rejectedCount", 0);
		assertThat(progress).as("the progress is seen growing").anyMatch(n -> n > 0 && n < ROWS);
		assertThat(ItDatabase.count(jdbc, "select count(*) from retention_case where customer_no like ? and open_flag = 1",
				prefix + "%")).isEqualTo(ROWS);
	}

	private ResponseEntity<Map> upload(String csv) {
		MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
		form.add("file", new ByteArrayResource(csv.getBytes(StandardCharsets.UTF_8)) {
			@Override
			public String getFilename() {
				return "long.csv";
			}
		});
		form.add("campaign", "集成测试长名单");
		form.add("deadline", LocalDate.now().plusDays(10).toString());
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.MULTIPART_FORM_DATA);
		return http.withBasicAuth(DeskNode.ADMIN, DeskNode.ADMIN_PASSWORD).postForEntity("/api/dispatches",
				new HttpEntity<>(form, headers), Map.class);
	}
}
