package com.retentiondesk.security;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * In production ({@code desk.security.require-admin-password}, set by the mysql profile) the desk refuses
 * to start unless {@code DESK_ADMIN_USER} and {@code DESK_ADMIN_PASSWORD} are set and the password is not
 * the demo password the README prints. Without this check an unset variable left its placeholder text as
 * the password, and only the password policy happened to refuse it. Runs before any bean is created, so
 * nothing (database, engine) has started when it refuses.
 */
@Component
class AdminPasswordCheck implements BeanFactoryPostProcessor, EnvironmentAware {

	/** The demo users' password in the README and the default profile. */
	static final String DEMO_PASSWORD = "Retention#2026";

	private Environment environment;

	@Override
	public void setEnvironment(Environment environment) {
		this.environment = environment;
	}

	@Override
	public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
		check(environment);
	}

	static void check(Environment environment) {
		if (!environment.getProperty("desk.security.require-admin-password", Boolean.class, false)) {
			return;
		}
		if (resolved(environment, "camunda.bpm.admin-user.id") == null) {
			throw new IllegalStateException("生产配置拒绝启动: 环境变量 DESK_ADMIN_USER 未设置 (管理员用户名)");
		}
		String password = resolved(environment, "camunda.bpm.admin-user.password");
		if (password == null) {
			throw new IllegalStateException(
					"生产配置拒绝启动: 环境变量 DESK_ADMIN_PASSWORD 未设置 (管理员密码: 至少10个字符,含大小写字母、数字和符号)");
		}
		if (password.equals(DEMO_PASSWORD)) {
			throw new IllegalStateException("生产配置拒绝启动: DESK_ADMIN_PASSWORD 不能是 README 中公开的演示密码");
		}
	}

	/** The property's value, or null when it is missing, blank or still an unresolved placeholder. */
	private static String resolved(Environment environment, String key) {
		String value;
		try {
			value = environment.getProperty(key);
		} catch (IllegalArgumentException unresolvable) {
			return null;
		}
		return value == null || value.isBlank() || value.contains("${") ? null : value;
	}
}
