package com.retentiondesk.tasklist;

import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.entitymanager.cache.CachedDbEntity;
import org.camunda.bpm.engine.impl.db.entitymanager.cache.DbEntityState;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.springframework.stereotype.Component;

/**
 * The engine's grants for tasks, without a query that cannot find anything.
 * <p>
 * When a task gets its assignee or candidate group, the engine grants them the task: it first looks
 * in the database for a grant of that user or group on that task, to add the permission to it, and
 * only then creates a new one. For a task created in the same command (every call task a scan, a
 * timer or a completed task opens) no such row can exist: the task id is new, and grants made earlier
 * in the same command are found in the command's cache, as before. Those two look-ups were two of the
 * four round trips to the database per case that the arrears scan still made (see ThroughputBenchmark);
 * the grants written are the same.
 */
@Component
class NewTaskGrants extends AbstractProcessEnginePlugin {

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		configuration.setResourceAuthorizationProvider(new Provider());
	}

	static class Provider extends DefaultAuthorizationProvider {

		@Override
		protected AuthorizationEntity getGrantAuthorization(String resourceId, String userId, String groupId,
				Resource resource) {
			if (isTaskOfThisCommand(resource, resourceId)) {
				return null;
			}
			return super.getGrantAuthorization(resourceId, userId, groupId, resource);
		}

		private static boolean isTaskOfThisCommand(Resource resource, String taskId) {
			if (taskId == null || (resource.resourceType() != Resources.TASK.resourceType()
					&& resource.resourceType() != Resources.HISTORIC_TASK.resourceType())) {
				return false;
			}
			CommandContext context = Context.getCommandContext();
			if (context == null) {
				return false;
			}
			CachedDbEntity task = context.getDbEntityManager().getDbEntityCache().getCachedEntity(TaskEntity.class, taskId);
			return task != null && task.getEntityState() == DbEntityState.TRANSIENT;
		}
	}
}
