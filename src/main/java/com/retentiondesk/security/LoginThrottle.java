package com.retentiondesk.security;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ConcurrentMap;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Limits failed logins per source address, on HTTP Basic (both APIs, actuator) and the webapps' login
 * form: after {@code max-failures} failures an address may not try again until it has gone a whole
 * {@code window} without failing; its attempts are answered 429 without reaching the engine, so they
 * neither guess passwords nor lengthen any account's login delay.
 * <p>
 * The address is {@link HttpServletRequest#getRemoteAddr()}: behind a load balancer, every user shares
 * its address unless Tomcat takes the client's from {@code X-Forwarded-For} (see docs/operations.md).
 */
class LoginThrottle extends OncePerRequestFilter {

	private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);

	private final int maxFailures;
	private final Duration window;
	/** Failures per address; an entry expires a window after its last failure. Bounded against address spraying. */
	private final ConcurrentMap<String, Integer> failures;

	LoginThrottle(int maxFailures, Duration window) {
		this.maxFailures = maxFailures;
		this.window = window;
		this.failures = Caffeine.newBuilder()
				.expireAfterWrite(window)
				.maximumSize(100_000)
				.<String, Integer>build()
				.asMap();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!isLoginAttempt(request)) {
			chain.doFilter(request, response);
			return;
		}
		String address = request.getRemoteAddr();
		if (failures.getOrDefault(address, 0) >= maxFailures) {
			refuse(response);
			return;
		}
		chain.doFilter(request, response);
		if (response.getStatus() == HttpServletResponse.SC_UNAUTHORIZED) {
			int count = failures.merge(address, 1, Integer::sum);
			if (count == maxFailures) {
				log.warn("{} failed logins from {}: its logins are refused until it has not failed for {}", count,
						address, window);
			}
		}
	}

	/** Credentials sent: HTTP Basic on any path, or the webapps' login form. */
	private static boolean isLoginAttempt(HttpServletRequest request) {
		String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
			return true;
		}
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return "POST".equals(request.getMethod()) && path.startsWith("/camunda/api/admin/auth/user/")
				&& path.contains("/login/");
	}

	private void refuse(HttpServletResponse response) throws IOException {
		long minutes = Math.max(1, window.toMinutes());
		response.setStatus(429);
		response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(Math.max(1, window.toSeconds())));
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		response.getWriter().write("{\"status\":429,\"message\":\"登录失败次数过多: 本地址的登录已暂停,请在" + minutes
				+ "分钟内不再尝试后重试,或联系管理员\"}");
	}
}
