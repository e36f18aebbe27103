package com.retentiondesk.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import com.retentiondesk.DeskTest;
import com.retentiondesk.Fixtures;
import com.retentiondesk.TasklistSession;

/**
 * Issue 24, findings 4 and 7: the JSON APIs carry customer data, so browsers and proxies must neither
 * sniff nor keep them; the session cookie has one SameSite value.
 */
@DeskTest
class HeadersAndCookiesTest {

	@Autowired
	TestRestTemplate http;

	@Test
	void shouldForbidSniffingAndStoringOnTheEngineRest() {
		ResponseEntity<String> answer = http.withBasicAuth("manager1", Fixtures.PASSWORD)
				.getForEntity("/engine-rest/task?maxResults=1", String.class);

		assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertNoSniffNoStore(answer.getHeaders());
	}

	@Test
	void shouldForbidSniffingAndStoringOnTheDeskApi() {
		ResponseEntity<String> answer = http.withBasicAuth("supervisor1", Fixtures.PASSWORD).getForEntity("/api/kpi",
				String.class);

		assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertNoSniffNoStore(answer.getHeaders());
		// errors too
		assertNoSniffNoStore(http.getForEntity("/api/kpi", String.class).getHeaders());
	}

	@Test
	void shouldForbidSniffingAndStoringOnTheWebappEngineApi() {
		HttpHeaders session = TasklistSession.login(http, "manager1", Fixtures.PASSWORD);

		ResponseEntity<String> answer = http.exchange("/camunda/api/engine/engine/default/task?maxResults=1",
				HttpMethod.GET, new HttpEntity<>(session), String.class);

		assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertNoSniffNoStore(answer.getHeaders());
	}

	@Test
	void shouldGiveTheSessionAndCsrfCookiesOneSameSiteValue() {
		ResponseEntity<String> page = http.getForEntity("/camunda/app/tasklist/default/", String.class);
		List<String> cookies = new ArrayList<>(page.getHeaders().getOrEmpty(HttpHeaders.SET_COOKIE));
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
		headers.set("X-XSRF-TOKEN", page.getHeaders().getFirst("X-XSRF-TOKEN"));
		headers.set(HttpHeaders.COOKIE, String.join("; ", cookies.stream().map(c -> c.split(";", 2)[0]).toList()));
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		form.add("username", "manager1");
		form.add("password", Fixtures.PASSWORD);
		ResponseEntity<String> login = http.postForEntity("/camunda/api/admin/auth/user/default/login/tasklist",
				new HttpEntity<>(form, headers), String.class);
		cookies.addAll(login.getHeaders().getOrEmpty(HttpHeaders.SET_COOKIE));

		List<String> sessionCookies = cookies.stream().filter(c -> c.startsWith("JSESSIONID=")).toList();
		List<String> csrfCookies = cookies.stream().filter(c -> c.startsWith("XSRF-TOKEN=")).toList();
		assertThat(sessionCookies).isNotEmpty().allSatisfy(HeadersAndCookiesTest::oneSameSiteStrict);
		assertThat(csrfCookies).isNotEmpty().allSatisfy(HeadersAndCookiesTest::oneSameSiteStrict);
		assertThat(sessionCookies).allSatisfy(c -> assertThat(c.toLowerCase()).contains("httponly"));
	}

	private static void oneSameSiteStrict(String cookie) {
		String lower = cookie.toLowerCase();
		assertThat(lower.split("samesite", -1)).as(cookie).hasSize(2);
		assertThat(lower).as(cookie).contains("samesite=strict");
	}

	private static void assertNoSniffNoStore(HttpHeaders headers) {
		assertThat(headers.getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
		assertThat(headers.getCacheControl()).contains("no-store");
	}
}
