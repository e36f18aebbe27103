package com.retentiondesk.system;

import java.util.ArrayList;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

/**
 * Puts the customer columns of the Tasklist filters ({@link IdentitySetup#LIST_VARIABLES}: customer,
 * number, stars) on every user task as task variables when the task is created.
 * <p>
 * Why: Tasklist reads a filter's columns with a variable query, and with authorization on a process
 * variable is readable only with READ on the process instance, which phone managers do not have (it
 * would show them every team's cases). A task variable is readable with READ on the task, which the
 * engine grants to the task's assignee and candidate group. Without these copies a manager's list
 * showed rows of identical task names and no customer (found by the end-to-end journeys).
 * <p>
 * The case writes these variables once, when it opens, so the copies do not go stale. No form may
 * use them as keys: a submitted value would land on the task's copy, not on the case.
 */
@Component
class TaskListVariables extends AbstractProcessEnginePlugin {

	private static final TaskListener COPY_TO_TASK = TaskListVariables::copyToTask;

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		if (configuration.getCustomPostBPMNParseListeners() == null) {
			configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
		}
		configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
			@Override
			public void parseUserTask(Element userTask, ScopeImpl scope, ActivityImpl activity) {
				if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior behavior) {
					behavior.getTaskDefinition().addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, COPY_TO_TASK);
				}
			}
		});
	}

	static void copyToTask(DelegateTask task) {
		for (String name : IdentitySetup.LIST_VARIABLES.keySet()) {
			Object value = task.getVariable(name);
			if (value != null) {
				task.setVariableLocal(name, value);
			}
		}
	}
}
