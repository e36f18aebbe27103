package com.retentiondesk.customer;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Changes customers' profiles as phone managers learn them on calls (用户资料收集, issue 28): every change
 * is logged with who, when, old and new value; a basic field confirmed on a reached call is marked verified.
 */
@Service
public class CustomerProfiles {

	private final Customers customers;
	private final ProfileChanges changes;
	private final Clock clock;

	CustomerProfiles(Customers customers, ProfileChanges changes, Clock clock) {
		this.customers = customers;
		this.changes = changes;
		this.clock = clock;
	}

	/**
	 * What a manager entered on a call.
	 *
	 * @param values   new values (fields left out stay as they are)
	 * @param confirmed basic fields the manager confirmed with the customer as they stand (or as entered)
	 * @param reached  whether the customer was reached: only then is anything marked verified, and then every
	 *                 basic value entered is verified too (the customer said it)
	 */
	public record Edit(Map<ProfileField, String> values, Set<ProfileField> confirmed, boolean reached) {

		public boolean isEmpty() {
			return values.isEmpty() && (confirmed.isEmpty() || !reached);
		}
	}

	/** What an edit did. */
	public record Result(List<ProfileField> changed, List<ProfileField> verified) {

		public boolean isEmpty() {
			return changed.isEmpty() && verified.isEmpty();
		}
	}

	/**
	 * Applies a manager's edit to the customer.
	 *
	 * @param by     the manager (user id)
	 * @param taskId the call's task, kept with the changes
	 * @throws IllegalStateException when a confirmed field has no value
	 */
	@Transactional
	public Result apply(String customerNo, Edit edit, String by, String taskId) {
		Customer customer = customers.findById(customerNo)
				.orElseThrow(() -> new IllegalArgumentException("未知客户: " + customerNo));
		LocalDateTime now = LocalDateTime.now(clock);
		List<ProfileField> changed = new ArrayList<>();
		List<ProfileField> verified = new ArrayList<>();
		for (ProfileField field : ProfileField.values()) {
			if (!edit.values().containsKey(field)) {
				continue;
			}
			String old = customer.profileValue(field);
			if (customer.changeProfile(field, edit.values().get(field), now)) {
				changes.save(new ProfileChange(customerNo, field, old, customer.profileValue(field), by, now, taskId));
				changed.add(field);
			}
		}
		if (edit.reached()) {
			for (ProfileField field : ProfileField.BASICS) {
				boolean entered = edit.values().containsKey(field) && customer.profileValue(field) != null;
				if (entered || edit.confirmed().contains(field)) {
					customer.verify(field, by, now);
					verified.add(field);
				}
			}
		}
		return new Result(List.copyOf(changed), List.copyOf(verified));
	}
}
