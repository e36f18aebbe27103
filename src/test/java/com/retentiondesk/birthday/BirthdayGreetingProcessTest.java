package com.retentiondesk.birthday;

import static com.retentiondesk.CaseTestKit.at;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
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
import com.retentiondesk.RecordingSmsGateway;
import com.retentiondesk.TestMail;
import com.retentiondesk.casework.CaseOutcome;
import com.retentiondesk.casework.FormRejectedException;
import com.retentiondesk.contact.ContactAttempt;
import com.retentiondesk.contact.ContactAttempts;
import com.retentiondesk.contact.ContactChannel;
import com.retentiondesk.customer.Customer;
import com.retentiondesk.customer.CustomerData;
import com.retentiondesk.customer.Customers;
import com.retentiondesk.notification.Outbox;
import com.retentiondesk.notification.OutboxMessage;

/** Every path and timer of BirthdayGreetingProcess (processes/birthday-greeting.bpmn), its form and its KPI. */
@DeskTest
class BirthdayGreetingProcessTest {

	@RegisterExtension
	static GreenMailExtension mail = new GreenMailExtension(TestMail.SMTP);

	/** Thursday 3 December 2026, 10:00, a working day in calling hours. */
	private static final ZonedDateTime NOW = ZonedDateTime.parse("2026-12-03T10:00:00+08:00[Asia/Shanghai]");

	@RegisterExtension
	static final CaseTestKit kit = CaseTestKit.clockAt(NOW).customersNumbered("BGP")
			.callTasks(BirthdayProcess.TASK_GREETING);

	@Autowired
	BirthdayCases birthdays;
	@Autowired
	BirthdayGreetings greetings;
	@Autowired
	ContactAttempts contacts;
	@Autowired
	Customers customers;
	@Autowired
	Outbox outbox;
	@Autowired
	RecordingSmsGateway sms;
	@Autowired
	TaskService taskService;
	@Autowired
	TestRestTemplate http;

	static CustomerData bornOn(CustomerData data, LocalDate birthday) {
		return new CustomerData(data.customerNo(), data.name(), data.serviceNo(), data.network(), data.segment(),
				data.starLevel(), data.paymentType(), data.balance(), data.arrearsMonths(), data.lineStatus(),
				data.managerId(), birthday, data.idType(), data.idNo(), data.address(), data.secondPhone(), data.email(),
				data.joinedOn());
	}

	private Customer customer(String managerId) {
		return kit.saveCustomer(bornOn(Fixtures.postpaid(kit.newCustomerNo(), 0, managerId), LocalDate.of(1980, 12, 3)));
	}

	private ProcessInstance open(Customer customer) {
		return kit.instanceOf(birthdays.open(customer, LocalDate.of(2026, 12, 3), null));
	}

	private BirthdayGreeting greetingOf(ProcessInstance instance) {
		return greetings.findByCaseId(kit.caseOf(instance).getId()).orElseThrow();
	}

	@Test
	void shouldGiveTheManagerAGreetingDueAtTheEndOfCallingHoursWithoutAnyOffer() {
		ProcessInstance instance = open(customer("manager1"));

		Task greeting = kit.call(instance);
		Assertions.assertThat(greeting.getAssignee()).isEqualTo("manager1");
		Assertions.assertThat(greeting.getName()).isEqualTo("生日祝福");
		Assertions.assertThat(greeting.getDueDate()).isEqualTo(at("2026-12-03T20:00"));
		Assertions.assertThat(taskService.getIdentityLinksForTask(greeting.getId())).extracting(IdentityLink::getGroupId)
				.contains("team1");
		assertThat(instance).variables().containsEntry(BirthdayProcess.BIRTHDAY_ON, "2026-12-03")
				.containsEntry(BirthdayProcess.EXPIRES_AT, at("2026-12-04T20:00"))
				.doesNotContainKeys("offerCode", "offerScript");
		Assertions.assertThat(kit.briefOfTask(greeting.getId()))
				.contains("生日: 12月3日 (星期四)").contains("不做任何营销推荐");
		Assertions.assertThat(kit.caseOf(instance).getCaseType().name()).isEqualTo("BIRTHDAY_GREETING");
		Assertions.assertThat(greetingOf(instance).getDueOn()).isEqualTo(LocalDate.of(2026, 12, 3));
		Assertions.assertThat(greetingOf(instance).getGreetedAt()).isNull();
	}

	@Test
	void shouldServeTheChineseFormToTheManager() {
		ProcessInstance instance = open(customer("manager1"));

		ResponseEntity<String> form = http.withBasicAuth("manager1", Fixtures.PASSWORD)
				.getForEntity("/engine-rest/task/" + kit.call(instance).getId() + "/deployed-form", String.class);

		Assertions.assertThat(form.getStatusCode()).isEqualTo(HttpStatus.OK);
		Assertions.assertThat(form.getBody()).contains("\"id\": \"birthday-greeting\"").contains("祝福方式")
				.contains("电话已接通").contains("\"key\": \"channel\"").contains("\"key\": \"reached\"")
				.contains("\"key\": \"note\"").doesNotContain("offer");
	}

	@Test
	void shouldEndGreetedByPhoneAndRecordTheCallInTheContactLog() {
		ProcessInstance instance = open(customer("manager1"));

		kit.complete(instance, Map.of(BirthdayProcess.CHANNEL, "PHONE", BirthdayProcess.REACHED, true,
				BirthdayProcess.NOTE, "客户很高兴"));

		assertThat(instance).isEnded().hasPassed(BirthdayProcess.END_GREETED_BY_PHONE)
				.hasNotPassed(BirthdayProcess.SERVICE_SEND_SMS);
		Assertions.assertThat(kit.caseOf(instance).getOutcome()).isEqualTo(CaseOutcome.RETAINED);
		Assertions.assertThat(kit.caseOf(instance).getOutcomeReason()).isEqualTo("电话祝福");
		Assertions.assertThat(contacts.findByCaseIdOrderByAttemptedAt(kit.caseOf(instance).getId())).singleElement()
				.satisfies(contact -> {
					Assertions.assertThat(contact.getChannel()).isEqualTo(ContactChannel.PHONE);
					Assertions.assertThat(contact.getOutcome()).isEqualTo("REACHED");
					Assertions.assertThat(contact.getNotes()).isEqualTo("生日祝福电话: 客户很高兴");
				});
		BirthdayGreeting greeting = greetingOf(instance);
		Assertions.assertThat(greeting.getChannel()).isEqualTo(BirthdayGreeting.Channel.PHONE);
		Assertions.assertThat(greeting.getReached()).isTrue();
		Assertions.assertThat(greeting.getNote()).isEqualTo("客户很高兴");
		Assertions.assertThat(greeting.getGreetedBy()).isEqualTo("manager1");
		Assertions.assertThat(greeting.getGreetedAt()).isEqualTo(LocalDateTime.of(2026, 12, 3, 10, 0));
	}

	@Test
	void shouldSendTheGreetingSmsOnceThroughTheOutboxWithoutAnyOffer() {
		Customer customer = customer("manager1");
		ProcessInstance instance = open(customer);

		kit.complete(instance, Map.of(BirthdayProcess.CHANNEL, "SMS"));

		assertThat(instance).isWaitingAt(BirthdayProcess.TIMER_SMS_IN_CALLING_HOURS);
		Assertions.assertThat(job(BirthdayProcess.TIMER_SMS_IN_CALLING_HOURS, instance).getDuedate())
				.as("in calling hours: at once").isEqualTo(at("2026-12-03T10:00"));
		execute(job(BirthdayProcess.TIMER_SMS_IN_CALLING_HOURS, instance));
		execute(job(BirthdayProcess.SERVICE_SEND_SMS, instance));

		assertThat(instance).isEnded().hasPassed(BirthdayProcess.END_GREETED_BY_SMS);
		long caseId = kit.caseOf(instance).getId();
		Assertions.assertThat(sms.sentTo(customer.getServiceNo())).singleElement().satisfies(message -> Assertions
				.assertThat(message.text())
				.isEqualTo("尊敬的" + customer.getName() + "：值此生日之际，您的电话经理王芳祝您生日快乐，身体健康，万事如意！回复TD退订"));
		OutboxMessage sent = outbox.findByMessageKey(SendBirthdaySms.key(caseId)).orElseThrow();
		Assertions.assertThat(sent.getStatus()).isEqualTo(OutboxMessage.Status.SENT);
		Assertions.assertThat(sent.getBody()).doesNotContain("元").doesNotContain("优惠").doesNotContain("套餐");
		Assertions.assertThat(contacts.findByCaseIdOrderByAttemptedAt(caseId)).singleElement().satisfies(contact -> {
			Assertions.assertThat(contact.getChannel()).isEqualTo(ContactChannel.SMS);
			Assertions.assertThat(contact.getOutcome()).isEqualTo("SENT");
			Assertions.assertThat(contact.getNotes()).isEqualTo("生日祝福短信");
		});
		Assertions.assertThat(kit.caseOf(instance).getOutcomeReason()).isEqualTo("短信祝福");
		Assertions.assertThat(greetingOf(instance).getChannel()).isEqualTo(BirthdayGreeting.Channel.SMS);
		Assertions.assertThat(greetingOf(instance).getGreetedAt()).isNotNull();
	}

	@Test
	void shouldRetryAFailedSmsAndSendItOnce() {
		Customer customer = customer("manager1");
		ProcessInstance instance = open(customer);
		kit.complete(instance, Map.of(BirthdayProcess.CHANNEL, "SMS"));
		execute(job(BirthdayProcess.TIMER_SMS_IN_CALLING_HOURS, instance));
		sms.failNext(1);

		assertThatThrownBy(() -> execute(job(BirthdayProcess.SERVICE_SEND_SMS, instance))).isNotNull();
		assertThat(instance).isWaitingAt(BirthdayProcess.SERVICE_SEND_SMS);
		execute(job(BirthdayProcess.SERVICE_SEND_SMS, instance));

		assertThat(instance).isEnded().hasPassed(BirthdayProcess.END_GREETED_BY_SMS);
		Assertions.assertThat(sms.sentTo(customer.getServiceNo())).hasSize(1);
	}

	@Test
	void shouldSendNoSmsToACustomerWhoOptedOutButLogIt() {
		Customer customer = customer("manager1");
		customer.optOutOfSms(LocalDateTime.of(2026, 11, 1, 12, 0), "TD");
		customers.saveAndFlush(customer);
		ProcessInstance instance = open(customer);

		kit.complete(instance, Map.of(BirthdayProcess.CHANNEL, "SMS"));
		execute(job(BirthdayProcess.TIMER_SMS_IN_CALLING_HOURS, instance));
		execute(job(BirthdayProcess.SERVICE_SEND_SMS, instance));

		assertThat(instance).isEnded().hasPassed(BirthdayProcess.END_GREETED_BY_SMS);
		Assertions.assertThat(sms.sentTo(customer.getServiceNo())).isEmpty();
		Assertions.assertThat(contacts.findByCaseIdOrderByAttemptedAt(kit.caseOf(instance).getId()))
				.extracting(ContactAttempt::getOutcome).containsExactly("OPTED_OUT");
	}

	@Test
	void shouldSendTheSmsWhenTheCallDidNotGetThroughAtTheNextCallingTime() {
		Customer customer = customer("manager1");
		ProcessInstance instance = open(customer);
		kit.moveClockTo("2026-12-03T20:30");

		kit.complete(instance, Map.of(BirthdayProcess.CHANNEL, "PHONE", BirthdayProcess.REACHED, false));

		assertThat(instance).isWaitingAt(BirthdayProcess.TIMER_SMS_IN_CALLING_HOURS);
		Assertions.assertThat(job(BirthdayProcess.TIMER_SMS_IN_CALLING_HOURS, instance).getDuedate())
				.as("never outside calling hours").isEqualTo(at("2026-12-04T09:00"));
		Assertions.assertThat(sms.sentTo(customer.getServiceNo())).isEmpty();
		kit.moveClockTo("2026-12-04T09:00");
		execute(job(BirthdayProcess.TIMER_SMS_IN_CALLING_HOURS, instance));
		execute(job(BirthdayProcess.SERVICE_SEND_SMS, instance));

		assertThat(instance).isEnded().hasPassed(BirthdayProcess.END_GREETED_BY_SMS);
		Assertions.assertThat(sms.sentTo(customer.getServiceNo())).hasSize(1);
		Assertions.assertThat(contacts.findByCaseIdOrderByAttemptedAt(kit.caseOf(instance).getId()))
				.extracting(ContactAttempt::getChannel, ContactAttempt::getOutcome)
				.containsExactly(Assertions.tuple(ContactChannel.PHONE, "UNREACHABLE"),
						Assertions.tuple(ContactChannel.SMS, "SENT"));
		Assertions.assertThat(kit.caseOf(instance).getOutcomeReason()).isEqualTo("电话未接通, 短信祝福");
		Assertions.assertThat(greetingOf(instance).getReached()).isFalse();
	}

	@Test
	void shouldEscalateAnOverdueGreetingToTheSupervisorAndMailThem() {
		ProcessInstance instance = open(customer("manager1"));
		kit.moveClockTo("2026-12-03T20:01");

		execute(job(BirthdayProcess.BOUNDARY_GREETING_OVERDUE, instance));
		execute(job(BirthdayProcess.SERVICE_RECORD_ESCALATION, instance));

		assertThat(instance).isWaitingAt(BirthdayProcess.TASK_GREETING, BirthdayProcess.TASK_ESCALATION_REVIEW,
				BirthdayProcess.SERVICE_MAIL_SUPERVISOR);
		Assertions.assertThat(kit.caseOf(instance).getEscalations()).isOne();
		Assertions.assertThat(kit.task(instance, BirthdayProcess.TASK_ESCALATION_REVIEW).getAssignee())
				.isEqualTo("supervisor1");
		execute(job(BirthdayProcess.SERVICE_MAIL_SUPERVISOR, instance));
		Assertions.assertThat(mail.getReceivedMessagesForDomain("supervisor1@retention-desk.example.cn")).isNotEmpty();

		taskService.complete(kit.task(instance, BirthdayProcess.TASK_ESCALATION_REVIEW).getId(),
				Map.of("escalationAction", "REMINDED_MANAGER"));
		kit.complete(instance, Map.of(BirthdayProcess.CHANNEL, "PHONE", BirthdayProcess.REACHED, true));
		assertThat(instance).isEnded().hasPassed(BirthdayProcess.END_ESCALATION_HANDLED,
				BirthdayProcess.END_GREETED_BY_PHONE);
	}

	@Test
	void shouldEndExpiredWhenNobodyGreetedByTheEndOfTheNextWorkingDay() {
		ProcessInstance instance = open(customer("manager1"));
		Assertions.assertThat(job(BirthdayProcess.BOUNDARY_GREETING_EXPIRED, instance).getDuedate())
				.isEqualTo(at("2026-12-04T20:00"));
		kit.moveClockTo("2026-12-04T20:01");

		execute(job(BirthdayProcess.BOUNDARY_GREETING_EXPIRED, instance));

		assertThat(instance).isEnded().hasPassed(BirthdayProcess.END_GREETING_EXPIRED)
				.hasNotPassed(BirthdayProcess.END_GREETED_BY_PHONE);
		Assertions.assertThat(kit.caseOf(instance).getOutcome()).isEqualTo(CaseOutcome.EXPIRED);
		Assertions.assertThat(kit.caseOf(instance).getOutcomeReason()).isEqualTo("生日祝福未在期限内完成");
		Assertions.assertThat(greetingOf(instance).getGreetedAt()).isNull();
	}

	@Test
	void shouldRefuseAnIncompleteOrContradictoryForm() {
		ProcessInstance instance = open(customer("manager1"));

		assertRejected(instance, Map.of(), "请选择“祝福方式”");
		assertRejected(instance, Map.of(BirthdayProcess.CHANNEL, "EMAIL"), "“祝福方式”的值无效: EMAIL");
		assertRejected(instance, Map.of(BirthdayProcess.CHANNEL, "PHONE"), "电话祝福时请填写“电话已接通”");
		assertRejected(instance, Map.of(BirthdayProcess.CHANNEL, "SMS", BirthdayProcess.REACHED, true),
				"选择短信祝福时不要勾选“电话已接通”(已接通请选择电话祝福)");
		assertRejected(instance, Map.of(BirthdayProcess.CHANNEL, "PHONE", BirthdayProcess.REACHED, "maybe"),
				"“电话已接通”的值无效: maybe");
		Map<String, Object> longNote = new HashMap<>(Map.of(BirthdayProcess.CHANNEL, "PHONE", BirthdayProcess.REACHED, true));
		longNote.put(BirthdayProcess.NOTE, "祝".repeat(501));
		assertRejected(instance, longNote, "“备注”不能超过500个字");

		assertThat(instance).isWaitingAt(BirthdayProcess.TASK_GREETING);
		Assertions.assertThat(contacts.findByCaseIdOrderByAttemptedAt(kit.caseOf(instance).getId())).isEmpty();
		Assertions.assertThat(greetingOf(instance).getGreetedAt()).isNull();
	}

	private void assertRejected(ProcessInstance instance, Map<String, Object> form, String message) {
		assertThatThrownBy(() -> kit.complete(instance, form)).isInstanceOf(FormRejectedException.class)
				.hasMessage("表单有误: " + message);
	}

	@Test
	void shouldShowEachManagersBirthdayGreetingRateForThePeriodOnTheDashboard() {
		// Thursday 10 December 2026: manager2 greets one of two, manager3 all, manager4 has none due
		kit.moveClockTo("2026-12-10T10:00");
		LocalDate birthday = LocalDate.of(2026, 12, 10);
		ProcessInstance greeted = kit.instanceOf(birthdays.open(customer("manager2"), birthday, null));
		kit.instanceOf(birthdays.open(customer("manager2"), birthday, null));
		ProcessInstance ofManager3 = kit.instanceOf(birthdays.open(customer("manager3"), birthday, null));
		kit.complete(greeted, Map.of(BirthdayProcess.CHANNEL, "PHONE", BirthdayProcess.REACHED, true));
		kit.complete(ofManager3, Map.of(BirthdayProcess.CHANNEL, "PHONE", BirthdayProcess.REACHED, false));

		@SuppressWarnings("unchecked")
		ResponseEntity<Map<String, Object>> kpi = (ResponseEntity<Map<String, Object>>) (ResponseEntity<?>) http
				.withBasicAuth("supervisor1", Fixtures.PASSWORD)
				.getForEntity("/api/kpi?from=2026-12-10&to=2026-12-10&team=team1", Map.class);

		Assertions.assertThat(kpi.getStatusCode()).isEqualTo(HttpStatus.OK);
		@SuppressWarnings("unchecked")
		List<Map<String, Object>> managers = (List<Map<String, Object>>) kpi.getBody().get("managers");
		Assertions.assertThat(rateOf(managers, "manager2")).isEqualTo(0.5);
		Assertions.assertThat(rateOf(managers, "manager3")).as("an unreached call is a greeting recorded").isEqualTo(1.0);
		Assertions.assertThat(managers).filteredOn(m -> "manager4".equals(m.get("managerId"))).singleElement()
				.satisfies(m -> Assertions.assertThat(m).containsEntry("birthdayGreetingRate", null));
		@SuppressWarnings("unchecked")
		List<Map<String, Object>> caseTypes = (List<Map<String, Object>>) kpi.getBody().get("caseTypes");
		Assertions.assertThat(caseTypes).anySatisfy(type -> Assertions.assertThat(type)
				.containsEntry("caseType", "BIRTHDAY_GREETING").containsEntry("label", "客户生日祝福"));
	}

	private static Object rateOf(List<Map<String, Object>> managers, String managerId) {
		return managers.stream().filter(m -> managerId.equals(m.get("managerId"))).findFirst().orElseThrow()
				.get("birthdayGreetingRate");
	}
}
