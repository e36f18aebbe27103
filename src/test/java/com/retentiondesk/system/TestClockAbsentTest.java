package com.retentiondesk.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import com.retentiondesk.DeskTest;
import com.retentiondesk.Fixtures;

/** The e2e profile's test clock does not exist outside that profile, not even for administrators. */
@DeskTest
class TestClockAbsentTest {

	@Autowired
	TestRestTemplate http;
	@Autowired
	ApplicationContext context;

	@Test
	void shouldAnswer404ToAnAdministratorMovingTheClock() {
		Date before = ClockUtil.getCurrentTime();

		ResponseEntity<String> move = http.withBasicAuth("admin", Fixtures.PASSWORD)
				.postForEntity("/api/e2e/clock", Map.of("advance", "P1D"), String.class);

		assertThat(move.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		// not moved a day: at most the seconds the request took
		assertThat(ClockUtil.getCurrentTime().getTime() - before.getTime()).isLessThan(60_000);
	}

	@Test
	void shouldAnswer404ToAnAdministratorReadingTheClock() {
		ResponseEntity<String> read = http.withBasicAuth("admin", Fixtures.PASSWORD)
				.getForEntity("/api/e2e/clock", String.class);

		assertThat(read.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
	}

	@Test
	void shouldNotHaveTheControllerOutsideTheE2eProfile() {
		assertThat(context.getBeanNamesForType(TestClockController.class)).isEmpty();
	}
}
