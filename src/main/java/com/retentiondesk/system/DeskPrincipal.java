package com.retentiondesk.system;

import java.util.List;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

/** The Camunda user behind an {@code /api} request and the groups they belong to. */
public record DeskPrincipal(String userId, Set<String> groups) {

	static final String ATTRIBUTE = DeskPrincipal.class.getName();

	public boolean isInAny(List<String> wanted) {
		return wanted.stream().anyMatch(groups::contains);
	}

	/** The authenticated caller of the current request (set by {@link ApiAuthenticationFilter}). */
	public static DeskPrincipal of(HttpServletRequest request) {
		DeskPrincipal principal = (DeskPrincipal) request.getAttribute(ATTRIBUTE);
		if (principal == null) {
			throw new IllegalStateException("no authenticated user on " + request.getRequestURI());
		}
		return principal;
	}
}
