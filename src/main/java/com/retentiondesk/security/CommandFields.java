package com.retentiondesk.security;

import java.lang.reflect.Field;
import java.util.ArrayList;

import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

/**
 * What the desk's engine guards share: their place in front of every engine command, and reading the
 * argument of an engine command that has no getter for it.
 */
final class CommandFields {

	private CommandFields() {
	}

	/** Puts the interceptor in front of every command, before the engine opens its command context. */
	static void guardEveryCommand(ProcessEngineConfigurationImpl configuration, CommandInterceptor required,
			CommandInterceptor requiresNew) {
		if (configuration.getCustomPreCommandInterceptorsTxRequired() == null) {
			configuration.setCustomPreCommandInterceptorsTxRequired(new ArrayList<>());
		}
		if (configuration.getCustomPreCommandInterceptorsTxRequiresNew() == null) {
			configuration.setCustomPreCommandInterceptorsTxRequiresNew(new ArrayList<>());
		}
		configuration.getCustomPreCommandInterceptorsTxRequired().add(0, required);
		configuration.getCustomPreCommandInterceptorsTxRequiresNew().add(0, requiresNew);
	}

	/** The field, made readable; fails at start-up if an engine upgrade renamed it, rather than run unguarded. */
	static Field field(Class<?> command, String name) {
		try {
			Field field = command.getDeclaredField(name);
			field.setAccessible(true);
			return field;
		} catch (NoSuchFieldException e) {
			throw new IllegalStateException("cannot guard " + command.getSimpleName() + ": no field " + name, e);
		}
	}

	static Object read(Field field, Object command) {
		try {
			return field.get(command);
		} catch (IllegalAccessException e) {
			throw new IllegalStateException(e);
		}
	}
}
