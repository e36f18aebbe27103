package com.retentiondesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** A Tasklist login as a browser does it: session cookie plus the CSRF token, for the webapp's API. */
public final class TasklistSession {

	/**
	 * The body Tasklist 7.24 posts for a filter's first page (captured in chromium): its default sorting, newest
	 * first, which the engine puts after the filter's own, and "active".
	 */
	public static final String PAGE_BODY = "{\"processVariables\":[],\"taskVariables\":[],\"caseInstanceVariables\":[],"
			+ "\"firstResult\":0,\"maxResults\":15,\"sorting\":[{\"sortBy\":\"created\",\"sortOrder\":\"desc\"}],\"active\":true}";

	private TasklistSession() {
	}

	/** Logs in to Tasklist; the headers carry the session cookie and the CSRF token. */
	public static HttpHeaders login(TestRestTemplate http, String user, String password) {
		ResponseEntity<String> page = http.getForEntity("/camunda/app/tasklist/default/", String.class);
		String csrf = page.getHeaders().getFirst("X-XSRF-TOKEN");
		List<String> cookies = new ArrayList<>(page.getHeaders().getOrEmpty(HttpHeaders.SET_COOKIE));
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
		headers.set("X-XSRF-TOKEN", csrf);
		headers.set(HttpHeaders.COOKIE, cookieHeader(cookies));
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		form.add("username", user);
		form.add("password", password);
		ResponseEntity<String> login = http.postForEntity("/camunda/api/admin/auth/user/default/login/tasklist",
				new HttpEntity<>(form, headers), String.class);
		assertThat(login.getStatusCode()).as(login.getBody()).isEqualTo(HttpStatus.OK);
		cookies.addAll(login.getHeaders().getOrEmpty(HttpHeaders.SET_COOKIE));
		// the login starts a new session with a new CSRF token, which the next GET hands out
		HttpHeaders session = new HttpHeaders();
		session.set(HttpHeaders.COOKIE, cookieHeader(cookies));
		ResponseEntity<String> me = http.exchange("/camunda/api/admin/auth/user/default", HttpMethod.GET,
				new HttpEntity<>(session), String.class);
		assertThat(me.getStatusCode()).isEqualTo(HttpStatus.OK);
		cookies.addAll(me.getHeaders().getOrEmpty(HttpHeaders.SET_COOKIE));
		session.set(HttpHeaders.COOKIE, cookieHeader(cookies));
		session.set("X-XSRF-TOKEN", me.getHeaders().getFirst("X-XSRF-TOKEN"));
		return session;
	}

	private static String cookieHeader(List<String> setCookies) {
		Map<String, String> latest = new LinkedHashMap<>();
		for (String cookie : setCookies) {
			String pair = cookie.split(";", 2)[0];
			latest.put(pair.split("=", 2)[0], pair);
		}
		return String.join("; ", latest.values());
	}
}
