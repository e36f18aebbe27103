package com.retentiondesk.tasklist;

import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AddCommentCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.PropertyChange;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

/**
 * A trace when someone takes a task off a colleague: Tasklist's × next to the colleague's name (then 认领)
 * moved the task away with nothing left to show who did it. When a user changes the assignee of a task that
 * was someone else's, a comment on the task says who took it from whom and when, for instance
 * "李娜 于 2026-12-02 15:20 从 王芳 手中接手了此任务", in the task's comments (Tasklist's 历史 tab), written in
 * the same transaction. A manager's own moves (unclaim, delegate) and the system's (an escalation) leave none.
 */
@Component
class TakeOverTrail extends AbstractProcessEnginePlugin {

	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private static final ThreadLocal<Boolean> WRITING = new ThreadLocal<>();

	private final ZoneId zone;

	TakeOverTrail(Clock clock) {
		this.zone = clock.getZone();
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		if (configuration.getCustomPostBPMNParseListeners() == null) {
			configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
		}
		TaskListener assigned = this::assigned;
		configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
			@Override
			public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
				if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior behavior) {
					behavior.getTaskDefinition().addBuiltInTaskListener(TaskListener.EVENTNAME_ASSIGNMENT, assigned);
				}
			}
		});
	}

	private void assigned(DelegateTask task) {
		if (!(task instanceof TaskEntity entity)) {
			return;
		}
		PropertyChange change = entity.getPropertyChanges().get(TaskEntity.ASSIGNEE);
		CommandContext command = Context.getCommandContext();
		String actor = command == null ? null : command.getAuthenticatedUserId();
		String before = change == null ? null : (String) change.getOrgValue();
		if (actor == null || before == null || before.equals(actor)) {
			return;
		}
		String after = task.getAssignee();
		if (task.getOwner() != null && task.getOwner().equals(actor)) {
			// the owner of a delegated task taking it back or passing it on: their own move
			return;
		}
		String when = ClockUtil.getCurrentTime().toInstant().atZone(zone).format(WHEN);
		String message;
		if (actor.equals(after)) {
			message = name(command, actor) + " 于 " + when + " 从 " + name(command, before) + " 手中接手了此任务";
		} else if (after == null) {
			message = name(command, actor) + " 于 " + when + " 取消了 " + name(command, before) + " 对此任务的认领";
		} else {
			message = name(command, actor) + " 于 " + when + " 把此任务从 " + name(command, before) + " 转给了 "
					+ name(command, after);
		}
		// adding a comment fires the task's update and assignment events again: not a second trace
		if (WRITING.get() == null) {
			WRITING.set(Boolean.TRUE);
			try {
				new AddCommentCmd(task.getId(), null, message).execute(command);
			} finally {
				WRITING.remove();
			}
		}
	}

	/** 王芳: family name first, as Chinese names are written; the id if the user is unknown. */
	private static String name(CommandContext command, String userId) {
		User user = command.runWithoutAuthorization(
				() -> command.getReadOnlyIdentityProvider().findUserById(userId));
		if (user == null) {
			return userId;
		}
		String name = (user.getLastName() == null ? "" : user.getLastName())
				+ (user.getFirstName() == null ? "" : user.getFirstName());
		return name.isBlank() ? userId : name;
	}
}
