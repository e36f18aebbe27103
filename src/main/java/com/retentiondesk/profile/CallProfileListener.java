package com.retentiondesk.profile;

import java.util.ArrayList;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import com.retentiondesk.casework.CaseBriefs;
import com.retentiondesk.casework.CaseVariables;
import com.retentiondesk.casework.TaskCaller;
import com.retentiondesk.contact.ContactAttempts;
import com.retentiondesk.customer.CustomerProfiles;
import com.retentiondesk.customer.Customers;

/**
 * Saves the 客户资料 section of a call form (issue 28): every user task gets a complete listener, after the
 * task's own listeners, so the call's contact record is written when it runs; a call whose record says the
 * customer was reached marks the basics entered or confirmed as verified. Changes go to the change log
 * ({@link CustomerProfiles}), the brief is refreshed, and the section's variables are cleared.
 */
@Component
class CallProfileListener extends AbstractProcessEnginePlugin {

	/** Contact outcomes of calls that did not reach the customer (as the KPI ledger counts them). */
	static final Set<String> NOT_REACHED = Set.of("NOT_REACHED", "UNREACHABLE");

	/** Looked up when a task completes: the plugin is built with the engine, before the services are. */
	private final ObjectProvider<Services> services;

	CallProfileListener(ObjectProvider<Services> services) {
		this.services = services;
	}

	@Component
	static class Services {
		final CustomerProfiles profiles;
		final Customers customers;
		final ContactAttempts contacts;
		final CaseBriefs briefs;
		final IdentityService identity;

		Services(CustomerProfiles profiles, Customers customers, ContactAttempts contacts, CaseBriefs briefs,
				IdentityService identity) {
			this.profiles = profiles;
			this.customers = customers;
			this.contacts = contacts;
			this.briefs = briefs;
			this.identity = identity;
		}
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		if (configuration.getCustomPostBPMNParseListeners() == null) {
			configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
		}
		TaskListener completed = this::completed;
		configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
			@Override
			public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
				((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition()
						.addTaskListener(TaskListener.EVENTNAME_COMPLETE, completed);
			}
		});
	}

	private void completed(DelegateTask task) {
		if (ProfileProcess.SECTION_FIELDS.stream().noneMatch(task::hasVariable)) {
			return;
		}
		Object customerNo = task.getVariable(CaseVariables.CUSTOMER_NO);
		CustomerProfiles.Edit read = CallProfileSection.read(task.getVariables());
		task.getExecution().getProcessInstance().removeVariables(ProfileProcess.SECTION_FIELDS);
		if (customerNo == null) {
			return;
		}
		Services s = services.getObject();
		boolean reached = s.contacts.findByTaskId(task.getId())
				.map(contact -> !NOT_REACHED.contains(contact.getOutcome().split(":")[0])).orElse(false);
		CustomerProfiles.Edit edit = new CustomerProfiles.Edit(read.values(), read.confirmed(), reached);
		if (edit.isEmpty()) {
			return;
		}
		CustomerProfiles.Result result = s.profiles.apply(customerNo.toString(), edit, TaskCaller.of(task, s.identity),
				task.getId());
		if (!result.isEmpty() && s.briefs.has(task)) {
			s.briefs.store(task, s.briefs.refreshed(s.customers.findById(customerNo.toString()).orElseThrow(),
					s.briefs.of(task)));
		}
	}
}
