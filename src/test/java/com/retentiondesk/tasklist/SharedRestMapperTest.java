package com.retentiondesk.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.retentiondesk.DeskTest;
import com.retentiondesk.Fixtures;
import com.retentiondesk.TasklistSession;
import com.retentiondesk.arrears.ArrearsCases;
import com.retentiondesk.customer.Customers;

/**
 * Both REST APIs (the engine's and Tasklist's copy) read and write JSON with the one shared mapper, and
 * still as the engine does: its date format both ways, unknown properties ignored.
 */
@DeskTest
class SharedRestMapperTest {

	/** The engine's date format (JacksonConfigurator): milliseconds and a numeric zone offset. */
	private static final String ENGINE_DATE = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}[+-]\\d{4}";

	@Autowired
	TestRestTemplate http;
	@Autowired
	ArrearsCases arrears;
	@Autowired
	Customers customers;

	@Test
	void shouldHandOutOneMapper() {
		SharedRestMapper resolver = new SharedRestMapper();

		assertThat(resolver.getContext(Object.class)).isSameAs(resolver.getContext(String.class));
	}

	@Test
	@SuppressWarnings({ "rawtypes", "unchecked" })
	void shouldServeBothApisInTheEnginesFormat() {
		customers.saveAndFlush(Fixtures.customer(Fixtures.prepaid("MAP001", "1.00", "manager4")));
		arrears.open(customers.findById("MAP001").orElseThrow());
		HttpHeaders json = new HttpHeaders();
		json.setAccept(List.of(MediaType.APPLICATION_JSON));
		json.setContentType(MediaType.APPLICATION_JSON);
		// a date to read in the engine's format, and a property no query has
		String body = "{\"assignee\":\"manager4\",\"createdAfter\":\"2020-01-01T00:00:00.000+0800\",\"noSuchField\":1}";

		long before = SharedRestMapper.served();
		ResponseEntity<List> rest = http.withBasicAuth("manager4", Fixtures.PASSWORD).exchange("/engine-rest/task",
				HttpMethod.POST, new HttpEntity<>(body, json), List.class);
		long afterRest = SharedRestMapper.served();

		assertThat(rest.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(afterRest).isGreaterThan(before);
		List<Map> restTasks = rest.getBody();
		assertThat(restTasks).extracting(task -> task.get("assignee")).contains("manager4");
		assertThat(restTasks).extracting(task -> (String) task.get("created")).allMatch(created -> created.matches(ENGINE_DATE));

		// Tasklist's copy of the API, as HAL (how Tasklist reads its pages)
		HttpHeaders session = TasklistSession.login(http, "manager4", Fixtures.PASSWORD);
		session.setAccept(List.of(MediaType.parseMediaType("application/hal+json")));
		ResponseEntity<Map> webapp = http.exchange(
				"/camunda/api/engine/engine/default/task?assignee=manager4",
				HttpMethod.GET, new HttpEntity<>(session), Map.class);

		assertThat(webapp.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(SharedRestMapper.served()).isGreaterThan(afterRest);
		List<Map> webappTasks = (List<Map>) ((Map) webapp.getBody().get("_embedded")).get("task");
		assertThat(webappTasks).extracting(task -> task.get("created")).isEqualTo(
				restTasks.stream().map(task -> task.get("created")).toList());
	}
}
