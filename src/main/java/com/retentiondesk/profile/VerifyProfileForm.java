package com.retentiondesk.profile;

import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import com.retentiondesk.casework.FormValues;
import com.retentiondesk.casework.TaskFormRules;
import com.retentiondesk.customer.ProfileField;

/**
 * The server-side check of {@code Task_VerifyProfile} (forms/verify-profile.form): the basics well formed
 * (see {@link ProfileValues}), the notes at most 1000 characters.
 */
@Component
class VerifyProfileForm implements TaskFormRules {

	/** What the form says, read. */
	record Answer(boolean reached, Map<ProfileField, String> basics, String notes) {
	}

	@Override
	public Set<String> taskDefinitionKeys() {
		return Set.of(ProfileProcess.TASK_VERIFY);
	}

	@Override
	public void check(Map<String, Object> values) {
		read(values);
	}

	static Answer read(Map<String, Object> values) {
		boolean reached = ProfileValues.ticked(values, ProfileProcess.REACHED);
		Map<ProfileField, String> basics = ProfileValues.read(values, ProfileProcess.BASIC_KEYS);
		String notes = FormValues.text(values, ProfileProcess.CALL_NOTES, "通话备注", 1000);
		return new Answer(reached, basics, notes);
	}
}
