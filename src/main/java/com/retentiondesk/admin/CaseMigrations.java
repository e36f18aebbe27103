package com.retentiondesk.admin;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationException;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.migration.MigrationPlanBuilder;
import org.camunda.bpm.engine.migration.MigrationPlanValidationException;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Moves running cases from one version of their process to another (Camunda CE has the migration API
 * but no Cockpit screen for it). The plan maps equal activities plus the explicit mappings of
 * {@link MigrationMappings}; each instance migrates in a transaction of its own, so the report says
 * per instance whether it moved and, if not, the engine's reason. A dry run does the same and rolls
 * every transaction back: exactly what would happen, nothing changed.
 * <p>
 * Timers keep their due date (no {@code updateEventTrigger}): the desk's timers are absolute dates
 * that Java computed, so a second reminder due on Monday 09:00 stays due then on the new version.
 */
@Service
public class CaseMigrations {

	/** What a migration did (or would do). */
	public record Report(String processKey, int fromVersion, int toVersion, boolean dryRun, Map<String, String> mappings,
			int instances, int migrated, List<InstanceResult> results) {
	}

	/** One process instance: moved (or movable, in a dry run) or not, and why not. */
	public record InstanceResult(String processInstanceId, String businessKey, boolean migrated, String reason) {
	}

	/** No such process or version. */
	public static class UnknownVersionException extends RuntimeException {
		UnknownVersionException(String message) {
			super(message);
		}
	}

	private static final Logger log = LoggerFactory.getLogger(CaseMigrations.class);

	private final RepositoryService repository;
	private final RuntimeService runtime;
	private final MigrationMappings mappings;
	private final TransactionTemplate ownTransaction;

	CaseMigrations(RepositoryService repository, RuntimeService runtime, MigrationMappings mappings,
			PlatformTransactionManager transactions) {
		this.repository = repository;
		this.runtime = runtime;
		this.mappings = mappings;
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/**
	 * @param toVersion null for the latest version
	 * @throws UnknownVersionException  when a version does not exist
	 * @throws IllegalArgumentException when the plan is invalid (the engine's reasons in the message)
	 */
	public Report migrate(String processKey, int fromVersion, Integer toVersion, boolean dryRun) {
		ProcessDefinition source = version(processKey, fromVersion);
		ProcessDefinition target = toVersion == null
				? repository.createProcessDefinitionQuery().processDefinitionKey(processKey).latestVersion().singleResult()
				: version(processKey, toVersion);
		if (target == null) {
			throw new UnknownVersionException("流程 " + processKey + " 不存在");
		}
		if (source.getId().equals(target.getId())) {
			throw new IllegalArgumentException("toVersion: 源版本和目标版本相同 (" + fromVersion + ")");
		}
		Map<String, String> explicit = mappings.forProcess(processKey);
		MigrationPlan plan = plan(source, target, explicit);
		List<ProcessInstance> instances = runtime.createProcessInstanceQuery().processDefinitionId(source.getId()).list();
		List<InstanceResult> results = new ArrayList<>();
		int migrated = 0;
		for (ProcessInstance instance : instances) {
			InstanceResult result = migrateOne(plan, instance, dryRun);
			results.add(result);
			if (result.migrated()) {
				migrated++;
			}
			if (results.size() % 500 == 0) {
				log.info("migration {} v{} -> v{}{}: {} of {} instances done", processKey, source.getVersion(),
						target.getVersion(), dryRun ? " (dry run)" : "", results.size(), instances.size());
			}
		}
		log.info("migration {} v{} -> v{}{}: {} of {} instances {}", processKey, source.getVersion(), target.getVersion(),
				dryRun ? " (dry run)" : "", migrated, instances.size(), dryRun ? "can migrate" : "migrated");
		return new Report(processKey, source.getVersion(), target.getVersion(), dryRun, explicit, instances.size(),
				migrated, results);
	}

	private MigrationPlan plan(ProcessDefinition source, ProcessDefinition target, Map<String, String> explicit) {
		Set<String> targetIds = activityIds(target);
		Set<String> sourceIds = activityIds(source);
		MigrationPlanBuilder builder = runtime.createMigrationPlan(source.getId(), target.getId()).mapEqualActivities();
		explicit.forEach((from, to) -> {
			if (sourceIds.contains(from) && !targetIds.contains(from) && targetIds.contains(to)) {
				builder.mapActivities(from, to);
			}
		});
		try {
			return builder.build();
		} catch (MigrationPlanValidationException e) {
			String reasons = e.getValidationReport().getInstructionReports().stream()
					.map(r -> r.getMigrationInstruction() + ": " + String.join(", ", r.getFailures()))
					.collect(Collectors.joining("; "));
			throw new IllegalArgumentException("迁移计划无效: " + reasons, e);
		}
	}

	private InstanceResult migrateOne(MigrationPlan plan, ProcessInstance instance, boolean dryRun) {
		try {
			ownTransaction.executeWithoutResult(status -> {
				runtime.newMigration(plan).processInstanceIds(instance.getId()).execute();
				if (dryRun) {
					status.setRollbackOnly();
				}
			});
			return new InstanceResult(instance.getId(), instance.getBusinessKey(), true, null);
		} catch (MigratingProcessInstanceValidationException e) {
			String reasons = e.getValidationReport().getActivityInstanceReports().stream()
					.map(r -> r.getSourceScopeId() + ": " + String.join(", ", r.getFailures()))
					.collect(Collectors.joining("; "));
			return new InstanceResult(instance.getId(), instance.getBusinessKey(), false,
					reasons.isEmpty() ? String.join(", ", e.getValidationReport().getFailures()) : reasons);
		} catch (ProcessEngineException e) {
			return new InstanceResult(instance.getId(), instance.getBusinessKey(), false, e.getMessage());
		}
	}

	private Set<String> activityIds(ProcessDefinition definition) {
		return repository.getBpmnModelInstance(definition.getId()).getModelElementsByType(FlowNode.class).stream()
				.map(FlowNode::getId)
				.collect(Collectors.toSet());
	}

	private ProcessDefinition version(String processKey, int version) {
		ProcessDefinition definition = repository.createProcessDefinitionQuery().processDefinitionKey(processKey)
				.processDefinitionVersion(version).singleResult();
		if (definition == null) {
			throw new UnknownVersionException("流程 " + processKey + " 没有版本 " + version);
		}
		return definition;
	}
}
