package com.retentiondesk.casework;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * A task form failed the server-side check (form-js validates in the browser only, in English).
 * Thrown before the completion runs: nothing is saved, and Tasklist shows this Chinese message naming
 * the field. It is a {@link FormFieldValidationException} because that is what the engine's REST API
 * answers with 400 on {@code complete} and {@code submit-form}; any other engine exception (such as
 * {@code BadUserRequestException}) is answered 500 there. {@link FormRejectionAnswers} takes the
 * engine's English prefix off the message the person reads.
 */
public class FormRejectedException extends FormFieldValidationException {

	/** Every message starts with this; {@link FormRejectionAnswers} recognises the message by it. */
	static final String PREFIX = "表单有误: ";

	public FormRejectedException(String message) {
		super(message, PREFIX + message);
	}
}
