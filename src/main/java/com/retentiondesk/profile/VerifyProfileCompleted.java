package com.retentiondesk.profile;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import com.retentiondesk.casework.CaseBriefs;
import com.retentiondesk.casework.CaseVariables;
import com.retentiondesk.casework.ContactLog;
import com.retentiondesk.casework.TaskCaller;
import com.retentiondesk.contact.ContactAttempt;
import com.retentiondesk.contact.ContactChannel;
import com.retentiondesk.customer.Customer;
import com.retentiondesk.customer.CustomerProfiles;
import com.retentiondesk.customer.Customers;
import com.retentiondesk.customer.ProfileField;

/**
 * Complete listener of {@code Task_VerifyProfile} (its form already checked by {@link VerifyProfileForm}):
 * logs the call; on a reached call every basic submitted is saved (changes logged) and marked verified;
 * writes {@code profileReached} for the gateway and what the case ends with.
 */
@Component("verifyProfileCompleted")
class VerifyProfileCompleted implements TaskListener {

	private final ContactLog contacts;
	private final CustomerProfiles profiles;
	private final Customers customers;
	private final CaseBriefs briefs;
	private final IdentityService identity;
	private final Clock clock;

	VerifyProfileCompleted(ContactLog contacts, CustomerProfiles profiles, Customers customers, CaseBriefs briefs,
			IdentityService identity, Clock clock) {
		this.contacts = contacts;
		this.profiles = profiles;
		this.customers = customers;
		this.briefs = briefs;
		this.identity = identity;
		this.clock = clock;
	}

	@Override
	public void notify(DelegateTask task) {
		VerifyProfileForm.Answer answer = VerifyProfileForm.read(task.getVariables());
		String customerNo = CaseVariables.customerNo(task);
		String caller = TaskCaller.of(task, identity);
		contacts.record(new ContactAttempt(customerNo, CaseVariables.caseId(task), task.getId(), caller,
				LocalDateTime.now(clock), ContactChannel.PHONE, answer.reached() ? "REACHED" : "NOT_REACHED",
				answer.notes()));
		String reason;
		if (answer.reached()) {
			CustomerProfiles.Result result = profiles.apply(customerNo,
					new CustomerProfiles.Edit(answer.basics(), EnumSet.noneOf(ProfileField.class), true), caller,
					task.getId());
			Customer customer = customers.findById(customerNo).orElseThrow();
			List<String> gaps = ProfileField.BASICS.stream().filter(f -> !customer.isVerified(f))
					.map(ProfileField::label).toList();
			reason = "已核实 " + result.verified().size() + " 项" + (result.changed().isEmpty() ? ""
					: ", 更正 " + result.changed().stream().map(ProfileField::label).collect(Collectors.joining("、")))
					+ (gaps.isEmpty() ? "; 五项基本资料齐全且已核实" : "; 仍缺或未核实: " + String.join("、", gaps));
			briefs.store(task, briefs.refreshed(customer, briefs.of(task)));
		} else {
			reason = "未接通, 下周扫描再安排";
		}
		task.setVariable(ProfileProcess.PROFILE_REACHED, answer.reached());
		CaseVariables.setOutcomeReason(task, reason);
	}
}
