package com.retentiondesk.security;

import java.io.IOException;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import com.retentiondesk.web.ReplayedBody;

/**
 * Executing a migration ({@code POST …/migration/execute} and {@code executeAsync}, on {@code /engine-rest}
 * and the webapps' API) without a {@code migrationPlan} made the engine's REST fail with a
 * NullPointerException naming its classes (500). The request is refused here with a 400 instead; a
 * request with a plan goes on unchanged, the engine checks the plan itself.
 */
class MigrationRequestCheck extends OncePerRequestFilter {

	static final String NO_PLAN = "缺少迁移计划 migrationPlan:请求体应为 {\"migrationPlan\":{\"sourceProcessDefinitionId\":…,"
			+ "\"targetProcessDefinitionId\":…,\"instructions\":[…]},\"processInstanceIds\":[…]}";
	private static final Pattern EXECUTE = Pattern
			.compile("/(engine-rest|camunda/api/engine/engine/[^/]+)/migration/(execute|executeAsync)/?");
	private static final ObjectMapper JSON = new ObjectMapper();

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return !"POST".equals(request.getMethod()) || !EXECUTE.matcher(path).matches();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		byte[] body = request.getInputStream().readAllBytes();
		if (!hasPlan(body)) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			response.setContentType(MediaType.APPLICATION_JSON_VALUE);
			response.setCharacterEncoding("UTF-8");
			response.getWriter().write(JSON.writeValueAsString(java.util.Map.of("type", "InvalidRequestException",
					"message", NO_PLAN)));
			return;
		}
		chain.doFilter(new ReplayedBody(request, body), response);
	}

	private static boolean hasPlan(byte[] body) {
		try {
			JsonNode json = body.length == 0 ? null : JSON.readTree(body);
			return json != null && json.path("migrationPlan").isObject();
		} catch (IOException notJson) {
			return false;
		}
	}
}
