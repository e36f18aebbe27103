package com.retentiondesk.web;

import java.util.List;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

/** The Camunda user behind an {@code /api} request and the groups they belong to. */
public record DeskPrincipal(String userId, Set<String> groups) {

	private static final String ATTRIBUTE = DeskPrincipal.class.getName();

	public boolean isInAny(List<String> wanted) {
		return wanted.stream().anyMatch(groups::contains);
	}

	/** Makes this user the authenticated caller of the request (the API's authentication filter does). */
	public void bindTo(HttpServletRequest request) {
		request.setAttribute(ATTRIBUTE, this);
	}

	/** The authenticated caller of the current request (set by the API's authentication filter). */
	public static DeskPrincipal of(HttpServletRequest request) {
		DeskPrincipal principal = (DeskPrincipal) request.getAttribute(ATTRIBUTE);
		if (principal == null) {
			throw new IllegalStateException("no authenticated user on " + request.getRequestURI());
		}
		return principal;
	}
}
