package com.retentiondesk.casework;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * A task form failed the server-side check (form-js validates in the browser only, in English).
 * Thrown before the completion runs: nothing is saved, and Tasklist shows this Chinese message naming
 * the field. It is a {@link FormFieldValidationException} because that is what the engine's REST API
 * answers with 400 on {@code complete} and {@code submit-form}; any other engine exception (such as
 * {@code BadUserRequestException}) is answered 500 there.
 */
public class FormRejectedException extends FormFieldValidationException {

	public FormRejectedException(String message) {
		super(message, "表单有误: " + message);
	}
}
