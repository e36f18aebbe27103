package com.retentiondesk.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Date;
import java.util.UUID;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import com.retentiondesk.DeskTest;
import com.retentiondesk.Fixtures;
import com.retentiondesk.TasklistSession;
import com.retentiondesk.web.DeskGroups;

/**
 * Issue 24, finding 1: failed logins must not lock an account for good, and one source address may not
 * go on guessing (or locking accounts) without limit.
 */
@DeskTest
class LoginLockTest {

	@Autowired
	TestRestTemplate http;
	@Autowired
	IdentityService identity;
	@Value("${desk.login-throttle.max-failures:30}")
	int maxFailures;
	@Value("${desk.login-throttle.window:PT10M}")
	java.time.Duration window;

	@AfterEach
	void resetClock() {
		ClockUtil.reset();
	}

	@Test
	void shouldUnlockAnAccountAgainAfterTenFailedLoginsEachAfterTheLastLockRanOut() {
		user("lockvictim");
		long start = System.currentTimeMillis();
		for (int attempt = 1; attempt <= 12; attempt++) {
			// each attempt 20 minutes after the one before: any lock the last one set has run out
			ClockUtil.setCurrentTime(new Date(start + attempt * 20L * 60 * 1000));
			ResponseEntity<String> wrong = http.withBasicAuth("lockvictim", "Wrong#Password1")
					.getForEntity("/engine-rest/task/count", String.class);
			assertThat(wrong.getStatusCode()).as("attempt %d", attempt).isEqualTo(HttpStatus.UNAUTHORIZED);
		}
		ClockUtil.setCurrentTime(new Date(start + 13 * 20L * 60 * 1000));

		ResponseEntity<String> right = http.withBasicAuth("lockvictim", Fixtures.PASSWORD)
				.getForEntity("/engine-rest/task/count", String.class);

		assertThat(right.getStatusCode()).as(right.getBody()).isEqualTo(HttpStatus.OK);
		TasklistSession.login(http, "lockvictim", Fixtures.PASSWORD);
	}

	@Test
	void shouldKeepTheGrowingDelayAfterAFailedLogin() {
		user("lockdelay");
		http.withBasicAuth("lockdelay", "Wrong#Password1").getForEntity("/engine-rest/task/count", String.class);

		// right away the right password is refused too: the account waits a few seconds
		assertThat(http.withBasicAuth("lockdelay", Fixtures.PASSWORD).getForEntity("/engine-rest/task/count",
				String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
	}

	@Test
	void shouldRefuseLoginsFromAnAddressWithTooManyFailuresUntilItStopsFailing() throws InterruptedException {
		// failures of earlier tests from this address are forgotten after the window
		Thread.sleep(window.toMillis() + 500);
		for (int i = 0; i < maxFailures; i++) {
			// unknown users: no account gets locked, only the address counts
			assertThat(http.withBasicAuth("nobody-" + UUID.randomUUID(), "Wrong#Password1")
					.getForEntity("/engine-rest/task/count", String.class).getStatusCode())
					.isEqualTo(HttpStatus.UNAUTHORIZED);
		}

		ResponseEntity<String> blocked = http.withBasicAuth("billing", Fixtures.PASSWORD)
				.getForEntity("/engine-rest/task/count", String.class);
		ResponseEntity<String> blockedApi = http.withBasicAuth("billing", Fixtures.PASSWORD)
				.getForEntity("/api/kpi", String.class);

		assertThat(blocked.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
		assertThat(blocked.getHeaders().getFirst("Retry-After")).isNotBlank();
		assertThat(blocked.getBody()).contains("登录失败次数过多");
		assertThat(blockedApi.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
		// the account itself was not touched: once the address stops failing, it logs in again
		Thread.sleep(window.toMillis() + 500);
		assertThat(http.withBasicAuth("billing", Fixtures.PASSWORD).getForEntity("/engine-rest/task/count",
				String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
	}

	private void user(String id) {
		if (identity.createUserQuery().userId(id).count() == 0) {
			User user = identity.newUser(id);
			user.setPassword(Fixtures.PASSWORD);
			identity.saveUser(user);
			identity.createMembership(id, DeskGroups.PHONE_MANAGERS);
		}
	}
}
