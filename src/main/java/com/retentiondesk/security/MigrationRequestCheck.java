package com.retentiondesk.security;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

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
		chain.doFilter(new Replayed(request, body), response);
	}

	private static boolean hasPlan(byte[] body) {
		try {
			JsonNode json = body.length == 0 ? null : JSON.readTree(body);
			return json != null && json.path("migrationPlan").isObject();
		} catch (IOException notJson) {
			return false;
		}
	}

	/** The request with its body, already read here, to be read again. */
	private static final class Replayed extends HttpServletRequestWrapper {

		private final byte[] body;

		Replayed(HttpServletRequest request, byte[] body) {
			super(request);
			this.body = body;
		}

		@Override
		public ServletInputStream getInputStream() {
			ByteArrayInputStream in = new ByteArrayInputStream(body);
			return new ServletInputStream() {
				@Override
				public int read() {
					return in.read();
				}

				@Override
				public int read(byte[] buffer, int offset, int length) {
					return in.read(buffer, offset, length);
				}

				@Override
				public boolean isFinished() {
					return in.available() == 0;
				}

				@Override
				public boolean isReady() {
					return true;
				}

				@Override
				public void setReadListener(ReadListener listener) {
					throw new UnsupportedOperationException();
				}
			};
		}

		@Override
		public java.io.BufferedReader getReader() {
			return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(),
					java.nio.charset.StandardCharsets.UTF_8));
		}
	}
}
