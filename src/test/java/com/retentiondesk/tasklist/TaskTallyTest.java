package com.retentiondesk.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.retentiondesk.DeskTest;
import com.retentiondesk.Fixtures;
import com.retentiondesk.TestMail;
import com.retentiondesk.arrears.ArrearsCases;
import com.retentiondesk.customer.Customers;

import com.retentiondesk.web.DeskGroups;

import com.retentiondesk.security.IdentitySetup;

/**
 * The task tally follows the tasks through the processes' own changes (opened, completed, cancelled
 * with and without custom listeners, due date moved, rolled back), so that reconciling finds nothing to
 * correct; it answers the team filters' counts with the engine's own figures, and never a count for a
 * group the user is not in.
 */
@DeskTest
class TaskTallyTest {

	/** The escalation e-mails a supervisor gets (see escalate). */
	@RegisterExtension
	static GreenMailExtension mail = new GreenMailExtension(TestMail.SMTP);

	@Autowired
	TaskTally tally;
	@Autowired
	ArrearsCases arrears;
	@Autowired
	Customers customers;
	@Autowired
	TaskService tasks;
	@Autowired
	RuntimeService runtime;
	@Autowired
	FilterService filters;
	@Autowired
	ManagementService management;
	@Autowired
	JdbcTemplate jdbc;
	@Autowired
	PlatformTransactionManager transactions;
	@Autowired
	TestRestTemplate http;
	@Autowired
	IdentityService identity;

	private static int next;

	@BeforeEach
	void startFromAnExactTally() {
		// other test classes of this context change candidate groups of open tasks by hand
		tally.reconcile();
	}

	@Test
	void shouldFollowTheProcessesWithoutAnythingToCorrect() {
		String completed = openCase("manager1");
		String cancelled = openCase("manager2");
		String skipped = openCase("manager5");
		String moved = openCase("manager6");
		long team1 = tallied(",team1,");

		Map<String, Object> form = new HashMap<>();
		form.put("callOutcome", "NOT_REACHED");
		form.put("promisedPaymentDate", null);
		form.put("paymentChannel", null);
		form.put("callNotes", null);
		tasks.complete(completed, form);
		runtime.deleteProcessInstance(processOf(cancelled), "测试: 撤销");
		// Cockpit offers "skip custom listeners": the tally's listeners are built in and still run
		runtime.deleteProcessInstance(processOf(skipped), "测试: 撤销", true);
		Task task = tasks.createTaskQuery().taskId(moved).singleResult();
		task.setDueDate(Date.from(LocalDate.now().plusDays(40).atStartOfDay(ZoneId.systemDefault()).toInstant()));
		tasks.saveTask(task);

		// the completed call waits for payment (no task); the cancelled cases have none
		assertThat(tallied(",team1,")).isEqualTo(team1 - 2);
		assertThat(tally.reconcile()).as("tasks the tally had wrong").isZero();
	}

	@Test
	void shouldWriteNothingForARolledBackTransaction() {
		long before = tallied(",team1,");

		new TransactionTemplate(transactions).executeWithoutResult(status -> {
			openCase("manager3");
			status.setRollbackOnly();
		});

		assertThat(tallied(",team1,")).isEqualTo(before);
		assertThat(tally.reconcile()).isZero();
	}

	@Test
	void shouldCorrectWhatTheProcessesDidNotDo() {
		String task = openCase("manager4");
		// an administrator offers the task to the supervisors too, through the API: no task event
		tasks.addCandidateGroup(task, DeskGroups.SUPERVISORS);

		assertThat(tally.reconcile()).isEqualTo(2);
		assertThat(tally.reconcile()).isZero();
		assertThat(tallied(",supervisors,team1,")).isGreaterThanOrEqualTo(1);
	}

	@Test
	void shouldLeaveCountsToTheDatabaseWhileATasksGroupsDoNotFitTheTally() {
		String crowded = openCase("manager1");
		for (int i = 0; i < 20; i++) {
			tasks.addCandidateGroup(crowded, String.format("overflow-group-%02d-%s", i, "x".repeat(50)));
		}
		tally.reconcile();
		long answered = TallySums.COUNTS_ANSWERED.get();

		assertThat(tally.isReady()).isFalse();
		assertThat(filterCount("manager1", IdentitySetup.FILTER_TEAM_TASKS)).isEqualTo(tasks.createTaskQuery()
				.taskCandidateGroupIn(List.of("phone-managers", "team1")).includeAssignedTasks().count());
		assertThat(TallySums.COUNTS_ANSWERED.get()).isEqualTo(answered);

		runtime.deleteProcessInstance(processOf(crowded), "测试: 撤销");
		tally.reconcile();
		assertThat(tally.isReady()).isTrue();
	}

	@Test
	void shouldAnswerTheTeamFiltersCountsWithTheEnginesFigures() {
		openCase("manager1");
		String dueToday = openCase("manager2");
		Task task = tasks.createTaskQuery().taskId(dueToday).singleResult();
		task.setDueDate(new Date(System.currentTimeMillis() - 3_600_000));
		tasks.saveTask(task);
		long answered = TallySums.COUNTS_ANSWERED.get();
		Date tomorrow = Date.from(LocalDate.now().plusDays(1).atStartOfDay(ZoneId.systemDefault()).toInstant());
		long team = tasks.createTaskQuery().taskCandidateGroupIn(List.of("phone-managers", "team1")).includeAssignedTasks()
				.count();
		long due = tasks.createTaskQuery().taskCandidateGroupIn(List.of("phone-managers", "team1")).includeAssignedTasks()
				.dueBefore(tomorrow).count();

		assertThat(filterCount("manager1", IdentitySetup.FILTER_TEAM_TASKS)).isEqualTo(team);
		assertThat(filterCount("manager1", IdentitySetup.FILTER_DUE_TODAY)).isEqualTo(due).isPositive();
		assertThat(TallySums.COUNTS_ANSWERED.get() - answered).isEqualTo(2);
	}

	@Test
	void shouldCountTheirOwnTasksWithoutTheCheckPerTask() {
		String mine = openCase("manager1");
		tasks.claim(mine, "manager1");
		String escalation = openCase("manager2");
		tasks.addCandidateGroup(escalation, DeskGroups.SUPERVISORS);
		long implied = RewritingInterceptor.IMPLIED_COUNTS.get();

		assertThat(filterCount("manager1", IdentitySetup.FILTER_MY_TASKS))
				.isEqualTo(tasks.createTaskQuery().taskAssignee("manager1").count()).isPositive();
		// a team count with another condition: the check per task is implied, the tally cannot answer it
		assertThat(countOf("supervisor1", "/engine-rest/task/count?candidateGroups=supervisors,team1&includeAssignedTasks=true"
				+ "&processDefinitionKey=ArrearsReminderProcess")).isEqualTo(tasks.createTaskQuery()
						.taskCandidateGroupIn(List.of("supervisors", "team1")).includeAssignedTasks()
						.processDefinitionKey("ArrearsReminderProcess").count());
		// 已升级: a team count narrowed by a task definition key pattern, answered by the tally
		escalate(openCase("manager3"));
		long answered = TallySums.COUNTS_ANSWERED.get();
		long escalated = tasks.createTaskQuery().taskDefinitionKeyLike(IdentitySetup.ESCALATED_KEYS)
				.taskCandidateGroupIn(List.of("supervisors", "team1", "team1-supervisors")).includeAssignedTasks().count();
		assertThat(filterCount("supervisor1", IdentitySetup.FILTER_ESCALATED)).isEqualTo(escalated).isPositive();
		assertThat(TallySums.COUNTS_ANSWERED.get() - answered).isEqualTo(1);
		assertThat(RewritingInterceptor.IMPLIED_COUNTS.get() - implied).isEqualTo(2);

		// another manager's tasks keep the check: manager2 reads manager1's through their team only
		assertThat(countOf("manager5", "/engine-rest/task/count?assignee=manager1")).isZero();
		assertThat(RewritingInterceptor.IMPLIED_COUNTS.get() - implied).isEqualTo(2);
		// the same team count with a plain key condition the tally does not keep: from the key's index
		assertThat(countOf("supervisor1", "/engine-rest/task/count?candidateGroups=supervisors,team1&includeAssignedTasks=true"
				+ "&taskDefinitionKey=Task_EscalationReview")).isEqualTo(tasks.createTaskQuery()
						.taskDefinitionKey("Task_EscalationReview").taskCandidateGroupIn(List.of("supervisors", "team1"))
						.includeAssignedTasks().count());
		assertThat(RewritingInterceptor.IMPLIED_COUNTS.get() - implied).isEqualTo(3);
	}

	@Test
	void shouldAnswerTasklistsActiveOnlyCountsFromTheTallyWhileNoTaskIsSuspended() {
		String suspended = openCase("manager1");
		openCase("manager2");
		String team = filters.createFilterQuery().filterName(IdentitySetup.FILTER_TEAM_TASKS).singleResult().getId();
		List<String> groups = List.of(DeskGroups.PHONE_MANAGERS, "team1");
		long answered = TallySums.COUNTS_ANSWERED.get();
		long dropped = RewritingInterceptor.ACTIVE_DROPPED.get();

		// Tasklist's count of a filter: "active" with it
		assertThat(activeCount("manager1", team)).isEqualTo(tasks.createTaskQuery().taskCandidateGroupIn(groups)
				.includeAssignedTasks().active().count()).isPositive();
		assertThat(RewritingInterceptor.ACTIVE_DROPPED.get() - dropped).isEqualTo(1);
		assertThat(TallySums.COUNTS_ANSWERED.get() - answered).isEqualTo(1);

		// an administrator suspends a case: its task leaves the active count, which the database answers now
		runtime.suspendProcessInstanceById(processOf(suspended));
		try {
			long active = tasks.createTaskQuery().taskCandidateGroupIn(groups).includeAssignedTasks().active().count();
			assertThat(active).isEqualTo(tasks.createTaskQuery().taskCandidateGroupIn(groups).includeAssignedTasks().count() - 1);
			assertThat(activeCount("manager1", team)).isEqualTo(active);
			assertThat(TallySums.COUNTS_ANSWERED.get() - answered).isEqualTo(1);
			assertThat(RewritingInterceptor.ACTIVE_DROPPED.get() - dropped).isEqualTo(1);
		} finally {
			runtime.activateProcessInstanceById(processOf(suspended));
		}
		assertThat(activeCount("manager1", team)).isEqualTo(tasks.createTaskQuery().taskCandidateGroupIn(groups)
				.includeAssignedTasks().count());
		assertThat(TallySums.COUNTS_ANSWERED.get() - answered).isEqualTo(2);
	}

	/** A filter's count as Tasklist asks for it, with "active": true. */
	private long activeCount(String user, String filter) {
		ResponseEntity<Map> answer = http.withBasicAuth(user, Fixtures.PASSWORD).postForEntity("/engine-rest/filter/" + filter
				+ "/count", Map.of("active", true), Map.class);
		assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
		return ((Number) answer.getBody().get("count")).longValue();
	}

	@Test
	void shouldLeaveACountOfAnotherTeamToTheDatabase() {
		openCase("manager5");
		long answered = TallySums.COUNTS_ANSWERED.get();
		long implied = RewritingInterceptor.IMPLIED_COUNTS.get();

		// manager1 (team1) names team2's group: the per-task check finds none readable
		ResponseEntity<Map> count = http.withBasicAuth("manager1", Fixtures.PASSWORD)
				.getForEntity("/engine-rest/task/count?candidateGroups=team2&includeAssignedTasks=true", Map.class);
		// a count of their own group with another condition is the database's, without the check per task
		ResponseEntity<Map> unassigned = http.withBasicAuth("manager1", Fixtures.PASSWORD)
				.getForEntity("/engine-rest/task/count?candidateGroups=team1", Map.class);

		assertThat(count.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(((Number) count.getBody().get("count")).longValue()).isZero();
		assertThat(((Number) unassigned.getBody().get("count")).longValue())
				.isEqualTo(tasks.createTaskQuery().taskCandidateGroup("team1").count());
		assertThat(TallySums.COUNTS_ANSWERED.get()).isEqualTo(answered);
		assertThat(RewritingInterceptor.IMPLIED_COUNTS.get() - implied).isEqualTo(1);
	}

	@Test
	void shouldStartATeamPageAtTheFirstDueDateOnlyWhileNoTeamTaskLacksOne() {
		// other tests' team1 tasks without a due date (this context's processes open some) get one
		tasks.createTaskQuery().taskCandidateGroup("team1").includeAssignedTasks().withoutDueDate().list()
				.forEach(task -> tasks.saveTask(withDue(task, new Date())));
		openCase("manager1");
		openCase("manager2");
		// another team's task without a due date: it cannot be on team1's page, so the walk may skip such tasks
		undated(openCase("manager5"));
		tally.reconcile();
		long dated = RewritingInterceptor.DATED_PAGES.get();

		assertThat(dues(teamPage("manager1"))).isEqualTo(dues(enginesTeamPage())).isNotEmpty();
		assertThat(RewritingInterceptor.DATED_PAGES.get() - dated).isEqualTo(1);

		// a team1 task without a due date: the page starts with it, as the engine's does
		String undated = openCase("manager2");
		undated(undated);
		List<String> page = teamPage("manager1");
		assertThat(dues(page)).isEqualTo(dues(enginesTeamPage()));
		assertThat(page).contains(undated);
		assertThat(RewritingInterceptor.DATED_PAGES.get() - dated).isEqualTo(1);
		tasks.saveTask(withDue(tasks.createTaskQuery().taskId(undated).singleResult(), new Date()));

		// a transaction that itself takes a team1 task's due date away sees it on its page, before the tally has its row
		String mine = openCase("manager1");
		assertThat(dues(teamPage("manager1"))).isEqualTo(dues(enginesTeamPage())).first().isNotEqualTo("none");
		assertThat(RewritingInterceptor.DATED_PAGES.get() - dated).isEqualTo(2);
		List<String> inTransaction = new TransactionTemplate(transactions).execute(status -> {
			undated(mine);
			identity.setAuthentication("manager1", List.of(DeskGroups.PHONE_MANAGERS, "team1"));
			try {
				return ids(tasks.createTaskQuery().taskCandidateGroupIn(List.of("team1")).includeAssignedTasks()
						.orderByDueDate().asc().listPage(0, 15));
			} finally {
				identity.clearAuthentication();
				status.setRollbackOnly();
			}
		});
		assertThat(inTransaction).first().isEqualTo(mine);
		assertThat(RewritingInterceptor.DATED_PAGES.get() - dated).isEqualTo(2);
	}

	/** team1's first page by due date through the REST API as the user, authorization checked (rewritten). */
	private List<String> teamPage(String user) {
		ResponseEntity<Map[]> answer = http.withBasicAuth(user, Fixtures.PASSWORD).getForEntity("/engine-rest/task?"
				+ "candidateGroups=team1&includeAssignedTasks=true&sortBy=dueDate&sortOrder=asc&firstResult=0&maxResults=15",
				Map[].class);
		assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
		return java.util.Arrays.stream(answer.getBody()).map(task -> (String) task.get("id")).toList();
	}

	/** The same page as the engine answers it without a user (no grant check, nothing rewritten). */
	private List<String> enginesTeamPage() {
		return ids(tasks.createTaskQuery().taskCandidateGroupIn(List.of("team1")).includeAssignedTasks().orderByDueDate().asc()
				.listPage(0, 15));
	}

	/**
	 * The due dates of a page, in its order ("none" for a task without one): two answers to the same page agree
	 * on them, though tasks due at the same moment may come in either order.
	 */
	private List<String> dues(List<String> page) {
		return page.stream().map(id -> String.valueOf(tasks.createTaskQuery().taskId(id).singleResult().getDueDate()))
				.map(due -> due.equals("null") ? "none" : due).toList();
	}

	private static List<String> ids(List<Task> page) {
		return page.stream().map(Task::getId).toList();
	}

	private void undated(String taskId) {
		tasks.saveTask(withDue(tasks.createTaskQuery().taskId(taskId).singleResult(), null));
	}

	private static Task withDue(Task task, Date due) {
		task.setDueDate(due);
		return task;
	}

	/** The first call's overdue timer fires: the supervisors get an escalation task. */
	private void escalate(String callTask) {
		String instance = processOf(callTask);
		Job overdue = management.createJobQuery().processInstanceId(instance)
				.activityId("BoundaryEvent_FirstCallOverdue").singleResult();
		management.executeJob(overdue.getId());
		for (Job next : management.createJobQuery().processInstanceId(instance).executable()
				.list()) {
			if (next.getDuedate() == null) {
				management.executeJob(next.getId());
			}
		}
	}

	private long countOf(String user, String url) {
		ResponseEntity<Map> answer = http.withBasicAuth(user, Fixtures.PASSWORD).getForEntity(url, Map.class);
		assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
		return ((Number) answer.getBody().get("count")).longValue();
	}

	private long filterCount(String user, String filterName) {
		String id = filters.createFilterQuery().filterName(filterName).singleResult().getId();
		ResponseEntity<Map> answer = http.withBasicAuth(user, Fixtures.PASSWORD).getForEntity("/engine-rest/filter/" + id
				+ "/count", Map.class);
		assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
		return ((Number) answer.getBody().get("count")).longValue();
	}

	private long tallied(String key) {
		Long sum = jdbc.queryForObject("select coalesce(sum(delta), 0) from desk_task_tally where group_key = ?", Long.class,
				key);
		return sum == null ? 0 : sum;
	}

	private String processOf(String taskId) {
		return tasks.createTaskQuery().taskId(taskId).singleResult().getProcessInstanceId();
	}

	private String openCase(String manager) {
		String customerNo = String.format("TT%04d", next++);
		customers.saveAndFlush(Fixtures.customer(Fixtures.prepaid(customerNo, "1.00", manager)));
		String instance = arrears.open(customers.findById(customerNo).orElseThrow()).getProcessInstanceId();
		return tasks.createTaskQuery().processInstanceId(instance).singleResult().getId();
	}
}
