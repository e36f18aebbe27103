package com.retentiondesk.security;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractExecuteFilterCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.query.Query;
import org.springframework.stereotype.Component;

/**
 * Guards against CVE-2026-109432: in 7.24.0 the or-sub-queries of a task query are built without the
 * ad-hoc expression validator, so an authenticated user could have {@code *Expression} fields
 * evaluated (with every Spring bean in reach) despite {@code enableExpressionsInAdhocQueries=false}.
 * <p>
 * The guard sits in front of every engine command, so it covers every path that runs a task query:
 * {@code /engine-rest}, the webapps' {@code /camunda/api/engine}, filter execution with an extending
 * query, and Java callers. A task query whose or-queries carry an expression is rejected before
 * anything is evaluated. Stored filters are not affected: only administrators may create them.
 */
@Component
class OrQueryExpressionGuard extends AbstractProcessEnginePlugin {

	static final String MESSAGE = "Expressions in task or-queries are not allowed (CVE-2026-109432)";

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		if (configuration.getCustomPreCommandInterceptorsTxRequired() == null) {
			configuration.setCustomPreCommandInterceptorsTxRequired(new ArrayList<>());
		}
		if (configuration.getCustomPreCommandInterceptorsTxRequiresNew() == null) {
			configuration.setCustomPreCommandInterceptorsTxRequiresNew(new ArrayList<>());
		}
		configuration.getCustomPreCommandInterceptorsTxRequired().add(0, new Interceptor());
		configuration.getCustomPreCommandInterceptorsTxRequiresNew().add(0, new Interceptor());
	}

	static void check(Object query) {
		if (query instanceof TaskQueryImpl taskQuery) {
			List<TaskQueryImpl> queries = taskQuery.getQueries();
			// the first entry is the query itself; the rest are its or-queries
			for (TaskQueryImpl orQuery : queries.subList(1, queries.size())) {
				if (!orQuery.getExpressions().isEmpty()) {
					throw new BadUserRequestException(MESSAGE + ": " + orQuery.getExpressions().keySet());
				}
			}
		}
	}

	private static final class Interceptor extends CommandInterceptor {

		private static final Field EXTENDING_QUERY = extendingQueryField();

		@Override
		public <T> T execute(Command<T> command) {
			if (command instanceof TaskQueryImpl) {
				check(command);
			} else if (command instanceof AbstractExecuteFilterCmd filterCommand) {
				check(extendingQuery(filterCommand));
			}
			return next.execute(command);
		}

		private static Query<?, ?> extendingQuery(AbstractExecuteFilterCmd command) {
			try {
				return (Query<?, ?>) EXTENDING_QUERY.get(command);
			} catch (IllegalAccessException e) {
				throw new IllegalStateException(e);
			}
		}

		private static Field extendingQueryField() {
			try {
				Field field = AbstractExecuteFilterCmd.class.getDeclaredField("extendingQuery");
				field.setAccessible(true);
				return field;
			} catch (NoSuchFieldException e) {
				// an engine upgrade moved the field: fail at start-up rather than run unguarded
				throw new IllegalStateException("cannot guard filter execution against or-query expressions", e);
			}
		}
	}
}
