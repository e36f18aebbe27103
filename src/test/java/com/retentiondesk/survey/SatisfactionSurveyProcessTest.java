package com.retentiondesk.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;

import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

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

import com.retentiondesk.CaseTestKit;
import com.retentiondesk.DeskTest;
import com.retentiondesk.Fixtures;
import com.retentiondesk.casework.CaseType;
import com.retentiondesk.casework.RetentionCase;
import com.retentiondesk.casework.RetentionCases;
import com.retentiondesk.contact.ContactAttempt;
import com.retentiondesk.contact.ContactAttempts;
import com.retentiondesk.contact.ContactChannel;
import com.retentiondesk.customer.Customers;

/**
 * SatisfactionSurveyProcess (processes/satisfaction-survey.bpmn): the monthly sampling of issue 29 on
 * reached calls of managers of this class's own (so that other tests' calls do not count), its rounding,
 * its timer on the first working day, and the surveys it opens.
 */
@DeskTest
class SatisfactionSurveyProcessTest {

	/** Tuesday 2 March 2027, 10:00: not the month's first working day. */
	private static final ZonedDateTime NOW = ZonedDateTime.parse("2027-03-02T10:00:00+08:00[Asia/Shanghai]");

	@RegisterExtension
	static final CaseTestKit kit = CaseTestKit.clockAt(NOW);

	@Autowired
	RuntimeService runtime;
	@Autowired
	HistoryService history;
	@Autowired
	TaskService tasks;
	@Autowired
	ManagementService management;
	@Autowired
	Customers customers;
	@Autowired
	RetentionCases cases;
	@Autowired
	ContactAttempts contacts;
	@Autowired
	SurveySampling sampling;

	@Test
	void shouldSampleTheRoundedUpShareOfEachManagersReachedCustomersAndOpenASurveyForEach() {
		YearMonth month = YearMonth.of(2029, 5);
		for (int i = 1; i <= 11; i++) {
			reachedCall("SVA" + i, "svyMgrA", month.atDay(i).atTime(10, 0), "REACHED");
		}
		// a customer reached twice counts once; calls not reached, SMS and other months do not count
		reachedCall("SVA1", "svyMgrA", month.atDay(20).atTime(15, 0), "PAID");
		for (int i = 1; i <= 3; i++) {
			reachedCall("SVB" + i, "svyMgrB", month.atDay(3).atTime(11, 0), "REACHED:ACCEPTED");
		}
		reachedCall("SVB4", "svyMgrB", month.atDay(3).atTime(11, 0), "NOT_REACHED");
		reachedCall("SVC1", "svyMgrC", month.atDay(4).atTime(11, 0), "UNREACHABLE");
		reachedCall("SVC2", "svyMgrC", month.atDay(4).atTime(11, 0), "NOT_REACHED");
		reachedCall("SVC3", "svyMgrC", month.minusMonths(1).atEndOfMonth().atTime(23, 59), "REACHED");
		customer("SVC4", "svyMgrC");
		contacts.saveAndFlush(new ContactAttempt("SVC4", null, null, "system", month.atDay(5).atTime(9, 0),
				ContactChannel.SMS, "SENT", "提醒"));

		Map<String, List<SurveySampling.Reached>> sample = sampling.sample(month);

		assertThat(sample.get("svyMgrA")).as("11 reached at 10%: 1.1 rounded up").hasSize(2);
		assertThat(sample.get("svyMgrB")).as("3 reached at 10%: at least one").hasSize(1);
		assertThat(sample).as("a manager with no reached customer").doesNotContainKey("svyMgrC");
		assertThat(sampling.sample(month)).as("the draw is repeatable").isEqualTo(sample);

		ProcessInstance run = startByHand(Map.of(SurveyProcess.FORCE, true, SurveyProcess.SURVEY_MONTH, "2029-05"));

		assertThat(variable(run, SurveyProcess.OPENED)).isEqualTo(3);
		List<Task> surveys = surveyTasks("SVA", "SVB");
		assertThat(surveys).hasSize(3);
		assertThat(surveys).allSatisfy(task -> {
			assertThat(task.getDueDate()).as("due on the 10th of this month").isEqualTo(CaseTestKit.at("2027-03-10T20:00"));
			assertThat(tasks.getIdentityLinksForTask(task.getId())).singleElement()
					.satisfies(link -> assertThat(link.getGroupId()).isEqualTo("surveyors"));
		});
		String sampledOfB = sample.get("svyMgrB").get(0).customerNo();
		ProcessInstance surveyOfB = runtime.createProcessInstanceQuery().processDefinitionKey(SurveyProcess.CUSTOMER_PROCESS_KEY)
				.processInstanceBusinessKey(sampledOfB).singleResult();
		assertThat(runtime.getVariables(surveyOfB.getId())).containsOnlyKeys("customerNo", "customerName", "serviceNo",
				"managerId", "surveyMonth", "surveyDue", "surveyCustomer")
				.containsEntry("customerNo", sampledOfB).containsEntry("managerId", "svyMgrB")
				.containsEntry("surveyMonth", "2029-05").containsEntry("customerName", "测试客户" + sampledOfB)
				.containsEntry("surveyCustomer", "测试客户" + sampledOfB + "(客户编号 " + sampledOfB + ",服务号码 "
						+ customers.findById(sampledOfB).orElseThrow().getServiceNo() + ")");

		ProcessInstance again = startByHand(Map.of(SurveyProcess.FORCE, true, SurveyProcess.SURVEY_MONTH, "2029-05"));

		assertThat(variable(again, SurveyProcess.OPENED)).as("no second survey for the month").isEqualTo(0);
		assertThat(surveyTasks("SVA", "SVB")).hasSize(3);
	}

	@Test
	void shouldSampleLastMonthWhenTheTimerFiresOnTheFirstWorkingDayAndNothingOnOtherDays() {
		// Monday 1 April 2030 is the first working day of April: March 2030 is sampled
		reachedCall("SVT1", "svyMgrT", java.time.LocalDate.of(2030, 3, 29).atTime(16, 0), "REACHED");
		kit.moveClockTo("2030-04-02T08:00");

		ProcessInstance notToday = fireTimer();

		assertThat(variable(notToday, SurveyProcess.OPENED)).isEqualTo(0);
		assertThat(surveyTasks("SVT")).isEmpty();

		kit.moveClockTo("2030-04-01T08:00");
		ProcessInstance firstWorkingDay = fireTimer();

		assertThat(variable(firstWorkingDay, SurveyProcess.OPENED)).isEqualTo(1);
		assertThat(surveyTasks("SVT")).singleElement().satisfies(task -> assertThat(task.getDueDate())
				.isEqualTo(CaseTestKit.at("2030-04-10T20:00")));
		assertThat(runtime.getVariable(surveyTasks("SVT").get(0).getProcessInstanceId(), SurveyProcess.SURVEY_MONTH))
				.isEqualTo("2030-03");
	}

	@Test
	void shouldSampleNothingByHandWithoutForceOnAnotherDay() {
		reachedCall("SVH1", "svyMgrH", NOW.toLocalDateTime().minusMonths(1), "REACHED");

		ProcessInstance run = startByHand(Map.of());

		assertThat(variable(run, SurveyProcess.OPENED)).isEqualTo(0);
		assertThat(surveyTasks("SVH")).isEmpty();

		startByHand(Map.of(SurveyProcess.FORCE, true));

		assertThat(surveyTasks("SVH")).as("force samples last month (February 2027)").hasSize(1);
	}

	/** The timer start event's job: fires it (starting an instance) and runs the sampling. */
	private ProcessInstance fireTimer() {
		Job timer = management.createJobQuery().processDefinitionKey(SurveyProcess.PROCESS_KEY).timers().singleResult();
		assertThat(timer).as("the timer start event of the sampling").isNotNull();
		List<String> before = runtime.createProcessInstanceQuery().processDefinitionKey(SurveyProcess.PROCESS_KEY).list()
				.stream().map(ProcessInstance::getId).toList();
		management.executeJob(timer.getId());
		ProcessInstance started = runtime.createProcessInstanceQuery().processDefinitionKey(SurveyProcess.PROCESS_KEY)
				.list().stream().filter(instance -> !before.contains(instance.getId())).findFirst().orElseThrow();
		execute(job(SurveyProcess.SERVICE_SAMPLE, started));
		return started;
	}

	private ProcessInstance startByHand(Map<String, Object> variables) {
		ProcessInstance instance = runtime.startProcessInstanceByKey(SurveyProcess.PROCESS_KEY, variables);
		execute(job(SurveyProcess.SERVICE_SAMPLE, instance));
		return instance;
	}

	private Object variable(ProcessInstance instance, String name) {
		return history.createHistoricVariableInstanceQuery().processInstanceId(instance.getId()).variableName(name)
				.singleResult().getValue();
	}

	/** The open survey tasks of customers whose numbers start with one of the prefixes. */
	private List<Task> surveyTasks(String... prefixes) {
		return tasks.createTaskQuery().taskDefinitionKey(SurveyProcess.TASK_SURVEY).list().stream().filter(task -> {
			String customerNo = runtime.createProcessInstanceQuery().processInstanceId(task.getProcessInstanceId())
					.singleResult().getBusinessKey();
			return java.util.Arrays.stream(prefixes).anyMatch(p -> customerNo.startsWith(p));
		}).collect(Collectors.toList());
	}

	private void customer(String customerNo, String managerId) {
		if (!customers.existsById(customerNo)) {
			customers.saveAndFlush(Fixtures.customer(Fixtures.postpaid(customerNo, 0, managerId)));
		}
	}

	/** A phone call of a case with this outcome (the contact log's words) at that time. */
	private void reachedCall(String customerNo, String managerId, LocalDateTime at, String outcome) {
		customer(customerNo, managerId);
		RetentionCase file = cases.findOpen(customerNo, CaseType.ARREARS_REMINDER)
				.orElseGet(() -> cases.saveAndFlush(new RetentionCase(CaseType.ARREARS_REMINDER, customerNo, managerId, at)));
		contacts.saveAndFlush(new ContactAttempt(customerNo, file.getId(), null, managerId, at, ContactChannel.PHONE,
				outcome, null));
	}
}
