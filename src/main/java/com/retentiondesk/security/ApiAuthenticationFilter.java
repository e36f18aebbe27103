package com.retentiondesk.security;

import java.io.IOException;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

import com.retentiondesk.web.AllowedGroups;
import com.retentiondesk.web.DeskPrincipal;

/**
 * HTTP Basic against the Camunda users for the desk's own {@code /api} (or, for GET, the session of a
 * user logged in to the webapps). Unlike the engine's REST
 * filter it leaves the engine unauthenticated: the desk's services run as the system once
 * {@link AllowedGroups} has let the caller in.
 */
class ApiAuthenticationFilter extends OncePerRequestFilter {

	private final ProcessEngine engine;
	private final HttpBasicAuthenticationProvider basic = new HttpBasicAuthenticationProvider();
	private final Set<String> requiredGroups;

	/** For {@code /api}: authentication only; {@link AllowedGroups} decides per endpoint. */
	ApiAuthenticationFilter(ProcessEngine engine) {
		this(engine, Set.of());
	}

	/** For paths without controllers of ours (actuator): members of these groups only. */
	ApiAuthenticationFilter(ProcessEngine engine, Set<String> requiredGroups) {
		this.engine = engine;
		this.requiredGroups = requiredGroups;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		// the health check of load balancers and orchestrators stays open
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return path.equals("/actuator/health") || path.startsWith("/actuator/health/");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		DeskPrincipal webappUser = webappSession(request);
		if (webappUser != null && requiredGroups.isEmpty()) {
			webappUser.bindTo(request);
			chain.doFilter(request, response);
			return;
		}
		AuthenticationResult result = basic.extractAuthenticatedUser(request, engine);
		if (!result.isAuthenticated()) {
			response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
			response.setHeader("WWW-Authenticate", "Basic realm=\"retention-desk\"");
			response.setContentType(MediaType.APPLICATION_JSON_VALUE);
			response.setCharacterEncoding("UTF-8");
			response.getWriter().write("{\"status\":401,\"message\":\"需要登录: HTTP Basic credentials of a desk user are required\"}");
			return;
		}
		String userId = result.getAuthenticatedUser();
		Set<String> groups = engine.getIdentityService().createGroupQuery().groupMember(userId).list().stream()
				.map(Group::getId)
				.collect(Collectors.toUnmodifiableSet());
		if (!requiredGroups.isEmpty() && groups.stream().noneMatch(requiredGroups::contains)) {
			response.setStatus(HttpServletResponse.SC_FORBIDDEN);
			response.setContentType(MediaType.APPLICATION_JSON_VALUE);
			response.setCharacterEncoding("UTF-8");
			response.getWriter().write("{\"status\":403,\"message\":\"无权访问: requires one of " + requiredGroups + "\"}");
			return;
		}
		new DeskPrincipal(userId, groups).bindTo(request);
		chain.doFilter(request, response);
	}

	/**
	 * A user logged in to the webapps (Cockpit's KPI dashboard reads {@code /api/kpi}) is accepted on
	 * GET requests only: reading needs no CSRF token, changing things needs HTTP Basic.
	 */
	private DeskPrincipal webappSession(HttpServletRequest request) {
		if (!"GET".equals(request.getMethod()) || request.getHeader("Authorization") != null) {
			return null;
		}
		HttpSession session = request.getSession(false);
		if (session == null) {
			return null;
		}
		Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
		Authentication authentication = authentications == null ? null
				: authentications.getAuthenticationForProcessEngine(engine.getName());
		if (!(authentication instanceof UserAuthentication user)) {
			return null;
		}
		return new DeskPrincipal(user.getName(), Set.copyOf(user.getGroupIds()));
	}
}
