package com.retentiondesk.security;

import static com.retentiondesk.JsonRequests.json;
import static com.retentiondesk.JsonRequests.withJson;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import com.retentiondesk.DeskTest;
import com.retentiondesk.Fixtures;
import com.retentiondesk.TasklistSession;
import com.retentiondesk.arrears.ArrearsCases;
import com.retentiondesk.casework.RetentionCase;
import com.retentiondesk.customer.Customers;

/**
 * Issue 24, finding 5: requests that are the caller's mistake get a 4xx with a Chinese message that
 * names no Java class, not a 500; and a task of another team cannot be told from one that does not exist.
 */
@DeskTest
class ClientErrorsTest {

	@Autowired
	TestRestTemplate http;
	@Autowired
	ArrearsCases arrears;
	@Autowired
	Customers customers;
	@Autowired
	TaskService tasks;
	@Autowired
	FilterService filters;
	@Autowired
	IdentityService identity;

	private static Task team1Task;

	@BeforeEach
	void openATeam1Case() {
		if (team1Task == null) {
			customers.saveAndFlush(Fixtures.customer(Fixtures.prepaid("CLE001", "1.00", "manager1")));
			RetentionCase file = arrears.open(customers.findById("CLE001").orElseThrow());
			team1Task = tasks.createTaskQuery().processInstanceId(file.getProcessInstanceId()).singleResult();
		}
	}

	@Test
	void shouldRefuseAnXlsxZipBombOnImportAndDispatch() throws IOException {
		byte[] bomb = zipBomb();

		ResponseEntity<String> imported = http.withBasicAuth("billing", Fixtures.PASSWORD)
				.postForEntity("/api/customers/import", upload(bomb, "bomb.xlsx", null), String.class);
		ResponseEntity<String> dispatched = http.withBasicAuth("supervisor1", Fixtures.PASSWORD)
				.postForEntity("/api/dispatches", upload(bomb, "bomb.xlsx", "炸弹"), String.class);

		clientError(imported, 400, "Excel");
		clientError(dispatched, 400, "Excel");
	}

	@Test
	void shouldAnswer400ToAUserWithAWeakPasswordOnBothPaths() {
		ResponseEntity<String> rest = http.withBasicAuth("admin", Fixtures.PASSWORD).postForEntity(
				"/engine-rest/user/create",
				json("{\"profile\":{\"id\":\"weak1\"},\"credentials\":{\"password\":\"123456\"}}"), String.class);
		HttpHeaders session = TasklistSession.login(http, "admin", Fixtures.PASSWORD);
		ResponseEntity<String> webapp = http.postForEntity("/camunda/api/engine/engine/default/user/create",
				new HttpEntity<>("{\"profile\":{\"id\":\"weak2\"},\"credentials\":{\"password\":\"abc\"}}",
						withJson(session)), String.class);

		clientError(rest, 400, "密码");
		clientError(webapp, 400, "密码");
		// found by the probes against a running desk: an id with a hyphen was a 500 too
		clientError(http.withBasicAuth("admin", Fixtures.PASSWORD).postForEntity("/engine-rest/user/create",
				json("{\"profile\":{\"id\":\"bad-id\"},\"credentials\":{\"password\":\"" + Fixtures.PASSWORD + "\"}}"),
				String.class), 400, "用户名");
		assertThat(identity.createUserQuery().userIdIn("weak1", "weak2").count()).isZero();
	}

	@Test
	void shouldAnswer400ToAMigrationWithoutAPlan() {
		for (String body : new String[] { "", "{}", "{\"processInstanceIds\":[\"x\"]}", "[]" }) {
			for (String path : new String[] { "/engine-rest/migration/execute", "/engine-rest/migration/executeAsync" }) {
				ResponseEntity<String> answer = http.withBasicAuth("admin", Fixtures.PASSWORD).postForEntity(path,
						json(body), String.class);
				clientError(answer, 400, "迁移计划");
			}
		}
	}

	@Test
	void shouldAnswer400ToAFilterExtendedWithACandidateUser() {
		String teamTasks = filters.createFilterQuery().filterName(IdentitySetup.FILTER_TEAM_TASKS).singleResult().getId();

		ResponseEntity<String> rest = http.withBasicAuth("manager1", Fixtures.PASSWORD).postForEntity(
				"/engine-rest/filter/" + teamTasks + "/list", json("{\"candidateUser\":\"manager1\"}"), String.class);
		HttpHeaders session = TasklistSession.login(http, "manager1", Fixtures.PASSWORD);
		ResponseEntity<String> webapp = http.postForEntity(
				"/camunda/api/engine/engine/default/filter/" + teamTasks + "/count",
				new HttpEntity<>("{\"candidateUser\":\"manager1\"}", withJson(session)), String.class);

		clientError(rest, 400, "查询条件");
		clientError(webapp, 400, "查询条件");
	}

	@Test
	void shouldAnswerADeleteOfAnotherTeamsTaskAsForATaskThatDoesNotExist() {
		ResponseEntity<String> theirs = http.withBasicAuth("manager5", Fixtures.PASSWORD)
				.exchange("/engine-rest/task/" + team1Task.getId(), HttpMethod.DELETE, null, String.class);
		ResponseEntity<String> none = http.withBasicAuth("manager5", Fixtures.PASSWORD)
				.exchange("/engine-rest/task/no-such-task", HttpMethod.DELETE, null, String.class);
		ResponseEntity<String> own = http.withBasicAuth("manager1", Fixtures.PASSWORD)
				.exchange("/engine-rest/task/" + team1Task.getId(), HttpMethod.DELETE, null, String.class);

		// a task the caller may not read is answered as one that does not exist (TaskAccess, #21); one's own
		// task cannot be deleted either: every task belongs to a case
		clientError(theirs, 404, "任务");
		assertThat(none.getStatusCode()).isEqualTo(theirs.getStatusCode());
		assertThat(none.getBody()).isEqualTo(theirs.getBody());
		clientError(own, 403, "任务");
		assertThat(tasks.createTaskQuery().taskId(team1Task.getId()).count()).isOne();
	}

	private static void clientError(ResponseEntity<String> answer, int status, String word) {
		assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(status);
		String message = message(answer.getBody());
		assertThat(message).as(answer.getBody()).contains(word).containsPattern("\\p{IsHan}");
		assertThat(message).as("names no Java class").doesNotContain("java.", "org.", "Exception", "com.");
	}

	/** The "message" of a JSON error, whichever of the desk's or Camunda's shapes it has. */
	private static String message(String body) {
		try {
			return String.valueOf(new com.fasterxml.jackson.databind.ObjectMapper().readTree(body).path("message").asText());
		} catch (IOException e) {
			return body;
		}
	}

	/** A workbook whose sheet inflates to 50 MB from a few dozen KB: POI's zip-bomb check refuses it. */
	private static byte[] zipBomb() throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
			zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
			zip.write(("<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
					+ "<Default Extension=\"xml\" ContentType=\"application/xml\"/></Types>").getBytes(StandardCharsets.UTF_8));
			zip.closeEntry();
			zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
			byte[] spaces = new byte[1 << 20];
			java.util.Arrays.fill(spaces, (byte) ' ');
			for (int i = 0; i < 50; i++) {
				zip.write(spaces);
			}
			zip.closeEntry();
		}
		return bytes.toByteArray();
	}

	private static HttpEntity<MultiValueMap<String, Object>> upload(byte[] content, String name, String campaign) {
		MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
		form.add("file", new ByteArrayResource(content) {
			@Override
			public String getFilename() {
				return name;
			}
		});
		if (campaign != null) {
			form.add("campaign", campaign);
			form.add("deadline", java.time.LocalDate.now().plusDays(10).toString());
		}
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.MULTIPART_FORM_DATA);
		return new HttpEntity<>(form, headers);
	}
}
