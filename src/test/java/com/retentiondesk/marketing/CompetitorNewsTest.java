package com.retentiondesk.marketing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;

import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.retentiondesk.CaseTestKit;
import com.retentiondesk.DeskTest;
import com.retentiondesk.Fixtures;
import com.retentiondesk.TestMail;
import com.retentiondesk.casework.CaseType;
import com.retentiondesk.casework.RetentionCase;
import com.retentiondesk.casework.RetentionCases;
import com.retentiondesk.contact.CompetitorReport;
import com.retentiondesk.contact.CompetitorReports;
import com.retentiondesk.contact.ContactAttempt;
import com.retentiondesk.contact.ContactAttempts;
import com.retentiondesk.contact.ContactChannel;
import com.retentiondesk.web.DeskGroups;

/**
 * Competitor news for marketing: GET /api/competitor-reports (who may read what) and CompetitorDigestProcess
 * (processes/competitor-digest.bpmn), the weekly mail to the marketing address, sent once per week; and that the
 * marketing group sees no case task.
 */
@DeskTest
class CompetitorNewsTest {

	@RegisterExtension
	static GreenMailExtension mail = new GreenMailExtension(TestMail.SMTP);

	/** Monday 30 November 2026, 09:00: the digest covers Monday 23 to Sunday 29 November. */
	private static final ZonedDateTime NOW = ZonedDateTime.parse("2026-11-30T09:00:00+08:00[Asia/Shanghai]");
	private static final String MARKETING_MAIL = "marketing@retention-desk.example.cn";

	@RegisterExtension
	static final CaseTestKit kit = CaseTestKit.clockAt(NOW).customersNumbered("CMP");

	@Autowired
	TestRestTemplate http;
	@Autowired
	CompetitorReports reports;
	@Autowired
	ContactAttempts contacts;
	@Autowired
	RetentionCases cases;
	@Autowired
	RuntimeService runtime;
	@Autowired
	ManagementService management;
	@Autowired
	HistoryService history;
	@Autowired
	TaskService tasks;
	@Autowired
	AuthorizationService authorizations;
	@Autowired
	org.camunda.bpm.engine.IdentityService identity;
	@Autowired
	com.retentiondesk.birthday.BirthdayCases birthdays;

	private static int taskCounter;

	/** A competitor note from a traffic-decline call of the customer's manager at that time, with the call's note. */
	private String report(String managerId, LocalDateTime at, String competitor, String note) {
		String customerNo = kit.saveCustomer(Fixtures.postpaid(kit.newCustomerNo(), 0, managerId)).getCustomerNo();
		RetentionCase file = cases.saveAndFlush(new RetentionCase(CaseType.TRAFFIC_DECLINE, customerNo, managerId, at));
		String taskId = "cmp-task-" + customerNo + "-" + (++taskCounter);
		contacts.saveAndFlush(new ContactAttempt(customerNo, file.getId(), taskId, managerId, at, ContactChannel.PHONE,
				"REACHED:LOST", note));
		reports.saveAndFlush(new CompetitorReport(customerNo, file.getId(), taskId, competitor, managerId, at));
		return customerNo;
	}

	@SuppressWarnings("unchecked")
	private List<Map<String, Object>> reportsSeenBy(String user, String since) {
		ResponseEntity<Map> answer = http.withBasicAuth(user, Fixtures.PASSWORD)
				.getForEntity("/api/competitor-reports?since=" + since, Map.class);
		assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(answer.getBody()).containsEntry("since", since).containsEntry("until", "2026-12-01");
		return (List<Map<String, Object>>) answer.getBody().get("reports");
	}

	private static List<Object> customersIn(List<Map<String, Object>> seen) {
		return seen.stream().map(r -> r.get("customerNo")).toList();
	}

	@Test
	void shouldAnswerMarketingAndAdministratorsEveryReportWithCustomerNoteWhoWhenAndSource() {
		String ofTeam1 = report("manager1", LocalDateTime.of(2026, 11, 24, 10, 15), "移动 58元不限量", "客户已办移动卡");
		String ofTeam2 = report("manager5", LocalDateTime.of(2026, 11, 26, 15, 0), "联通 宽带送手机", null);
		String tooEarly = report("manager1", LocalDateTime.of(2026, 11, 20, 9, 30), "移动 老用户折扣", null);

		List<Map<String, Object>> seen = reportsSeenBy("marketing1", "2026-11-23");

		assertThat(customersIn(seen)).contains(ofTeam1, ofTeam2).doesNotContain(tooEarly);
		assertThat(seen).filteredOn(r -> ofTeam1.equals(r.get("customerNo"))).singleElement().satisfies(r -> assertThat(r)
				.containsEntry("customerName", "测试客户" + ofTeam1).containsEntry("managerId", "manager1")
				.containsEntry("managerName", "王芳").containsEntry("competitor", "移动 58元不限量")
				.containsEntry("note", "客户已办移动卡").containsEntry("reportedBy", "manager1")
				.containsEntry("reportedByName", "王芳").containsEntry("reportedAt", "2026-11-24T10:15:00")
				.containsEntry("caseType", "TRAFFIC_DECLINE").containsEntry("source", "话务下降保有"));
		assertThat(customersIn(reportsSeenBy("admin", "2026-11-01"))).contains(ofTeam1, ofTeam2, tooEarly);
	}

	@Test
	void shouldShowSupervisorsTheirOwnTeamsCustomersOnly() {
		String ofTeam1 = report("manager2", LocalDateTime.of(2026, 11, 25, 11, 0), "电信宽带 竞品 99元", null);
		String ofTeam2 = report("manager6", LocalDateTime.of(2026, 11, 25, 11, 0), "移动 家庭套餐", null);

		List<Map<String, Object>> seen = reportsSeenBy("supervisor1", "2026-11-23");

		assertThat(customersIn(seen)).contains(ofTeam1).doesNotContain(ofTeam2);
		assertThat(seen).allSatisfy(r -> assertThat(r.get("managerId")).isIn("manager1", "manager2", "manager3", "manager4"));
		assertThat(customersIn(reportsSeenBy("supervisor2", "2026-11-23"))).contains(ofTeam2).doesNotContain(ofTeam1);
	}

	@Test
	void shouldRefuseManagersAndOthersAndBadDatesInChinese() {
		for (String user : List.of("manager1", "surveyor1", "billing")) {
			assertThat(http.withBasicAuth(user, Fixtures.PASSWORD)
					.getForEntity("/api/competitor-reports?since=2026-11-01", Map.class).getStatusCode())
					.as(user).isEqualTo(HttpStatus.FORBIDDEN);
		}
		ResponseEntity<Map> bad = http.withBasicAuth("marketing1", Fixtures.PASSWORD)
				.getForEntity("/api/competitor-reports?since=2026-13-01", Map.class);
		assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat((String) bad.getBody().get("message")).contains("since").contains("日期格式错误");
		ResponseEntity<Map> future = http.withBasicAuth("marketing1", Fixtures.PASSWORD)
				.getForEntity("/api/competitor-reports?since=2026-12-05", Map.class);
		assertThat(future.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat((String) future.getBody().get("message")).contains("since").contains("不能在未来");
		ResponseEntity<Map> byDefault = http.withBasicAuth("marketing1", Fixtures.PASSWORD)
				.getForEntity("/api/competitor-reports", Map.class);
		assertThat(byDefault.getBody()).as("the last 7 days").containsEntry("since", "2026-11-23");
	}

	@Test
	void shouldMailTheWeeksReportsToMarketingOnMondayOnce() throws Exception {
		String lastWeek = report("manager3", LocalDateTime.of(2026, 11, 27, 16, 40), "移动 校园卡 19元", "学生客户");
		String thisWeek = report("manager3", LocalDateTime.of(2026, 11, 30, 8, 0), "联通 新入网送话费", null);

		ProcessInstance digest = fireTimer();

		assertThat(digest).isNotNull();
		org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat(digest).isEnded()
				.hasPassed(CompetitorDigestProcess.END_DIGEST_MAILED);
		MimeMessage[] received = mail.getReceivedMessagesForDomain(MARKETING_MAIL);
		assertThat(received).hasSize(1);
		assertThat(received[0].getSubject()).startsWith("【竞争信息周报】2026-11-23 至 2026-11-29 共");
		String body = (String) received[0].getContent();
		assertThat(body).contains("市场部您好").contains("客户 测试客户" + lastWeek + "(" + lastWeek + ")")
				.contains("电话经理 张伟").contains("竞争对手动态: 移动 校园卡 19元").contains("通话记录: 学生客户")
				.contains("来源 话务下降保有").doesNotContain(thisWeek).contains("GET /api/competitor-reports?since=2026-11-23");

		ProcessInstance again = runtime.startProcessInstanceByKey(CompetitorDigestProcess.PROCESS_KEY,
				Map.of(CompetitorDigestProcess.DIGEST_UNTIL, "2026-11-30"));
		execute(job(CompetitorDigestProcess.SERVICE_MAIL_DIGEST, again));

		assertThat(mail.getReceivedMessagesForDomain(MARKETING_MAIL)).as("once per week").hasSize(1);
	}

	@Test
	void shouldRetryTheDigestWhileTheMailServerIsDownAndSendItOnceItIsBack() throws Exception {
		report("manager4", LocalDateTime.of(2026, 11, 18, 10, 0), "移动 副卡免费", null);
		mail.stop();
		ProcessInstance digest;
		try {
			digest = runtime.startProcessInstanceByKey(CompetitorDigestProcess.PROCESS_KEY,
					Map.of(CompetitorDigestProcess.DIGEST_UNTIL, "2026-11-23"));
			Job step = job(CompetitorDigestProcess.SERVICE_MAIL_DIGEST, digest);
			try {
				management.executeJob(step.getId());
			} catch (RuntimeException expected) {
				// the mail server is down: the step fails and keeps its job for a retry
			}
			assertThat(management.createJobQuery().jobId(step.getId()).singleResult().getRetries()).isEqualTo(4);
		} finally {
			mail.start();
		}

		execute(job(CompetitorDigestProcess.SERVICE_MAIL_DIGEST, digest));

		org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat(digest).isEnded();
		MimeMessage[] received = mail.getReceivedMessagesForDomain(MARKETING_MAIL);
		assertThat(received).hasSize(1);
		assertThat(received[0].getSubject()).startsWith("【竞争信息周报】2026-11-16 至 2026-11-22 共");
		assertThat((String) received[0].getContent()).contains("移动 副卡免费");
	}

	@Test
	void shouldShowMarketingNoCaseTaskAndNoTasklist() {
		assertThat(identity.createGroupQuery().groupId(DeskGroups.MARKETING).singleResult().getName()).isEqualTo("市场部");
		assertThat(identity.createGroupQuery().groupMember("marketing1").list()).extracting(g -> g.getId())
				.containsExactly(DeskGroups.MARKETING);
		assertThat(identity.createUserQuery().userId("marketing1").singleResult())
				.satisfies(user -> assertThat(user.getLastName() + user.getFirstName()).isEqualTo("郑秀英"));
		com.retentiondesk.customer.Customer customer = kit.saveCustomer(Fixtures.postpaid(kit.newCustomerNo(), 0, "manager1"));
		String processInstanceId = birthdays.open(customer, java.time.LocalDate.of(2026, 11, 30), null).getProcessInstanceId();
		String greeting = tasks.createTaskQuery().processInstanceId(processInstanceId).singleResult().getId();
		assertThat(taskIdsSeenBy("manager1")).as("the case task is there").contains(greeting);

		assertThat(taskIdsSeenBy("marketing1")).isEmpty();
		ResponseEntity<Map> filters = http.withBasicAuth("marketing1", Fixtures.PASSWORD)
				.getForEntity("/engine-rest/filter/count?resourceType=Task", Map.class);
		assertThat(((Number) filters.getBody().get("count")).intValue()).isZero();
		assertThat(http.withBasicAuth("marketing1", Fixtures.PASSWORD)
				.getForEntity("/engine-rest/task/" + greeting + "/form-variables", Map.class).getStatusCode())
				.isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND);
		assertThat(authorizations.isUserAuthorized("marketing1", List.of(DeskGroups.MARKETING), Permissions.ACCESS,
				Resources.APPLICATION, "tasklist")).isFalse();
		assertThat(authorizations.isUserAuthorized("marketing1", List.of(DeskGroups.MARKETING), Permissions.READ,
				Resources.PROCESS_DEFINITION, "BirthdayGreetingProcess")).isFalse();
	}

	@SuppressWarnings("unchecked")
	private List<String> taskIdsSeenBy(String user) {
		ResponseEntity<List> seen = http.withBasicAuth(user, Fixtures.PASSWORD)
				.getForEntity("/engine-rest/task?maxResults=10000", List.class);
		assertThat(seen.getStatusCode()).isEqualTo(HttpStatus.OK);
		return ((List<Map<String, Object>>) seen.getBody()).stream().map(task -> (String) task.get("id")).toList();
	}

	/** The timer start event's job: fires it (starting an instance) and runs the mail step. */
	private ProcessInstance fireTimer() {
		Job timer = management.createJobQuery().processDefinitionKey(CompetitorDigestProcess.PROCESS_KEY).timers()
				.singleResult();
		assertThat(timer).as("the timer start event of the digest").isNotNull();
		assertThat(timer.getDuedate()).as("Mondays 09:00").isEqualTo(CaseTestKit.at("2026-12-07T09:00"));
		List<String> before = runtime.createProcessInstanceQuery().processDefinitionKey(CompetitorDigestProcess.PROCESS_KEY)
				.list().stream().map(ProcessInstance::getId).toList();
		management.executeJob(timer.getId());
		ProcessInstance started = runtime.createProcessInstanceQuery()
				.processDefinitionKey(CompetitorDigestProcess.PROCESS_KEY).list().stream()
				.filter(instance -> !before.contains(instance.getId())).findFirst().orElseThrow();
		execute(job(CompetitorDigestProcess.SERVICE_MAIL_DIGEST, started));
		return started;
	}
}
