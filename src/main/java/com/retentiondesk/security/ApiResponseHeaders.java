package com.retentiondesk.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The JSON APIs ({@code /api}, {@code /engine-rest}, the webapps' {@code /camunda/api}) carry customer
 * data: browsers must not sniff their answers into another type, and neither browsers nor proxies may
 * keep a copy. Behind TLS ({@code desk.security.hsts}) they also tell browsers to use HTTPS only; the
 * webapps' pages get theirs from the Camunda starter's header security.
 */
class ApiResponseHeaders extends OncePerRequestFilter {

	static final String HSTS = "max-age=31536000";

	private final boolean hsts;

	ApiResponseHeaders(boolean hsts) {
		this.hsts = hsts;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		response.setHeader("X-Content-Type-Options", "nosniff");
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		if (hsts) {
			response.setHeader("Strict-Transport-Security", HSTS);
		}
		chain.doFilter(request, new NoStore(response));
	}

	/** Keeps no-store when what answers the request sets a cache header of its own. */
	private static final class NoStore extends HttpServletResponseWrapper {

		NoStore(HttpServletResponse response) {
			super(response);
		}

		@Override
		public void setHeader(String name, String value) {
			if (!isCacheHeader(name)) {
				super.setHeader(name, value);
			}
		}

		@Override
		public void addHeader(String name, String value) {
			if (!isCacheHeader(name)) {
				super.addHeader(name, value);
			}
		}

		private static boolean isCacheHeader(String name) {
			return HttpHeaders.CACHE_CONTROL.equalsIgnoreCase(name) || HttpHeaders.EXPIRES.equalsIgnoreCase(name)
					|| HttpHeaders.PRAGMA.equalsIgnoreCase(name);
		}
	}
}
