package com.retentiondesk.security;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractExecuteFilterCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteTaskCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.stereotype.Component;

/**
 * Engine answers that were 500s although the caller asked for something impossible, now 4xx with a
 * Chinese message on both REST paths:
 * <ul>
 * <li>deleting a task: every task of the desk belongs to a case and ends with it. The engine answered 500
 * for an existing task and 204 for an unknown id, so the 500 told a manager that another team's task
 * existed; every authenticated caller now gets the same 403 whatever the id.</li>
 * <li>a task query or filter whose conditions cannot be combined (a filter of the candidate groups
 * extended with {@code candidateUser}): 400.</li>
 * </ul>
 */
@Component
class EngineRequestErrors extends AbstractProcessEnginePlugin {

	static final String NO_TASK_DELETION = "任务不能删除:每个任务都属于一个案件,随案件的流程结束";
	static final String CONFLICTING_QUERY = "查询条件冲突,无法组合(例如过滤器已按候选组筛选,不能再按候选人筛选)";
	/** How the engine's TaskQueryImpl (7.24) begins the message for conditions that exclude each other. */
	private static final String ENGINE_INVALID_QUERY = "Invalid query usage";

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		CommandFields.guardEveryCommand(configuration, new Interceptor(configuration), new Interceptor(configuration));
	}

	private static final class Interceptor extends CommandInterceptor {

		private final ProcessEngineConfigurationImpl configuration;

		Interceptor(ProcessEngineConfigurationImpl configuration) {
			this.configuration = configuration;
		}

		@Override
		public <T> T execute(Command<T> command) {
			if (command instanceof DeleteTaskCmd && configuration.getIdentityService().getCurrentAuthentication() != null) {
				throw new AuthorizationException(NO_TASK_DELETION);
			}
			if (!(command instanceof TaskQueryImpl) && !(command instanceof AbstractExecuteFilterCmd)) {
				return next.execute(command);
			}
			try {
				return next.execute(command);
			} catch (ProcessEngineException e) {
				String invalid = invalidQueryUsage(e);
				if (invalid != null) {
					throw new BadUserRequestException(CONFLICTING_QUERY + ": " + invalid);
				}
				throw e;
			}
		}

		/** The engine's own message when the cause is conditions that exclude each other, else null. */
		private static String invalidQueryUsage(Throwable e) {
			for (Throwable cause = e; cause != null; cause = cause.getCause()) {
				if (cause.getMessage() != null && cause.getMessage().startsWith(ENGINE_INVALID_QUERY)) {
					return cause.getMessage();
				}
				if (cause.getCause() == cause) {
					break;
				}
			}
			return null;
		}
	}
}
