package com.retentiondesk.it;

import static com.retentiondesk.JsonRequests.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import com.retentiondesk.arrears.ArrearsScan;
import com.retentiondesk.casework.CaseOutcome;
import com.retentiondesk.casework.CaseType;
import com.retentiondesk.casework.RetentionCase;
import com.retentiondesk.casework.RetentionCases;
import com.retentiondesk.customer.CustomerImport;
import com.retentiondesk.imports.ListReport;
import com.retentiondesk.tasklist.TaskAuthorizationCheck;
import com.retentiondesk.tasklist.TaskTally;
import com.retentiondesk.security.IdentitySetup;
import com.retentiondesk.web.DeskGroups;

/**
 * The desk on the real database server (MariaDB through Connector/J, the {@code mysql} profile):
 * Flyway migrates, the engine creates its tables, and a case goes round from import to payment.
 * Run by {@code mvn -Pmariadb verify} (see .ci/run), which passes DB_URL and the admin credentials.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "camunda.bpm.job-execution.enabled=false", "spring.mail.port=3025" })
@ActiveProfiles("mysql")
class MariaDbRoundTripIT {

	private static final String PASSWORD = "It-Manager#2026";

	@Autowired
	ProcessEngine engine;
	@Autowired
	IdentityService identity;
	@Autowired
	TaskService tasks;
	@Autowired
	CustomerImport customerImport;
	@Autowired
	ArrearsScan scan;
	@Autowired
	RetentionCases cases;
	@Autowired
	JdbcTemplate jdbc;
	@Autowired
	TestRestTemplate http;
	@Autowired
	TaskTally tally;

	@BeforeEach
	void staff() {
		if (identity.createGroupQuery().groupId("itteam").count() == 0) {
			Group team = identity.newGroup("itteam");
			team.setName("集成测试组");
			team.setType(DeskGroups.TEAM_TYPE);
			identity.saveGroup(team);
		}
		user("itmanager", DeskGroups.PHONE_MANAGERS, "itteam");
		user("itbilling", DeskGroups.INTEGRATION);
	}

	@Test
	void shouldRunOnMariaDbWithOurSchemaAndTheEngines() {
		assertThat(jdbc.queryForObject("select count(*) from flyway_schema_history where success = 1", Integer.class))
				.isGreaterThanOrEqualTo(2);
		assertThat(jdbc.queryForObject("select version()", String.class)).containsIgnoringCase("MariaDB");
		assertThat(jdbc.queryForObject("select @@tx_isolation", String.class)).isNotBlank();
		assertThat(engine.getManagementService().getTableCount()).containsKey("ACT_RU_TASK");
		assertThat(engine.getRepositoryService().createProcessDefinitionQuery()
				.processDefinitionKey("ArrearsReminderProcess").count()).isPositive();
	}

	@Test
	void shouldTakeACaseFromImportToPayment() throws Exception {
		String csv = "客户编号,姓名,服务号码,网络,客户分群,星级,付费类型,余额,欠费月数,状态,电话经理\n"
				+ "IT0001,马丽,02088009001,PHS,中高端,5,POSTPAID,-99.90,3,ACTIVE,itmanager\n";
		ListReport report = customerImport.importFile("it.csv",
				new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));
		assertThat(report.rejected()).isEmpty();

		scan.run();

		RetentionCase file = cases.findOpen("IT0001", CaseType.ARREARS_REMINDER).orElseThrow();
		Task call = tasks.createTaskQuery().processInstanceId(file.getProcessInstanceId())
				.taskDefinitionKey("Task_FirstReminderCall").singleResult();
		ResponseEntity<String> completed = http.withBasicAuth("itmanager", PASSWORD).postForEntity(
				"/engine-rest/task/" + call.getId() + "/complete",
				json("{\"variables\":{\"callOutcome\":{\"value\":\"REACHED\"},\"paymentChannel\":{\"value\":\"WECHAT\"}}}"),
				String.class);
		assertThat(completed.getStatusCode()).as(completed.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(jdbc.queryForObject("select count(*) from contact_attempt where case_id = ?", Integer.class,
				file.getId())).isOne();
		ResponseEntity<Map> paid = http.withBasicAuth("itbilling", PASSWORD).postForEntity("/api/billing/payments",
				json("{\"customerNo\":\"IT0001\",\"amount\":99.90,\"paidAt\":\"2026-11-20T10:15:00.750+08:00\"}"),
				Map.class);

		assertThat(paid.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(paid.getBody()).containsEntry("duplicate", false);
		RetentionCase closed = cases.findById(file.getId()).orElseThrow();
		assertThat(closed.getOutcome()).isEqualTo(CaseOutcome.PAID);
		assertThat(jdbc.queryForObject("select paid_at from payment where customer_no = 'IT0001'", LocalDateTime.class))
				.isEqualTo(LocalDateTime.of(2026, 11, 20, 10, 15, 0));
		assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery()
				.processInstanceId(file.getProcessInstanceId()).activityId("EndEvent_Paid").finished().count())
				.isOne();
		assertThat(engine.getRuntimeService().createProcessInstanceQuery()
				.processInstanceId(file.getProcessInstanceId()).count()).isZero();
	}

	@Test
	void shouldLetTheDatabaseRefuseASecondOpenCase() throws Exception {
		customerImport.importFile("it2.csv", new ByteArrayInputStream(
				("customer_no,name,service_no,network,star_level,payment_type,balance,arrears_months,line_status,manager\n"
						+ "IT0002,刘强,13300009002,PHS,3,PREPAID,50,0,ACTIVE,itmanager\n").getBytes(StandardCharsets.UTF_8)));
		cases.saveAndFlush(new RetentionCase(CaseType.CONTRACT_EXPIRY, "IT0002", "itmanager", LocalDateTime.now()));

		assertThatThrownBy(() -> cases.saveAndFlush(
				new RetentionCase(CaseType.CONTRACT_EXPIRY, "IT0002", "itmanager", LocalDateTime.now())))
				.isInstanceOf(DataIntegrityViolationException.class);
	}

	@Test
	void shouldAnswerKeyPatternPagesSortedByDueDate() throws Exception {
		customerImport.importFile("it3.csv", new ByteArrayInputStream(
				("客户编号,姓名,服务号码,网络,客户分群,星级,付费类型,余额,欠费月数,状态,电话经理\n"
						+ "IT0003,赵敏,02088009003,PHS,中高端,5,POSTPAID,-50.00,2,ACTIVE,itmanager\n").getBytes(StandardCharsets.UTF_8)));
		scan.run();
		RetentionCase file = cases.findOpen("IT0003", CaseType.ARREARS_REMINDER).orElseThrow();
		String call = tasks.createTaskQuery().processInstanceId(file.getProcessInstanceId())
				.taskDefinitionKey("Task_FirstReminderCall").singleResult().getId();
		long rewrites = TaskAuthorizationCheck.rewrites();

		// the escalations' page carries IGNORE INDEX FOR ORDER BY (RewritingInterceptor, DuePage.keyRangeFirst),
		// which MariaDB must take; the first calls' page is left to the optimizer
		String query = "/engine-rest/task?taskDefinitionKeyLike=Task%5C_First%25&candidateGroups=itteam"
				+ "&includeAssignedTasks=true&sortBy=dueDate&sortOrder=asc&firstResult=0&maxResults=100";
		// already encoded (a URI, not a template that would encode the % again)
		TestRestTemplate manager = http.withBasicAuth("itmanager", PASSWORD);
		ResponseEntity<String> firstCalls = manager.getForEntity(URI.create(http.getRootUri() + query), String.class);
		ResponseEntity<String> escalations = manager.getForEntity(
				URI.create(http.getRootUri() + query.replace("Task%5C_First%25", "Task%5C_Escalat%25")), String.class);

		assertThat(firstCalls.getStatusCode()).as(firstCalls.getBody()).isEqualTo(HttpStatus.OK);
		assertThat(firstCalls.getBody()).contains("\"id\":\"" + call + "\"");
		assertThat(escalations.getStatusCode()).as(escalations.getBody()).isEqualTo(HttpStatus.OK);
		assertThat(escalations.getBody()).isEqualTo("[]");
		assertThat(TaskAuthorizationCheck.rewrites()).as("both pages rewritten").isGreaterThanOrEqualTo(rewrites + 2);

		// 我的任务's page from the assignee's index (the same hint), and the team's page from the first due date once
		// the tally knows that no team task lacks one (the tally's query on MariaDB)
		tally.reconcile();
		long dated = TaskAuthorizationCheck.datedPages();
		ResponseEntity<String> mine = manager.getForEntity(URI.create(http.getRootUri()
				+ "/engine-rest/task?assignee=itmanager&sortBy=dueDate&sortOrder=asc&firstResult=0&maxResults=100"), String.class);
		ResponseEntity<String> team = manager.getForEntity(URI.create(http.getRootUri()
				+ "/engine-rest/task?candidateGroups=itteam&includeAssignedTasks=true&sortBy=dueDate&sortOrder=asc"
				+ "&firstResult=0&maxResults=100"), String.class);
		assertThat(mine.getStatusCode()).as(mine.getBody()).isEqualTo(HttpStatus.OK);
		assertThat(mine.getBody()).contains("\"id\":\"" + call + "\"");
		assertThat(team.getStatusCode()).as(team.getBody()).isEqualTo(HttpStatus.OK);
		assertThat(team.getBody()).contains("\"id\":\"" + call + "\"");
		assertThat(TaskAuthorizationCheck.datedPages()).isEqualTo(dated + 1);

		// 本组任务 as Tasklist asks for it (its sorting, newest first, after the filter's due date): read within the due
		// date of the page's last task, found first (BoundedPage, two statements on MariaDB)
		String teamFilter = engine.getFilterService().createFilterQuery().filterName(IdentitySetup.FILTER_TEAM_TASKS)
				.singleResult().getId();
		long bounded = TaskAuthorizationCheck.boundedPages();
		ResponseEntity<Map[]> first = manager.postForEntity("/engine-rest/filter/" + teamFilter
				+ "/list?firstResult=0&maxResults=1", json("{\"sorting\":[{\"sortBy\":\"created\",\"sortOrder\":\"desc\"}]}"),
				Map[].class);
		assertThat(first.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(first.getBody()).hasSize(1);
		Task expected = tasks.createTaskQuery().taskCandidateGroupIn(List.of(DeskGroups.PHONE_MANAGERS, "itteam"))
				.includeAssignedTasks().orderByDueDate().asc().orderByTaskCreateTime().desc().listPage(0, 1).get(0);
		Task got = tasks.createTaskQuery().taskId((String) first.getBody()[0].get("id")).singleResult();
		assertThat(got.getDueDate()).isEqualTo(expected.getDueDate());
		assertThat(got.getCreateTime()).isEqualTo(expected.getCreateTime());
		assertThat(TaskAuthorizationCheck.boundedPages()).isEqualTo(bounded + 1);
	}

	@Test
	void shouldRequireCredentialsOnMariaDbToo() {
		assertThat(http.getForEntity("/engine-rest/task", String.class).getStatusCode())
				.isEqualTo(HttpStatus.UNAUTHORIZED);
	}

	private void user(String id, String... groups) {
		if (identity.createUserQuery().userId(id).count() > 0) {
			return;
		}
		User user = identity.newUser(id);
		user.setFirstName("测试");
		user.setLastName(id);
		user.setPassword(PASSWORD);
		identity.saveUser(user);
		for (String group : groups) {
			identity.createMembership(id, group);
		}
	}
}
