package com.retentiondesk.casework;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

/**
 * The server-side rules of a call form that records an {@link OfferCall} (expiry, upgrade, package
 * advice): the form's task, and how its values are read, today by the desk's clock.
 */
public abstract class OfferCallFormRules implements TaskFormRules {

	private final Clock clock;
	private final String taskDefinitionKey;

	protected OfferCallFormRules(Clock clock, String taskDefinitionKey) {
		this.clock = clock;
		this.taskDefinitionKey = taskDefinitionKey;
	}

	/**
	 * @return the form's values as an offer call
	 * @throws FormRejectedException with a Chinese message naming the field
	 */
	protected abstract OfferCall read(Map<String, Object> values, LocalDate today);

	@Override
	public Set<String> taskDefinitionKeys() {
		return Set.of(taskDefinitionKey);
	}

	@Override
	public void check(Map<String, Object> values) {
		read(values, LocalDate.now(clock));
	}
}
