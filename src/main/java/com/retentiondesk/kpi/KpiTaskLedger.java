package com.retentiondesk.kpi;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.hibernate.engine.spi.SessionImplementor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import com.retentiondesk.web.DeskGroups;

import jakarta.persistence.EntityManager;

/**
 * Feeds the {@link KpiLedger} with completed call tasks: every user task of every process gets a
 * complete listener that counts the task for its assignee as on time (completed by its due date) or
 * late. Escalation tasks are the supervisors' and tasks without a due date or assignee do not count,
 * as in the task-history fill (db/engine V2).
 */
@Component
class KpiTaskLedger extends AbstractProcessEnginePlugin {

	private final KpiLedger ledger;
	/** Looked up when a task completes: the plugin is built with the engine, before JPA is ready. */
	private final ObjectProvider<EntityManager> entityManager;
	private final Clock clock;

	KpiTaskLedger(KpiLedger ledger, ObjectProvider<EntityManager> entityManager, Clock clock) {
		this.ledger = ledger;
		this.entityManager = entityManager;
		this.clock = clock;
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		if (configuration.getCustomPostBPMNParseListeners() == null) {
			configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
		}
		TaskListener completed = this::completed;
		configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
			@Override
			public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
				TaskDefinition task = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
				task.addTaskListener(TaskListener.EVENTNAME_COMPLETE, completed);
			}
		});
	}

	private void completed(DelegateTask task) {
		if (task.getAssignee() == null || task.getDueDate() == null
				|| task.getTaskDefinitionKey().startsWith(DeskGroups.ESCALATION_TASK_PREFIX)) {
			return;
		}
		java.util.Date now = org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime();
		LocalDate day = now.toInstant().atZone(clock.getZone()).toLocalDate();
		ledger.changes(entityManager.getObject().unwrap(SessionImplementor.class)).task(task.getAssignee(), day,
				now.after(task.getDueDate()));
	}
}
