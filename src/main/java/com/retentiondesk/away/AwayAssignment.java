package com.retentiondesk.away;

import java.util.ArrayList;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.task.IdentityLink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * While a phone manager is away ({@link AwayDays}), the new tasks meant for them go to their team: every user task
 * of every process whose assignee is {@value #MANAGER_ASSIGNEE} (the customer's manager; all call tasks, in every
 * {@code processes/*.bpmn}) gets a built-in create listener that takes the assignee off again when that manager is
 * away today, leaving the task to its candidate group (the team, {@code ${teamGroup}}). A task without a candidate
 * group keeps its assignee, so nothing is left for no one. Tasks created before the absence stay where they are,
 * and so do supervisors' tasks ({@code ${supervisorId}}).
 */
@Component
class AwayAssignment extends AbstractProcessEnginePlugin {

	static final String MANAGER_ASSIGNEE = "${managerId}";

	private static final Logger log = LoggerFactory.getLogger(AwayAssignment.class);

	private final AwayDays awayDays;

	AwayAssignment(AwayDays awayDays) {
		this.awayDays = awayDays;
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		if (configuration.getCustomPostBPMNParseListeners() == null) {
			configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
		}
		TaskListener created = this::created;
		configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
			@Override
			public void parseUserTask(Element userTask, ScopeImpl scope, ActivityImpl activity) {
				if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior behavior) {
					Expression assignee = behavior.getTaskDefinition().getAssigneeExpression();
					if (assignee != null && MANAGER_ASSIGNEE.equals(assignee.getExpressionText().strip())) {
						behavior.getTaskDefinition().addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, created);
					}
				}
			}
		});
	}

	private void created(DelegateTask task) {
		String manager = task.getAssignee();
		if (manager == null || !awayDays.isAway(manager)) {
			return;
		}
		boolean hasGroup = task.getCandidates().stream().map(IdentityLink::getGroupId).anyMatch(g -> g != null);
		if (!hasGroup) {
			log.warn("task {} ({}) of away manager {} has no candidate group: left assigned", task.getId(),
					task.getTaskDefinitionKey(), manager);
			return;
		}
		task.setAssignee(null);
		log.info("task {} ({}) to the team: manager {} is away", task.getId(), task.getTaskDefinitionKey(), manager);
	}
}
