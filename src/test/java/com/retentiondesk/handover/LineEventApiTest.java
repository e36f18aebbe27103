package com.retentiondesk.handover;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.retentiondesk.DeskTest;
import com.retentiondesk.Fixtures;
import com.retentiondesk.customer.Customers;
import com.retentiondesk.customer.LineStatus;
import com.retentiondesk.billing.LineEvents;

/** POST /api/billing/suspensions and /reactivations: validation, records, repeats. */
@DeskTest
class LineEventApiTest {

	@Autowired
	TestRestTemplate http;
	@Autowired
	Customers customers;
	@Autowired
	LineEvents events;

	@Test
	void shouldRecordAReactivationWithoutACaseAndIgnoreItsRepeat() {
		customers.saveAndFlush(Fixtures.customer(Fixtures.withLineStatus(Fixtures.prepaid("LE001", "30.00", "manager1"),
				LineStatus.SINGLE_STOP)));
		String body = "{\"customerNo\":\"LE001\",\"at\":\"2026-11-20T09:00:00+08:00\"}";

		ResponseEntity<Map> first = post("billing", "/api/billing/reactivations", body);
		ResponseEntity<Map> again = post("billing", "/api/billing/reactivations", body);

		assertThat(first.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(first.getBody()).containsEntry("duplicate", false).containsEntry("cases", List.of());
		assertThat(again.getBody()).containsEntry("duplicate", true);
		assertThat(events.findByCustomerNo("LE001")).hasSize(1);
		assertThat(customers.findById("LE001").orElseThrow().getLineStatus()).isEqualTo(LineStatus.ACTIVE);
	}

	@Test
	void shouldOpenAWinbackCaseForASuspension() {
		customers.saveAndFlush(Fixtures.customer(Fixtures.postpaid("LE002", 3, "manager5")));

		ResponseEntity<Map> answer = post("billing", "/api/billing/suspensions",
				"{\"customerNo\":\"LE002\",\"kind\":\"DOUBLE_STOP\",\"at\":\"2026-11-20T09:00:00+08:00\"}");

		assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat((List<?>) answer.getBody().get("cases")).hasSize(1);
		assertThat(customers.findById("LE002").orElseThrow().getLineStatus()).isEqualTo(LineStatus.DOUBLE_STOP);
	}

	@Test
	void shouldAnswerBadEventsClearly() {
		assertThat(post("billing", "/api/billing/suspensions",
				"{\"customerNo\":\"NOBODY\",\"kind\":\"SINGLE_STOP\",\"at\":\"2026-11-20T09:00:00+08:00\"}")
				.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(message(post("billing", "/api/billing/suspensions",
				"{\"customerNo\":\"LE003\",\"at\":\"2026-11-20T09:00:00+08:00\"}"))).startsWith("kind");
		assertThat(message(post("billing", "/api/billing/suspensions",
				"{\"customerNo\":\"LE003\",\"kind\":\"HALF_STOP\",\"at\":\"2026-11-20T09:00:00+08:00\"}"))).startsWith("kind");
		assertThat(message(post("billing", "/api/billing/reactivations", "{\"customerNo\":\"LE003\"}"))).startsWith("at");
		assertThat(post("manager1", "/api/billing/reactivations",
				"{\"customerNo\":\"LE003\",\"at\":\"2026-11-20T09:00:00+08:00\"}").getStatusCode())
				.isEqualTo(HttpStatus.FORBIDDEN);
	}

	private String message(ResponseEntity<Map> answer) {
		assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		return (String) answer.getBody().get("message");
	}

	private ResponseEntity<Map> post(String user, String path, String json) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		return http.withBasicAuth(user, Fixtures.PASSWORD).postForEntity(path, new HttpEntity<>(json, headers), Map.class);
	}
}
