package com.retentiondesk.tasklist;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.core.variable.scope.VariableCollectionProvider;
import org.camunda.bpm.engine.impl.core.variable.scope.VariableStore;
import org.camunda.bpm.engine.impl.db.entitymanager.cache.CachedDbEntity;
import org.camunda.bpm.engine.impl.db.entitymanager.cache.DbEntityState;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

/**
 * The customer columns of the Tasklist filters ({@link #COLUMNS}: customer, number, stars). A case's tasks get
 * them from the case's customer row when a list is shown ({@link TaskListColumns}, issue 32: a case has no
 * variables for them); a process that holds them as variables (the satisfaction survey) has them copied onto
 * each of its user tasks as task variables when the task is created.
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
public class TaskListVariables extends AbstractProcessEnginePlugin {

	/** The columns of every Tasklist filter's list: variable and label, copied onto each task. */
	public static final Map<String, String> COLUMNS;

	static {
		Map<String, String> columns = new LinkedHashMap<>();
		columns.put("customerName", "客户");
		columns.put("serviceNo", "服务号码");
		columns.put("starLevel", "星级");
		COLUMNS = Collections.unmodifiableMap(columns);
	}

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
		knownToHaveNoVariables(task);
		// read from the process instance, which holds the variables of a survey: a task being created (and
		// the execution made for it) has none of its own yet, and asking them would first look theirs up
		VariableScope scope = task.getExecution() != null ? task.getExecution().getProcessInstance() : task;
		for (String name : COLUMNS.keySet()) {
			Object value = scope.getVariable(name);
			if (value != null) {
				task.setVariableLocal(name, value);
			}
		}
	}

	/** The engine's private store of a task's variables, to tell it that a new task has none yet. */
	private static final MethodHandle VARIABLE_STORE = variableStore();

	/**
	 * Before its first variable is read or written, the engine looks up a task's variables in the database,
	 * even for a task created in this very command, whose id no row can hold yet: one query per task opened
	 * (a third of the arrears scan's round trips). For such a task the store is given an empty start, as
	 * the engine does for new executions. If a later engine version hides the field, the lookup stays.
	 */
	@SuppressWarnings({ "unchecked", "rawtypes" })
	private static void knownToHaveNoVariables(DelegateTask task) {
		if (VARIABLE_STORE == null || !(task instanceof TaskEntity entity) || !isNewInThisCommand(entity)) {
			return;
		}
		try {
			VariableStore store = (VariableStore) VARIABLE_STORE.invoke(entity);
			if (store != null && !store.isInitialized()) {
				store.setVariablesProvider(VariableCollectionProvider.emptyVariables());
			}
		} catch (Throwable e) {
			// the lookup happens as before
		}
	}

	private static boolean isNewInThisCommand(TaskEntity task) {
		CommandContext context = Context.getCommandContext();
		if (context == null || task.getId() == null) {
			return false;
		}
		CachedDbEntity cached = context.getDbEntityManager().getDbEntityCache().getCachedEntity(TaskEntity.class,
				task.getId());
		return cached != null && cached.getEntityState() == DbEntityState.TRANSIENT;
	}

	private static MethodHandle variableStore() {
		try {
			return MethodHandles.privateLookupIn(TaskEntity.class, MethodHandles.lookup()).findGetter(TaskEntity.class,
					"variableStore", VariableStore.class);
		} catch (ReflectiveOperationException | RuntimeException e) {
			return null;
		}
	}

}
