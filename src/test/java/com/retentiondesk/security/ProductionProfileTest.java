package com.retentiondesk.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.spring.boot.starter.property.WebappProperty;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import com.retentiondesk.RetentionDeskApplication;

/**
 * Issue 24, findings 4, 7 and 8: what the production profile ({@code mysql}) sets and refuses. The
 * cookie and header settings are read from the profile as Spring and the Camunda starter bind them;
 * the refusals start the real application and expect it to stop before it touches a database.
 */
class ProductionProfileTest {

	/** No beans: only the profile's configuration files. */
	@Configuration(proxyBeanMethods = false)
	static class Nothing {
	}

	@Test
	void shouldMarkBothCookiesSecureAndSendHstsInProduction() {
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(Nothing.class)
				.web(WebApplicationType.NONE).profiles("mysql").run()) {
			Environment env = context.getEnvironment();
			WebappProperty webapp = Binder.get(env).bind("camunda.bpm.webapp", WebappProperty.class).get();

			assertThat(env.getProperty("server.servlet.session.cookie.secure", Boolean.class)).isTrue();
			assertThat(webapp.getCsrf().isEnableSecureCookie()).as("XSRF-TOKEN Secure").isTrue();
			assertThat(env.getProperty("desk.security.hsts", Boolean.class)).isTrue();
			assertThat(webapp.getHeaderSecurity().isHstsDisabled()).as("webapps' HSTS").isFalse();
		}
	}

	@Test
	void shouldNotSendHstsOrSecureCookiesOnADeveloperMachine() {
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(Nothing.class)
				.web(WebApplicationType.NONE).run()) {
			Environment env = context.getEnvironment();

			assertThat(env.getProperty("desk.security.hsts", Boolean.class, false)).isFalse();
			assertThat(env.getProperty("server.servlet.session.cookie.secure", Boolean.class, false)).isFalse();
		}
	}

	@Test
	void shouldRefuseToStartWithoutAnAdministratorPassword() {
		Throwable refused = start();

		assertThat(refused).isNotNull();
		assertThat(messages(refused)).contains("DESK_ADMIN_PASSWORD").contains("未设置");
	}

	@Test
	void shouldRefuseToStartWithTheDemoPassword() {
		Throwable refused = start("--DESK_ADMIN_PASSWORD=Retention#2026");

		assertThat(refused).isNotNull();
		assertThat(messages(refused)).contains("DESK_ADMIN_PASSWORD").contains("演示密码");
	}

	@Test
	void shouldLetAStrongAdministratorPasswordThroughAndCheckNothingOutsideProduction() {
		org.springframework.mock.env.MockEnvironment production = new org.springframework.mock.env.MockEnvironment()
				.withProperty("desk.security.require-admin-password", "true")
				.withProperty("camunda.bpm.admin-user.id", "admin")
				.withProperty("camunda.bpm.admin-user.password", "Strong#Admin2027");

		AdminPasswordCheck.check(production);
		AdminPasswordCheck.check(new org.springframework.mock.env.MockEnvironment());
	}

	/** Starts the desk in the production profile on an in-memory H2; returns why it stopped, or null. */
	private static Throwable start(String... extra) {
		List<String> args = new ArrayList<>(List.of("--spring.profiles.active=mysql", "--server.port=0",
				"--DB_URL=jdbc:h2:mem:production-profile-test", "--DB_USER=sa", "--DB_PASSWORD=",
				"--DESK_ADMIN_USER=admin", "--camunda.bpm.database.type=h2",
				"--spring.jpa.properties.hibernate.dialect=org.hibernate.dialect.H2Dialect",
				"--camunda.bpm.job-execution.enabled=false"));
		args.addAll(List.of(extra));
		ConfigurableApplicationContext context = null;
		try {
			context = new SpringApplicationBuilder(RetentionDeskApplication.class).run(args.toArray(String[]::new));
			return null;
		} catch (RuntimeException e) {
			return e;
		} finally {
			if (context != null) {
				context.close();
			}
		}
	}

	private static String messages(Throwable e) {
		StringBuilder all = new StringBuilder();
		for (Throwable t = e; t != null; t = t.getCause()) {
			all.append(t.getMessage()).append('\n');
		}
		return all.toString();
	}
}
