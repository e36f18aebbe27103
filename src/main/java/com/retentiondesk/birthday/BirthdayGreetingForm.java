package com.retentiondesk.birthday;

import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import com.retentiondesk.casework.TaskFormRules;

/** The server-side rules of {@code forms/birthday-greeting.form} ({@link BirthdayGreetingCall#parse}). */
@Component
class BirthdayGreetingForm implements TaskFormRules {

	@Override
	public Set<String> taskDefinitionKeys() {
		return Set.of(BirthdayProcess.TASK_GREETING);
	}

	@Override
	public void check(Map<String, Object> values) {
		BirthdayGreetingCall.parse(values);
	}
}
