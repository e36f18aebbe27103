package com.retentiondesk.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.retentiondesk.DeskTest;
import com.retentiondesk.Fixtures;
import com.retentiondesk.TestMail;
import com.retentiondesk.arrears.ArrearsCases;
import com.retentiondesk.contract.Agreement;
import com.retentiondesk.contract.AgreementType;
import com.retentiondesk.contract.Agreements;
import com.retentiondesk.customer.Customer;
import com.retentiondesk.customer.Customers;
import com.retentiondesk.expiry.ExpiryCases;
import com.retentiondesk.expiry.ExpiryProcess;
import com.retentiondesk.security.IdentitySetup;

/**
 * The pages of the escalations' key pattern (已升级, {@code taskDefinitionKeyLike}), read as one page per key
 * ({@link KeyPage}): the same tasks in the same order as the engine's own query, on every page, with
 * both escalation keys among them and another team's escalations between them.
 */
@DeskTest
class EscalationPagesTest {

	/** The escalation e-mails a supervisor gets. */
	@RegisterExtension
	static GreenMailExtension mail = new GreenMailExtension(TestMail.SMTP);

	@Autowired
	ArrearsCases arrears;
	@Autowired
	ExpiryCases expiry;
	@Autowired
	Agreements agreements;
	@Autowired
	Customers customers;
	@Autowired
	TaskService tasks;
	@Autowired
	FilterService filters;
	@Autowired
	ManagementService management;
	@Autowired
	IdentityService identity;
	@Autowired
	TestRestTemplate http;

	private static int next;

	@Test
	void shouldPageTheEscalationsKeyByKeyInTheEnginesOrder() {
		// team1's escalations of both keys, created in turn, and team2's between them
		for (int i = 0; i < 3; i++) {
			escalate(openArrears("manager1"));
			escalate(openArrears("manager5"));
			nearExpiry("manager2");
		}
		List<String> groups = identity.createGroupQuery().groupMember("supervisor1").list().stream().map(Group::getId)
				.toList();
		List<Task> byCreation = escalations(groups).orderByTaskCreateTime().asc().list();
		assertThat(byCreation).extracting(Task::getTaskDefinitionKey)
				.contains("Task_EscalationReview", ExpiryProcess.TASK_NEAR_EXPIRY).hasSizeGreaterThanOrEqualTo(6);
		assertThat(tasks.createTaskQuery().taskDefinitionKeyLike(IdentitySetup.ESCALATED_KEYS).count())
				.as("another team's escalations too").isGreaterThan(byCreation.size());
		long keyPages = RewritingInterceptor.KEY_PAGES.get();

		// the filter, oldest first, two at a time: every page as the engine's, the escalations each once
		List<String> paged = new ArrayList<>();
		for (int first = 0; first < byCreation.size() + 2; first += 2) {
			List<String> page = filterPage("supervisor1", first, 2);
			assertThat(created(page)).isEqualTo(created(ids(byCreation.subList(Math.min(first, byCreation.size()),
					Math.min(first + 2, byCreation.size())))));
			paged.addAll(page);
		}
		assertThat(paged).containsExactlyInAnyOrderElementsOf(ids(byCreation));
		int pages = (byCreation.size() + 2 + 1) / 2;
		assertThat(RewritingInterceptor.KEY_PAGES.get() - keyPages).isEqualTo(pages);

		// through the REST API, newest first, from the second
		String query = "/engine-rest/task?taskDefinitionKeyLike=Task%5C_Escalat%25&candidateGroups=" + String.join(",", groups)
				+ "&includeAssignedTasks=true&sortBy=created&sortOrder=desc&firstResult=1&maxResults=4";
		ResponseEntity<Map[]> newest = http.withBasicAuth("supervisor1", Fixtures.PASSWORD)
				.getForEntity(URI.create(http.getRootUri() + query), Map[].class);
		assertThat(newest.getStatusCode()).isEqualTo(HttpStatus.OK);
		List<String> rest = Arrays.stream(newest.getBody()).map(task -> (String) task.get("id")).toList();
		assertThat(created(rest)).isEqualTo(created(ids(escalations(groups).orderByTaskCreateTime().desc().listPage(1, 4))))
				.hasSize(4);
		assertThat(RewritingInterceptor.KEY_PAGES.get() - keyPages).isEqualTo(pages + 1);

		// another team's supervisor sees none of team1's; a manager, asking for the escalations' pattern, none
		assertThat(filterPage("supervisor2", 0, 50)).doesNotContainAnyElementsOf(ids(byCreation)).isNotEmpty();
		ResponseEntity<Map[]> manager = http.withBasicAuth("manager1", Fixtures.PASSWORD)
				.getForEntity(URI.create(http.getRootUri() + query.replace("firstResult=1", "firstResult=0")), Map[].class);
		assertThat(manager.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(manager.getBody()).isEmpty();
		assertThat(RewritingInterceptor.KEY_PAGES.get() - keyPages).isEqualTo(pages + 3);
	}

	/** The escalations offered to any of the groups, as the engine finds them without a user (nothing rewritten). */
	private TaskQuery escalations(List<String> groups) {
		return tasks.createTaskQuery().taskDefinitionKeyLike(IdentitySetup.ESCALATED_KEYS).taskCandidateGroupIn(groups)
				.includeAssignedTasks();
	}

	/** A page of 已升级 through the REST API as the user, authorization checked (rewritten). */
	private List<String> filterPage(String user, int first, int max) {
		String id = filters.createFilterQuery().filterName(IdentitySetup.FILTER_ESCALATED).singleResult().getId();
		ResponseEntity<Map[]> answer = http.withBasicAuth(user, Fixtures.PASSWORD).getForEntity("/engine-rest/filter/" + id
				+ "/list?firstResult=" + first + "&maxResults=" + max, Map[].class);
		assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
		return Arrays.stream(answer.getBody()).map(task -> (String) task.get("id")).toList();
	}

	/** The creation times of a page, in its order: two answers to one page agree on them, whatever their ties. */
	private List<java.util.Date> created(List<String> page) {
		return page.stream().map(id -> tasks.createTaskQuery().taskId(id).singleResult().getCreateTime()).toList();
	}

	private static List<String> ids(List<Task> page) {
		return page.stream().map(Task::getId).toList();
	}

	private String openArrears(String manager) {
		Customer customer = customer(manager);
		String instance = arrears.open(customer).getProcessInstanceId();
		return instance;
	}

	/** The first call's overdue timer fires: the team's supervisors get an escalation task. */
	private void escalate(String instance) {
		management.executeJob(management.createJobQuery().processInstanceId(instance)
				.activityId("BoundaryEvent_FirstCallOverdue").singleResult().getId());
		runDueNow(instance);
	}

	/** A contract-expiry case fourteen days before the end: the supervisor's 即将到期未挽留 task. */
	private void nearExpiry(String manager) {
		Customer customer = customer(manager);
		Agreement agreement = agreements.saveAndFlush(new Agreement(customer.getCustomerNo(), AgreementType.HANDSET_SUBSIDY,
				LocalDate.now().plusDays(40), LocalDateTime.now()));
		String instance = expiry.open(customer, agreement).getProcessInstanceId();
		management.executeJob(management.createJobQuery().processInstanceId(instance)
				.activityId(ExpiryProcess.START_NEAR_EXPIRY).singleResult().getId());
		runDueNow(instance);
		assertThat(tasks.createTaskQuery().processInstanceId(instance).taskDefinitionKey(ExpiryProcess.TASK_NEAR_EXPIRY)
				.count()).isOne();
	}

	private void runDueNow(String instance) {
		for (Job job : management.createJobQuery().processInstanceId(instance).executable().list()) {
			if (job.getDuedate() == null) {
				management.executeJob(job.getId());
			}
		}
	}

	private Customer customer(String manager) {
		String customerNo = String.format("EP%04d", next++);
		return customers.saveAndFlush(Fixtures.customer(Fixtures.prepaid(customerNo, "1.00", manager)));
	}
}
