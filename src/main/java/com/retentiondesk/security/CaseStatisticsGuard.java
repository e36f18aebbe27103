package com.retentiondesk.security;

import java.util.List;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.ActivityStatisticsQueryImpl;
import org.camunda.bpm.engine.impl.DeploymentStatisticsQueryImpl;
import org.camunda.bpm.engine.impl.ProcessDefinitionStatisticsQueryImpl;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.stereotype.Component;

import com.retentiondesk.web.DeskGroups;

/**
 * The engine's statistics (instances and incidents per process definition, deployment or activity)
 * check only READ on the definition, which phone managers have for Tasklist, and then count every
 * team's cases. Only supervisors (Cockpit) and administrators may run them; Tasklist does not use them.
 */
@Component
class CaseStatisticsGuard extends AbstractProcessEnginePlugin {

	static final String MESSAGE = "无权查看流程统计: 只有主管和管理员可以查看各流程的案件数";

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
			if (command instanceof ProcessDefinitionStatisticsQueryImpl || command instanceof DeploymentStatisticsQueryImpl
					|| command instanceof ActivityStatisticsQueryImpl) {
				Authentication caller = configuration.getIdentityService().getCurrentAuthentication();
				List<String> groups = caller == null || caller.getGroupIds() == null ? List.of() : caller.getGroupIds();
				if (caller != null && !groups.contains(DeskGroups.SUPERVISORS) && !groups.contains(DeskGroups.ADMINS)) {
					throw new AuthorizationException(MESSAGE);
				}
			}
			return next.execute(command);
		}
	}
}
