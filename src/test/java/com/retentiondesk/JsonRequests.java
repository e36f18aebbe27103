package com.retentiondesk;

import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/** JSON request bodies for the tests' HTTP calls, with or without a Tasklist session's headers. */
public final class JsonRequests {

	private JsonRequests() {
	}

	/** A JSON body. */
	public static HttpEntity<String> json(String body) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		return new HttpEntity<>(body, headers);
	}

	/** A session's headers (cookie, CSRF token; see {@link TasklistSession}) for a JSON body. */
	public static HttpHeaders withJson(HttpHeaders session) {
		HttpHeaders headers = new HttpHeaders();
		headers.putAll(session);
		headers.setContentType(MediaType.APPLICATION_JSON);
		return headers;
	}
}
