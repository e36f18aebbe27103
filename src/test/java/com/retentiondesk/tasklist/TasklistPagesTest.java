package com.retentiondesk.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
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
import com.retentiondesk.web.DeskGroups;

/**
 * Tasklist's pages as the desk reads them, against the engine's own query (no user, nothing rewritten): the
 * same tasks in the same order on every page. The escalations' key pattern (已升级) one key at a time
 * ({@link KeyPage}), with both escalation keys and another team's escalations between them; and pages sorted
 * by due date and then by Tasklist's own sorting, within the due date of their last task ({@link BoundedPage}),
 * with tasks due at the same moment and tasks without a due date among them.
 */
@DeskTest
class TasklistPagesTest {

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
		List<String> groups = identity.createGroupQuery().groupMember("supervisor1").list().stream().map(Group::getId)
				.toList();
		List<String> earlier = ids(escalations(groups).list());
		// team1's escalations of both keys, created in turn, and team2's between them
		for (int i = 0; i < 3; i++) {
			escalate(openArrears("manager1"));
			escalate(openArrears("manager5"));
			nearExpiry("manager2");
		}
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
		// this test's escalations each once (other tests' may tie on the creation time, and such ties may fall either
		// way on two pages, for the engine's own pages as for these)
		List<String> mine = ids(byCreation).stream().filter(id -> !earlier.contains(id)).toList();
		assertThat(mine).hasSize(6);
		assertThat(paged.stream().filter(mine::contains)).containsExactlyInAnyOrderElementsOf(mine);
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

	@Test
	void shouldPageByDueDateThenByTasklistsSortingInTheEnginesOrder() {
		Date tomorrow = new Date(System.currentTimeMillis() + 86_400_000L);
		List<String> opened = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			// a case's call task is its manager's: 我的任务 of manager1 gets half of them
			String task = callTask(openArrears(i % 2 == 0 ? "manager1" : "manager2"));
			opened.add(task);
			// three due at the same moment, one without a due date, the others each a day apart
			Date due = i < 3 ? tomorrow : i == 3 ? null : new Date(tomorrow.getTime() + i * 86_400_000L);
			Task entity = tasks.createTaskQuery().taskId(task).singleResult();
			entity.setDueDate(due);
			entity.setPriority(40 + i % 3 * 10);
			tasks.saveTask(entity);
		}
		String team = filters.createFilterQuery().filterName(IdentitySetup.FILTER_TEAM_TASKS).singleResult().getId();
		String mine = filters.createFilterQuery().filterName(IdentitySetup.FILTER_MY_TASKS).singleResult().getId();
		List<Task> teamOrder = tasks.createTaskQuery().taskCandidateGroupIn(List.of(DeskGroups.PHONE_MANAGERS, "team1"))
				.includeAssignedTasks().orderByDueDate().asc().orderByTaskCreateTime().desc().list();
		List<Task> mineOrder = tasks.createTaskQuery().taskAssignee("manager1").orderByDueDate().asc()
				.orderByTaskCreateTime().desc().list();
		assertThat(teamOrder).extracting(Task::getId).containsAll(opened);
		long bounded = RewritingInterceptor.BOUNDED_PAGES.get();

		// Tasklist's default sorting (created desc) after the filter's due date, three at a time
		List<String> paged = new ArrayList<>();
		for (int first = 0; first < teamOrder.size(); first += 3) {
			List<String> page = sortedPage("manager1", team, first, 3, "created", "desc");
			assertThat(keys(page)).as("page at %d", first)
					.isEqualTo(keys(ids(teamOrder.subList(first, Math.min(first + 3, teamOrder.size())))));
			paged.addAll(page);
		}
		// each of this test's tasks once (other tests' tasks opened in one transaction tie on every sort key, and
		// such ties may fall either way on two pages, for the engine's own pages as for these)
		assertThat(paged.stream().filter(opened::contains)).containsExactlyInAnyOrderElementsOf(opened);
		assertThat(RewritingInterceptor.BOUNDED_PAGES.get() - bounded).as("all but a last page of fewer than asked for")
				.isGreaterThanOrEqualTo((teamOrder.size() - 1) / 3);
		// 我的任务, the same way
		assertThat(keys(sortedPage("manager1", mine, 1, 2, "created", "desc"))).isEqualTo(keys(ids(mineOrder.subList(1, 3))));
		// another sorting Tasklist offers (priority, highest first)
		List<Task> byPriority = tasks.createTaskQuery().taskCandidateGroupIn(List.of(DeskGroups.PHONE_MANAGERS, "team1"))
				.includeAssignedTasks().orderByDueDate().asc().orderByTaskPriority().desc().listPage(2, 4);
		assertThat(keys(sortedPage("manager1", team, 2, 4, "priority", "desc"), TasklistPagesTest::duePriority))
				.isEqualTo(keys(ids(byPriority), TasklistPagesTest::duePriority));
		// another team's manager sees none of them
		assertThat(sortedPage("manager5", team, 0, 15, "created", "desc")).doesNotContainAnyElementsOf(opened);
	}

	/** A filter's page through the REST API as Tasklist asks for it: the user's sorting in the body. */
	private List<String> sortedPage(String user, String filter, int first, int max, String sortBy, String sortOrder) {
		ResponseEntity<Map[]> answer = http.withBasicAuth(user, Fixtures.PASSWORD).postForEntity("/engine-rest/filter/" + filter
				+ "/list?firstResult=" + first + "&maxResults=" + max, Map.of("sorting", List.of(Map.of("sortBy", sortBy,
						"sortOrder", sortOrder))), Map[].class);
		assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
		return Arrays.stream(answer.getBody()).map(task -> (String) task.get("id")).toList();
	}

	/** The sort keys of a page in its order (due date, creation time): two answers to one page agree on them, whatever their ties. */
	private List<String> keys(List<String> page) {
		return keys(page, task -> task.getDueDate() + "/" + task.getCreateTime().getTime());
	}

	private List<String> keys(List<String> page, java.util.function.Function<Task, String> key) {
		return page.stream().map(id -> tasks.createTaskQuery().taskId(id).singleResult()).map(key).toList();
	}

	private static String duePriority(Task task) {
		return task.getDueDate() + "/" + task.getPriority();
	}

	private String callTask(String instance) {
		return tasks.createTaskQuery().processInstanceId(instance).singleResult().getId();
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
