package com.retentiondesk.casework;

import java.util.Map;
import java.util.Set;

/**
 * The server-side check of a task form (form-js validates in the browser only, with English
 * messages). Beans of this type are applied by {@link TaskFormValidation} before a task of theirs is
 * completed, through Tasklist, REST or Java.
 */
public interface TaskFormRules {

	/** The BPMN ids of the user tasks whose completion these rules check. */
	Set<String> taskDefinitionKeys();

	/**
	 * Rules of a form section that any task's form may carry (the 客户资料 section of the call forms): checked
	 * at every task's completion, after the task's own rules; they look only at their own fields.
	 */
	default boolean everyTask() {
		return false;
	}

	/**
	 * @param values the task's variables with the submitted ones on top
	 * @throws FormRejectedException with a Chinese message naming the field
	 */
	void check(Map<String, Object> values);
}
