package com.retentiondesk.casework;

import org.camunda.bpm.engine.BadUserRequestException;

/**
 * A task form failed the server-side check (form-js validates in the browser only, in English).
 * Thrown from a task's complete listener: the completion is rolled back, nothing is saved, and
 * Tasklist shows this Chinese message naming the field (REST answers 400).
 */
public class FormRejectedException extends BadUserRequestException {

	/** Every message starts with this; {@link FormRejectionAnswers} recognises the message by it. */
	static final String PREFIX = "表单有误: ";

	public FormRejectedException(String message) {
		super(PREFIX + message);
	}
}
