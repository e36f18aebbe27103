package com.retentiondesk.profile;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import com.retentiondesk.casework.CaseVariables;
import com.retentiondesk.casework.FormRejectedException;
import com.retentiondesk.casework.TaskFormRules;
import com.retentiondesk.customer.Customer;
import com.retentiondesk.customer.CustomerProfiles;
import com.retentiondesk.customer.Customers;
import com.retentiondesk.customer.ProfileField;

/**
 * The server-side check of the 客户资料 section that every call form carries (keys in
 * {@link ProfileProcess#SECTION_KEYS} and {@link ProfileProcess#SECTION_CONFIRM_KEYS}), at the completion
 * of any task: malformed values are refused with a Chinese message, and so is a basic confirmed as
 * verified that neither the customer has nor the form gives.
 */
@Component
class CallProfileSection implements TaskFormRules {

	private final Customers customers;

	CallProfileSection(Customers customers) {
		this.customers = customers;
	}

	@Override
	public Set<String> taskDefinitionKeys() {
		return Set.of();
	}

	@Override
	public boolean everyTask() {
		return true;
	}

	@Override
	public void check(Map<String, Object> values) {
		if (ProfileProcess.SECTION_FIELDS.stream().noneMatch(values::containsKey)) {
			return;
		}
		CustomerProfiles.Edit edit = read(values);
		if (edit.confirmed().isEmpty()) {
			return;
		}
		Object customerNo = values.get(CaseVariables.CUSTOMER_NO);
		Customer customer = customerNo == null ? null : customers.findById(customerNo.toString()).orElse(null);
		for (ProfileField field : edit.confirmed()) {
			if (!edit.values().containsKey(field) && (customer == null || customer.profileValue(field) == null)) {
				throw new FormRejectedException("“" + field.label() + "”尚未填写,不能勾选已核实: 请先在“客户资料”中填写");
			}
		}
	}

	/**
	 * The section's values; {@code reached} is decided later, from the call's contact record.
	 *
	 * @throws FormRejectedException naming the field
	 */
	static CustomerProfiles.Edit read(Map<String, Object> values) {
		Map<ProfileField, String> entered = ProfileValues.read(values, ProfileProcess.SECTION_KEYS);
		Set<ProfileField> confirmed = EnumSet.noneOf(ProfileField.class);
		ProfileProcess.SECTION_CONFIRM_KEYS.forEach((field, key) -> {
			if (ProfileValues.ticked(values, key)) {
				confirmed.add(field);
			}
		});
		return new CustomerProfiles.Edit(entered, confirmed, false);
	}
}
