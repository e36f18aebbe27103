package com.retentiondesk.casework;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Checks task forms on the server before a task is completed: an engine interceptor in front of
 * "complete task" and "submit task form" applies the {@link TaskFormRules} of the task. A rejected
 * form throws {@link FormRejectedException} before anything runs, so nothing is saved, REST answers
 * 400 and Tasklist shows the Chinese message. (A complete listener could not do this cleanly: the
 * engine wraps listener exceptions into an English 500.)
 */
@Component
class TaskFormValidation extends AbstractProcessEnginePlugin {

	private final ObjectProvider<TaskFormRules> rules;

	TaskFormValidation(ObjectProvider<TaskFormRules> rules) {
		this.rules = rules;
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		if (configuration.getCustomPreCommandInterceptorsTxRequired() == null) {
			configuration.setCustomPreCommandInterceptorsTxRequired(new ArrayList<>());
		}
		configuration.getCustomPreCommandInterceptorsTxRequired().add(new Interceptor(configuration, rules));
	}

	private static final class Interceptor extends CommandInterceptor {

		private static final Field COMPLETE_TASK_ID = field(CompleteTaskCmd.class, "taskId");
		private static final Field COMPLETE_VARIABLES = field(CompleteTaskCmd.class, "variables");
		private static final Field SUBMIT_TASK_ID = field(SubmitTaskFormCmd.class, "taskId");
		private static final Field SUBMIT_VARIABLES = field(SubmitTaskFormCmd.class, "properties");

		private final ProcessEngineConfigurationImpl configuration;
		private final ObjectProvider<TaskFormRules> rules;
		private volatile Map<String, TaskFormRules> byTaskKey;
		private volatile java.util.List<TaskFormRules> everyTask;

		Interceptor(ProcessEngineConfigurationImpl configuration, ObjectProvider<TaskFormRules> rules) {
			this.configuration = configuration;
			this.rules = rules;
		}

		@Override
		public <T> T execute(Command<T> command) {
			if (command instanceof CompleteTaskCmd) {
				check(read(COMPLETE_TASK_ID, command), read(COMPLETE_VARIABLES, command));
			} else if (command instanceof SubmitTaskFormCmd) {
				check(read(SUBMIT_TASK_ID, command), read(SUBMIT_VARIABLES, command));
			}
			return next.execute(command);
		}

		private void check(Object taskId, Object submitted) {
			if (!(taskId instanceof String id) || (rules().isEmpty() && everyTask.isEmpty())) {
				return;
			}
			TaskService tasks = configuration.getTaskService();
			Task task = tasks.createTaskQuery().taskId(id).singleResult();
			if (task == null || task.getTaskDefinitionKey() == null) {
				return; // the command itself reports the missing task or the missing permission
			}
			TaskFormRules taskRules = rules().get(task.getTaskDefinitionKey());
			if (taskRules == null && everyTask.isEmpty()) {
				return;
			}
			Map<String, Object> values = new HashMap<>(tasks.getVariables(id));
			if (submitted instanceof Map<?, ?> map) {
				map.forEach((key, value) -> values.put(String.valueOf(key),
						value instanceof TypedValue typed ? typed.getValue() : value));
			}
			if (taskRules != null) {
				taskRules.check(values);
			}
			for (TaskFormRules section : everyTask) {
				section.check(values);
			}
		}

		private Map<String, TaskFormRules> rules() {
			if (byTaskKey == null) {
				Map<String, TaskFormRules> map = new HashMap<>();
				java.util.List<TaskFormRules> sections = new ArrayList<>();
				rules.orderedStream().forEach(r -> {
					r.taskDefinitionKeys().forEach(key -> map.put(key, r));
					if (r.everyTask()) {
						sections.add(r);
					}
				});
				everyTask = sections;
				byTaskKey = map;
			}
			return byTaskKey;
		}

		private static Object read(Field field, Object command) {
			try {
				return field.get(command);
			} catch (IllegalAccessException e) {
				throw new IllegalStateException(e);
			}
		}

		private static Field field(Class<?> type, String name) {
			try {
				Field field = type.getDeclaredField(name);
				field.setAccessible(true);
				return field;
			} catch (NoSuchFieldException e) {
				// an engine upgrade renamed it: fail at start-up rather than complete forms unchecked
				throw new IllegalStateException("cannot check task forms: " + type.getName() + "." + name + " is gone", e);
			}
		}
	}
}
