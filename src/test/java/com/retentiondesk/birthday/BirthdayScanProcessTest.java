package com.retentiondesk.birthday;

import static com.retentiondesk.CaseTestKit.at;
import static com.retentiondesk.JsonRequests.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import com.retentiondesk.CaseTestKit;
import com.retentiondesk.DeskTest;
import com.retentiondesk.Fixtures;
import com.retentiondesk.RecordingSmsGateway;
import com.retentiondesk.casework.CaseOutcome;
import com.retentiondesk.casework.RetentionCases;
import com.retentiondesk.customer.CustomerData;
import com.retentiondesk.customer.LineStatus;
import com.retentiondesk.customer.Network;
import com.retentiondesk.customer.PaymentType;
import com.retentiondesk.customer.Segment;

/**
 * BirthdayScanProcess (processes/birthday-scan.bpmn): whose birthday it greets on a working day, on a rest day by hand,
 * on 28 February of a common year, that a second scan greets nobody twice, and the developers' check over the REST
 * APIs (import, scan with force=true, the manager's task completed with channel=SMS).
 */
@DeskTest
class BirthdayScanProcessTest {

	/** Friday 4 December 2026, 08:15: the scan greets the birthdays of Friday, Saturday and Sunday. */
	private static final ZonedDateTime NOW = ZonedDateTime.parse("2026-12-04T08:15:00+08:00[Asia/Shanghai]");
	private static final String HEADER = "customer_no,name,service_no,network,segment,star_level,payment_type,balance,"
			+ "arrears_months,line_status,manager,birthday\n";
	private static final String FORCE = "{\"variables\":{\"force\":{\"value\":true,\"type\":\"Boolean\"}}}";

	@RegisterExtension
	static final CaseTestKit kit = CaseTestKit.clockAt(NOW).customersNumbered("BSP")
			.callTasks(BirthdayProcess.TASK_GREETING);

	@Autowired
	RuntimeService runtime;
	@Autowired
	ManagementService management;
	@Autowired
	HistoryService history;
	@Autowired
	TaskService tasks;
	@Autowired
	BirthdayGreetings greetings;
	@Autowired
	RetentionCases cases;
	@Autowired
	RecordingSmsGateway sms;
	@Autowired
	TestRestTemplate http;

	private String customer(LocalDate birthday, int stars, LineStatus status) {
		String customerNo = kit.newCustomerNo();
		CustomerData data = Fixtures.postpaid(customerNo, 0, "manager1");
		kit.saveCustomer(new CustomerData(customerNo, data.name(), data.serviceNo(), Network.PHS, Segment.MID_HIGH_END,
				stars, PaymentType.POSTPAID, data.balance(), 0, status, "manager1", birthday, null, null, null, null, null,
				null));
		return customerNo;
	}

	private String customer(LocalDate birthday) {
		return customer(birthday, 4, LineStatus.ACTIVE);
	}

	@Test
	void shouldGreetTodaysAndTheWeekendsStarCustomersOnceEach() {
		String today = customer(LocalDate.of(1980, 12, 4));
		String sunday = customer(LocalDate.of(1975, 12, 6));
		String monday = customer(LocalDate.of(1990, 12, 7));
		String noStars = customer(LocalDate.of(1980, 12, 4), 0, LineStatus.ACTIVE);
		String closed = customer(LocalDate.of(1980, 12, 4), 5, LineStatus.CLOSED);
		String noBirthday = customer(null);

		ProcessInstance scan = startByHand(Map.of());

		assertThat(greetingsOf(today)).singleElement().satisfies(instance -> {
			Task greeting = tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult();
			assertThat(greeting.getTaskDefinitionKey()).isEqualTo(BirthdayProcess.TASK_GREETING);
			assertThat(greeting.getAssignee()).isEqualTo("manager1");
			assertThat(greeting.getDueDate()).isEqualTo(at("2026-12-04T20:00"));
			assertThat(runtime.getVariable(instance.getId(), BirthdayProcess.BIRTHDAY_ON)).isEqualTo("2026-12-04");
		});
		assertThat(greetingsOf(sunday)).singleElement().satisfies(instance -> assertThat(
				runtime.getVariable(instance.getId(), BirthdayProcess.BIRTHDAY_ON)).isEqualTo("2026-12-06"));
		assertThat(greetingsOf(monday)).as("Monday's birthday is Monday's scan's").isEmpty();
		assertThat(greetingsOf(noStars)).as("no star").isEmpty();
		assertThat(greetingsOf(closed)).as("line closed").isEmpty();
		assertThat(greetingsOf(noBirthday)).isEmpty();
		assertThat((Integer) variable(scan, BirthdayProcess.SCAN_OPENED)).isGreaterThanOrEqualTo(2);

		ProcessInstance again = startByHand(Map.of());

		assertThat(variable(again, BirthdayProcess.SCAN_OPENED)).as("a second scan opens nothing").isEqualTo(0);
		assertThat(greetingsOf(today)).hasSize(1);
		assertThat(greetingsOf(sunday)).hasSize(1);

		// greeted and closed: the same birthday is not greeted again by a later scan the same day
		ProcessInstance todays = greetingsOf(today).get(0);
		tasks.complete(tasks.createTaskQuery().processInstanceId(todays.getId()).singleResult().getId(),
				Map.of(BirthdayProcess.CHANNEL, "PHONE", BirthdayProcess.REACHED, true));
		assertThat(cases.findByProcessInstanceId(todays.getId()).orElseThrow().getOutcome()).isEqualTo(CaseOutcome.RETAINED);
		startByHand(Map.of());
		assertThat(allGreetingsOf(today)).isEqualTo(1);
		assertThat(greetings.findByCustomerNo(today)).singleElement()
				.satisfies(g -> assertThat(g.getBirthdayOn()).isEqualTo(LocalDate.of(2026, 12, 4)));
	}

	@Test
	void shouldGreetNobodyWhenTheTimerFiresOnARestDayButTheRestDaysWhenForcedByHand() {
		kit.moveClockTo("2026-12-05T08:15");
		String saturday = customer(LocalDate.of(1966, 12, 5));

		ProcessInstance timer = fireTimer();

		assertThat(variable(timer, BirthdayProcess.SCAN_OPENED)).isEqualTo(0);
		assertThat(greetingsOf(saturday)).isEmpty();

		startByHand(Map.of());
		assertThat(greetingsOf(saturday)).as("by hand without force: nothing either").isEmpty();

		startByHand(Map.of(BirthdayProcess.FORCE, true));

		assertThat(greetingsOf(saturday)).singleElement().satisfies(instance -> assertThat(
				tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult().getDueDate())
				.as("due on the next working day").isEqualTo(at("2026-12-07T20:00")));
	}

	@Test
	void shouldGreetWhenTheTimerFiresOnAWorkingDay() {
		kit.moveClockTo("2026-12-09T08:15");
		String wednesday = customer(LocalDate.of(1970, 12, 9));

		ProcessInstance timer = fireTimer();

		assertThat((Integer) variable(timer, BirthdayProcess.SCAN_OPENED)).isGreaterThanOrEqualTo(1);
		assertThat(greetingsOf(wednesday)).hasSize(1);
	}

	@Test
	void shouldGreetA29FebruaryBirthdayOn28FebruaryOfACommonYear() {
		// Friday 26 February 2027: Friday to Sunday 28 February
		kit.moveClockTo("2027-02-26T08:15");
		String leapDay = customer(LocalDate.of(1988, 2, 29));
		String feb28 = customer(LocalDate.of(1990, 2, 28));
		String march1 = customer(LocalDate.of(1991, 3, 1));

		startByHand(Map.of());

		assertThat(greetingsOf(leapDay)).singleElement().satisfies(instance -> assertThat(
				runtime.getVariable(instance.getId(), BirthdayProcess.BIRTHDAY_ON)).isEqualTo("2027-02-28"));
		assertThat(greetingsOf(feb28)).hasSize(1);
		assertThat(greetingsOf(march1)).isEmpty();
	}

	@Test
	void shouldPassTheDevelopersCheckThroughTheRestApis() {
		// Tuesday 8 December 2026
		kit.moveClockTo("2026-12-08T10:00");
		String customerNo = kit.newCustomerNo();
		ResponseEntity<Map> imported = http.withBasicAuth("billing", Fixtures.PASSWORD).postForEntity(
				"/api/customers/import", upload(HEADER + customerNo + ",生日客户,13300088001,PHS,中高端,4,POSTPAID,0,0,ACTIVE,"
						+ "manager2,1983-12-08\n"), Map.class);
		assertThat(imported.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(imported.getBody()).containsEntry("created", 1);

		ResponseEntity<Map> started = http.withBasicAuth("admin", Fixtures.PASSWORD).postForEntity(
				"/engine-rest/process-definition/key/" + BirthdayProcess.SCAN_PROCESS_KEY + "/start", json(FORCE), Map.class);
		assertThat(started.getStatusCode()).isEqualTo(HttpStatus.OK);
		executeJobsOf((String) started.getBody().get("id"));

		ResponseEntity<List> mine = http.withBasicAuth("manager2", Fixtures.PASSWORD).getForEntity(
				"/engine-rest/task?taskDefinitionKey=" + BirthdayProcess.TASK_GREETING + "&assignee=manager2"
						+ "&processInstanceBusinessKey=" + customerNo, List.class);
		assertThat(mine.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(mine.getBody()).hasSize(1);
		Map<?, ?> task = (Map<?, ?>) mine.getBody().get(0);
		assertThat(task.get("name")).isEqualTo("生日祝福");

		ResponseEntity<String> completed = http.withBasicAuth("manager2", Fixtures.PASSWORD).exchange(
				"/engine-rest/task/" + task.get("id") + "/complete", HttpMethod.POST,
				json("{\"variables\":{\"channel\":{\"value\":\"SMS\",\"type\":\"String\"},"
						+ "\"note\":{\"value\":\"客户上班时间不便接听\",\"type\":\"String\"}}}"),
				String.class);
		assertThat(completed.getStatusCode()).as(completed.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
		executeJobsOf((String) task.get("processInstanceId"));

		assertThat(sms.sentTo("13300088001")).singleElement()
				.satisfies(message -> assertThat(message.text()).contains("生日快乐").contains("李娜"));
		assertThat(history.createHistoricProcessInstanceQuery().processInstanceId((String) task.get("processInstanceId"))
				.singleResult().getEndActivityId()).isEqualTo(BirthdayProcess.END_GREETED_BY_SMS);
		assertThat(greetings.findByCustomerNo(customerNo)).singleElement()
				.satisfies(g -> assertThat(g.getNote()).isEqualTo("客户上班时间不便接听"));
	}

	/** Executes the instance's jobs (timers due now, async steps) until none is left, as the job executor would. */
	private void executeJobsOf(String processInstanceId) {
		for (int i = 0; i < 5; i++) {
			List<Job> jobs = management.createJobQuery().processInstanceId(processInstanceId).executable().list();
			if (jobs.isEmpty()) {
				return;
			}
			jobs.forEach(j -> {
				ResponseEntity<String> executed = http.withBasicAuth("admin", Fixtures.PASSWORD).exchange(
						"/engine-rest/job/" + j.getId() + "/execute", HttpMethod.POST, json("{}"), String.class);
				assertThat(executed.getStatusCode()).as(executed.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
			});
		}
	}

	/** The timer start event's job: fires it (starting an instance) and runs the scan. */
	private ProcessInstance fireTimer() {
		Job timer = management.createJobQuery().processDefinitionKey(BirthdayProcess.SCAN_PROCESS_KEY).timers()
				.singleResult();
		assertThat(timer).as("the timer start event of the scan").isNotNull();
		List<String> before = runtime.createProcessInstanceQuery().processDefinitionKey(BirthdayProcess.SCAN_PROCESS_KEY)
				.list().stream().map(ProcessInstance::getId).toList();
		management.executeJob(timer.getId());
		ProcessInstance started = runtime.createProcessInstanceQuery().processDefinitionKey(BirthdayProcess.SCAN_PROCESS_KEY)
				.list().stream().filter(instance -> !before.contains(instance.getId())).findFirst().orElseThrow();
		execute(job(BirthdayProcess.SERVICE_OPEN_GREETINGS, started));
		return started;
	}

	private ProcessInstance startByHand(Map<String, Object> variables) {
		ProcessInstance instance = runtime.startProcessInstanceByKey(BirthdayProcess.SCAN_PROCESS_KEY, variables);
		execute(job(BirthdayProcess.SERVICE_OPEN_GREETINGS, instance));
		return instance;
	}

	private Object variable(ProcessInstance instance, String name) {
		return history.createHistoricVariableInstanceQuery().processInstanceId(instance.getId()).variableName(name)
				.singleResult().getValue();
	}

	private List<ProcessInstance> greetingsOf(String customerNo) {
		return runtime.createProcessInstanceQuery().processDefinitionKey(BirthdayProcess.PROCESS_KEY)
				.processInstanceBusinessKey(customerNo).list();
	}

	private long allGreetingsOf(String customerNo) {
		return history.createHistoricProcessInstanceQuery().processDefinitionKey(BirthdayProcess.PROCESS_KEY)
				.processInstanceBusinessKey(customerNo).count();
	}

	private static HttpEntity<MultiValueMap<String, Object>> upload(String content) {
		MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
		parts.add("file", new ByteArrayResource(content.getBytes(StandardCharsets.UTF_8)) {
			@Override
			public String getFilename() {
				return "customers.csv";
			}
		});
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.MULTIPART_FORM_DATA);
		return new HttpEntity<>(parts, headers);
	}
}
