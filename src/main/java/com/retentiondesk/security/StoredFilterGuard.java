package com.retentiondesk.security;

import java.lang.reflect.Field;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractExecuteFilterCmd;
import org.camunda.bpm.engine.impl.cmd.SaveFilterCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * A stored filter's expressions run on the server each time someone refreshes it, with the engine's
 * expression manager (every Spring bean in reach). Saving a filter whose query holds any expression
 * outside {@link FilterExpressionAllowList} is refused, whoever saves it and by whatever path; filters
 * stored before (found at start-up) are refused when run, until an administrator corrects them.
 */
@Component
class StoredFilterGuard extends AbstractProcessEnginePlugin {

	static final String MESSAGE = "过滤器的查询只能使用这些表达式: ${currentUser()}, ${currentUserGroups()}, ${now()} "
			+ "和 ${dateTime()…toDate()}(中间可接 withTimeAtStartOfDay(), plusDays(n), minusDays(n), plusHours(n), minusHours(n))";

	private static final Logger log = LoggerFactory.getLogger(StoredFilterGuard.class);
	private static final Field SAVED_FILTER = CommandFields.field(SaveFilterCmd.class, "filter");
	private static final Field RUN_FILTER_ID = CommandFields.field(AbstractExecuteFilterCmd.class, "filterId");

	/** Filters stored with a forbidden expression before this guard existed. */
	private final Set<String> refused = ConcurrentHashMap.newKeySet();

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		CommandFields.guardEveryCommand(configuration, new Interceptor(), new Interceptor());
	}

	@Override
	public void postProcessEngineBuild(ProcessEngine engine) {
		for (Filter filter : engine.getFilterService().createFilterQuery().list()) {
			String forbidden = forbiddenExpression(filter);
			if (forbidden != null) {
				refused.add(filter.getId());
				log.error("Tasklist filter '{}' ({}) holds the expression {}, which filters may not run: it is refused "
						+ "until an administrator corrects it", filter.getName(), filter.getId(), forbidden);
			}
		}
	}

	/** The first expression of the filter's query (or its or-queries) that is not allowed, or null. */
	static String forbiddenExpression(Filter filter) {
		if (filter == null || !(filter.getQuery() instanceof TaskQueryImpl query)) {
			return null;
		}
		for (TaskQueryImpl part : query.getQueries()) {
			for (String text : part.getExpressions().values()) {
				if (!FilterExpressionAllowList.allows(text)) {
					return text;
				}
			}
		}
		return null;
	}

	private final class Interceptor extends CommandInterceptor {

		@Override
		public <T> T execute(Command<T> command) {
			if (command instanceof SaveFilterCmd) {
				Filter filter = (Filter) CommandFields.read(SAVED_FILTER, command);
				if (forbiddenExpression(filter) != null) {
					throw new BadUserRequestException(MESSAGE);
				}
				T saved = next.execute(command);
				if (filter.getId() != null) {
					refused.remove(filter.getId());
				}
				return saved;
			}
			if (command instanceof AbstractExecuteFilterCmd && refused.contains(CommandFields.read(RUN_FILTER_ID, command))) {
				throw new BadUserRequestException("此过滤器含有不允许的表达式,管理员修改前不能使用。" + MESSAGE);
			}
			return next.execute(command);
		}
	}
}
