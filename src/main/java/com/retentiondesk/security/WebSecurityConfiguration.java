package com.retentiondesk.security;

import java.time.Duration;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

import com.retentiondesk.web.AllowedGroups;
import com.retentiondesk.web.DeskGroups;

/**
 * Authentication for the two HTTP APIs; the webapps keep their own login and CSRF protection.
 * {@code /engine-rest/*} is open in the starter: here it needs HTTP Basic, as in Camunda Run, and runs
 * with the caller's engine authorizations. {@code /api/*} needs HTTP Basic and a group from
 * {@link AllowedGroups}. {@code /actuator/*} but health needs HTTP Basic of an administrator or the
 * integration group (the operator's monitoring stack). Failed logins are limited per source address
 * ({@link LoginThrottle}) in front of all of them and the webapps' login.
 */
@Configuration
class WebSecurityConfiguration {

	@Bean
	FilterRegistrationBean<ApiResponseHeaders> apiResponseHeaders(@Value("${desk.security.hsts:false}") boolean hsts) {
		FilterRegistrationBean<ApiResponseHeaders> registration = new FilterRegistrationBean<>(new ApiResponseHeaders(hsts));
		registration.setName("api-response-headers");
		registration.addUrlPatterns("/engine-rest/*", "/api/*", "/camunda/api/*");
		// first, so that refusals (401, 403, 429) carry the headers too
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 50);
		return registration;
	}

	@Bean
	FilterRegistrationBean<MigrationRequestCheck> migrationRequestCheck() {
		FilterRegistrationBean<MigrationRequestCheck> registration = new FilterRegistrationBean<>(new MigrationRequestCheck());
		registration.setName("migration-request-check");
		registration.addUrlPatterns("/engine-rest/migration/*", "/camunda/api/engine/*");
		return registration;
	}

	@Bean
	FilterRegistrationBean<LoginThrottle> loginThrottle(@Value("${desk.login-throttle.max-failures:30}") int maxFailures,
			@Value("${desk.login-throttle.window:PT10M}") Duration window) {
		FilterRegistrationBean<LoginThrottle> registration = new FilterRegistrationBean<>(
				new LoginThrottle(maxFailures, window));
		registration.setName("login-throttle");
		registration.addUrlPatterns("/engine-rest/*", "/api/*", "/actuator/*", "/camunda/api/admin/auth/*");
		// before every filter that checks a password
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 100);
		return registration;
	}

	@Bean
	FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
		FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration = new FilterRegistrationBean<>(
				new ProcessEngineAuthenticationFilter());
		registration.setName("engine-rest-authentication");
		registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
				HttpBasicAuthenticationProvider.class.getName());
		registration.addInitParameter(ProcessEngineAuthenticationFilter.SERVLET_PATH_PREFIX, "/engine-rest");
		registration.addUrlPatterns("/engine-rest/*");
		return registration;
	}

	@Bean
	FilterRegistrationBean<ApiAuthenticationFilter> apiAuthentication(ProcessEngine engine) {
		FilterRegistrationBean<ApiAuthenticationFilter> registration = new FilterRegistrationBean<>(
				new ApiAuthenticationFilter(engine));
		registration.setName("api-authentication");
		registration.addUrlPatterns("/api/*");
		return registration;
	}

	@Bean
	FilterRegistrationBean<ApiAuthenticationFilter> actuatorAuthentication(ProcessEngine engine) {
		FilterRegistrationBean<ApiAuthenticationFilter> registration = new FilterRegistrationBean<>(
				new ApiAuthenticationFilter(engine, java.util.Set.of(DeskGroups.ADMINS, DeskGroups.INTEGRATION)));
		registration.setName("actuator-authentication");
		registration.addUrlPatterns("/actuator/*");
		return registration;
	}
}
