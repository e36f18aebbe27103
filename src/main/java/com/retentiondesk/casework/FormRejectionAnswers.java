package com.retentiondesk.casework;

import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * A rejected task form as the person and the integrator see it. The engine's REST API (Tasklist uses
 * it through {@code /camunda/api/engine}) answers a {@link FormRejectedException} with a 500, as for
 * any engine exception that is not its own form validation, and puts its English
 * {@code "Cannot submit task form <task id>: "} (or {@code "Cannot complete task <task id>: "}) in front
 * of our Chinese message, which Tasklist shows whole. This filter makes those answers of form
 * submissions and completions what they are, a 400, with our message alone, so a phone manager reads
 * 提交任务表单时出错: 表单有误: 已接通时请选择“建议的缴费渠道” (both found by the end-to-end journeys).
 * Every other answer passes unchanged.
 */
class FormRejectionAnswers extends OncePerRequestFilter {

	private static final Pattern ENGINE_PREFIX = Pattern.compile(
			"^Cannot (?:submit task form|complete task) [^:]*: (" + Pattern.quote(FormRejectedException.PREFIX) + ".*)$",
			Pattern.DOTALL);

	private final ObjectMapper json = new ObjectMapper();

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String uri = request.getRequestURI();
		return !"POST".equals(request.getMethod()) || !uri.contains("/task/")
				|| !(uri.endsWith("/submit-form") || uri.endsWith("/complete"));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		ContentCachingResponseWrapper answer = new ContentCachingResponseWrapper(response);
		try {
			chain.doFilter(request, answer);
			if (answer.getStatus() >= HttpServletResponse.SC_BAD_REQUEST) {
				byte[] unwrapped = withoutEnginePrefix(answer.getContentAsByteArray());
				if (unwrapped != null) {
					answer.resetBuffer();
					answer.setStatus(HttpServletResponse.SC_BAD_REQUEST);
					answer.getOutputStream().write(unwrapped);
				}
			}
		} finally {
			answer.copyBodyToResponse();
		}
	}

	/** The answer without the engine's prefix, or null if it is not a rejected form's answer. */
	byte[] withoutEnginePrefix(byte[] body) {
		try {
			JsonNode answer = json.readTree(body);
			if (answer instanceof ObjectNode object && object.path("message").isTextual()) {
				Matcher ours = ENGINE_PREFIX.matcher(object.get("message").asText());
				if (ours.matches()) {
					object.put("message", ours.group(1));
					return json.writeValueAsBytes(object);
				}
			}
			return null;
		} catch (IOException notJson) {
			return null;
		}
	}

	/** On both REST paths: the engine's (integrators, Camunda Modeler) and the webapps' (Tasklist). */
	@Configuration
	static class Registration {

		@Bean
		FilterRegistrationBean<FormRejectionAnswers> formRejectionAnswers() {
			FilterRegistrationBean<FormRejectionAnswers> registration = new FilterRegistrationBean<>(
					new FormRejectionAnswers());
			registration.setName("form-rejection-answers");
			registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
			return registration;
		}
	}
}
