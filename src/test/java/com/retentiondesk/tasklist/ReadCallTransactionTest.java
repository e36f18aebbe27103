package com.retentiondesk.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
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
import com.retentiondesk.security.IdentitySetup;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * A Tasklist page (the filter, its tasks, their count, their variables and the customer columns) is read on one
 * database connection, in one transaction; a failed read still answers the engine's error.
 */
@DeskTest
class ReadCallTransactionTest {

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
	MeterRegistry meters;

	@Test
	@SuppressWarnings({ "rawtypes", "unchecked" })
	void shouldReadTasklistsPageOnOneConnection() {
		customers.saveAndFlush(Fixtures.customer(Fixtures.prepaid("RCT001", "1.00", "manager4")));
		String instance = arrears.open(customers.findById("RCT001").orElseThrow()).getProcessInstanceId();
		String taskId = tasks.createTaskQuery().processInstanceId(instance).singleResult().getId();
		tasks.claim(taskId, "manager4");
		String mine = filters.createFilterQuery().filterName(IdentitySetup.FILTER_MY_TASKS).singleResult().getId();
		HttpHeaders session = halSession("manager4");

		long before = connectionsUsed();
		ResponseEntity<Map> page = http.exchange("/camunda/api/engine/engine/default/filter/" + mine + "/list",
				HttpMethod.POST, new HttpEntity<>(TasklistSession.PAGE_BODY, session), Map.class);
		long used = connectionsUsed() - before;

		assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(((Number) page.getBody().get("count")).intValue()).isPositive();
		List<Map> rows = (List<Map>) ((Map) page.getBody().get("_embedded")).get("task");
		Map row = rows.stream().filter(task -> taskId.equals(task.get("id"))).findFirst().orElseThrow();
		assertThat((List<Map>) ((Map) row.get("_embedded")).get("variable")).extracting(column -> column.get("name"))
				.contains("customerName", "serviceNo", "starLevel");
		// nine connections without the shared transaction (measured: the filter, the page, the count, the
		// variables, the customer columns and the engine's look-ups); one with it (two allowed, for a background
		// job of the desk in between)
		assertThat(used).isBetween(1L, 2L);
	}

	@Test
	@SuppressWarnings("rawtypes")
	void shouldAnswerTheEnginesErrorForAFilterItCannotRead() {
		HttpHeaders session = halSession("manager4");

		ResponseEntity<Map> page = http.exchange("/camunda/api/engine/engine/default/filter/no-such-filter/list",
				HttpMethod.POST, new HttpEntity<>(TasklistSession.PAGE_BODY, session), Map.class);

		// the engine's own answer (it checks the grant before it looks for the filter), as without the transaction
		assertThat(page.getStatusCode()).as("%s", page.getBody()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(page.getBody()).containsEntry("type", "AuthorizationException").containsEntry("resourceId",
				"no-such-filter");
	}

	/** Logged in to Tasklist, asking for HAL as Tasklist does. */
	private HttpHeaders halSession(String user) {
		HttpHeaders session = TasklistSession.login(http, user, Fixtures.PASSWORD);
		session.setAccept(List.of(MediaType.parseMediaType("application/hal+json")));
		session.setContentType(MediaType.APPLICATION_JSON);
		return session;
	}

	/** Connections handed back to the pool so far (Hikari's usage timer). */
	private long connectionsUsed() {
		return meters.find("hikaricp.connections.usage").timers().stream().mapToLong(Timer::count).sum();
	}
}
