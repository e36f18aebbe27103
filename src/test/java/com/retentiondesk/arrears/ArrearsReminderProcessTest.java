package com.retentiondesk.arrears;

import static com.retentiondesk.CaseTestKit.at;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.retentiondesk.CaseTestKit;
import com.retentiondesk.DeskTest;
import com.retentiondesk.Fixtures;
import com.retentiondesk.RecordingSmsGateway;
import com.retentiondesk.TestMail;
import com.retentiondesk.handover.PaymentBooking;
import com.retentiondesk.casework.CaseOutcome;
import com.retentiondesk.casework.FormRejectedException;
import com.retentiondesk.casework.RetentionCase;
import com.retentiondesk.casework.Staff;
import com.retentiondesk.contact.ContactAttempt;
import com.retentiondesk.contact.ContactAttempts;
import com.retentiondesk.customer.Customer;
import com.retentiondesk.customer.CustomerData;
import com.retentiondesk.customer.Customers;

/** Every path and timer of ArrearsReminderProcess (processes/arrears-reminder.bpmn). */
@DeskTest
class ArrearsReminderProcessTest {

	@RegisterExtension
	static GreenMailExtension mail = new GreenMailExtension(TestMail.SMTP);

	/** Wednesday 25 November 2026, 08:30 in Shanghai: a working day, before calling hours. */
	private static final ZonedDateTime NOW = ZonedDateTime.parse("2026-11-25T08:30:00+08:00[Asia/Shanghai]");

	@RegisterExtension
	static final CaseTestKit kit = CaseTestKit.clockAt(NOW).customersNumbered("ARP")
			.callTasks(ArrearsProcess.TASK_FIRST_CALL, ArrearsProcess.TASK_SECOND_CALL);

	@Autowired
	ProcessEngine engine;
	@Autowired
	ArrearsCases arrears;
	@Autowired
	PaymentBooking payments;
	@Autowired
	Customers customers;
	@Autowired
	ContactAttempts contacts;
	@Autowired
	RecordingSmsGateway sms;
	@Autowired
	TaskService taskService;
	@Autowired
	ManagementService management;

	@Test
	void shouldWaitForTheManagersCallDueTheSameWorkingDay() {
		ProcessInstance instance = open(Fixtures.prepaid(kit.newCustomerNo(), "5.00", "manager1"));

		assertThat(instance).isWaitingAt(ArrearsProcess.TASK_FIRST_CALL);
		Task call = kit.call(instance);
		org.assertj.core.api.Assertions.assertThat(call.getAssignee()).isEqualTo("manager1");
		org.assertj.core.api.Assertions.assertThat(call.getName()).isEqualTo("欠费提醒电话");
		org.assertj.core.api.Assertions.assertThat(call.getDueDate())
				.isEqualTo(Date.from(NOW.withHour(20).withMinute(0).toInstant()));
		org.assertj.core.api.Assertions.assertThat(taskService.getIdentityLinksForTask(call.getId()))
				.extracting(IdentityLink::getGroupId).contains("team1");
		org.assertj.core.api.Assertions.assertThat(kit.brief(instance.getId())).contains("余额: ¥5.00").contains("最近联系: 无");
	}

	@Test
	void shouldEndAsPaidWhenPaymentArrivesBeforeTheCall() {
		String customerNo = kit.newCustomerNo();
		ProcessInstance instance = open(Fixtures.prepaid(customerNo, "5.00", "manager1"));

		PaymentBooking.Result result = payments.book(customerNo, new BigDecimal("50"), OffsetDateTime.now());

		assertThat(instance).isEnded().hasPassed(ArrearsProcess.END_PAID)
				.hasNotPassed(ArrearsProcess.TIMER_FOLLOW_UP);
		org.assertj.core.api.Assertions.assertThat(kit.openTasks(instance)).isZero();
		RetentionCase file = kit.caseOf(instance);
		org.assertj.core.api.Assertions.assertThat(file.getOutcome()).isEqualTo(CaseOutcome.PAID);
		org.assertj.core.api.Assertions.assertThat(file.isOpen()).isFalse();
		org.assertj.core.api.Assertions.assertThat(result.casesClosed()).containsExactly(file.getId());
		org.assertj.core.api.Assertions.assertThat(customers.findById(customerNo).orElseThrow().getBalance())
				.isEqualByComparingTo("55.00");
	}

	@Test
	void shouldWaitForPaymentAfterTheFirstCallAndEndPaid() {
		String customerNo = kit.newCustomerNo();
		ProcessInstance instance = open(Fixtures.prepaid(customerNo, "5.00", "manager1"));

		completeCall(instance, "REACHED", null, "WECHAT", "客户说今天就充");

		assertThat(instance).isWaitingAt(ArrearsProcess.TIMER_FOLLOW_UP);
		// three days later is Saturday 28 November: the follow-up moves to Monday 09:00
		org.assertj.core.api.Assertions.assertThat(job(ArrearsProcess.TIMER_FOLLOW_UP, instance).getDuedate())
				.isEqualTo(at("2026-11-30T09:00"));
		List<ContactAttempt> log = contacts.findByCaseIdOrderByAttemptedAt(kit.caseOf(instance).getId());
		org.assertj.core.api.Assertions.assertThat(log).singleElement().satisfies(attempt -> {
			org.assertj.core.api.Assertions.assertThat(attempt.getOutcome()).isEqualTo("REACHED");
			org.assertj.core.api.Assertions.assertThat(attempt.getManagerId()).isEqualTo("manager1");
			org.assertj.core.api.Assertions.assertThat(attempt.getNotes()).isEqualTo("客户说今天就充");
		});

		payments.book(customerNo, new BigDecimal("30.00"), OffsetDateTime.now());

		assertThat(instance).isEnded().hasPassed(ArrearsProcess.TASK_FIRST_CALL, ArrearsProcess.END_PAID)
				.hasNotPassed(ArrearsProcess.TASK_SECOND_CALL);
		org.assertj.core.api.Assertions.assertThat(kit.caseOf(instance).getOutcome()).isEqualTo(CaseOutcome.PAID);
	}

	@Test
	void shouldCallASecondTimeWhenNoPaymentArrivesThenEndPaid() {
		String customerNo = kit.newCustomerNo();
		ProcessInstance instance = open(Fixtures.postpaid(customerNo, 2, "manager5"));
		completeCall(instance, "NOT_REACHED", null, null, null);

		execute(job(ArrearsProcess.TIMER_FOLLOW_UP, instance));

		assertThat(instance).isWaitingAt(ArrearsProcess.TASK_SECOND_CALL);
		Task second = kit.call(instance);
		org.assertj.core.api.Assertions.assertThat(second.getName()).isEqualTo("二次欠费提醒电话");
		org.assertj.core.api.Assertions.assertThat(second.getAssignee()).isEqualTo("manager5");
		org.assertj.core.api.Assertions.assertThat(second.getDueDate())
				.isEqualTo(at("2026-11-30T20:00"));
		// the form starts empty again and the brief shows the first attempt
		org.assertj.core.api.Assertions.assertThat(taskService.getVariable(second.getId(), "callOutcome")).isNull();
		org.assertj.core.api.Assertions.assertThat(kit.briefOfTask(second.getId()))
				.contains("NOT_REACHED").contains("欠费金额: ¥120.00");

		payments.book(customerNo, new BigDecimal("120.00"), OffsetDateTime.now());

		assertThat(instance).isEnded().hasPassed(ArrearsProcess.TIMER_FOLLOW_UP, ArrearsProcess.TASK_SECOND_CALL,
				ArrearsProcess.END_PAID);
		Customer customer = customers.findById(customerNo).orElseThrow();
		org.assertj.core.api.Assertions.assertThat(customer.getArrearsMonths()).isZero();
	}

	@Test
	void shouldEndUnpaidAfterTheFinalWait() {
		ProcessInstance instance = open(Fixtures.prepaid(kit.newCustomerNo(), "1.00", "manager2"));
		completeCall(instance, "NOT_REACHED", null, null, null);
		execute(job(ArrearsProcess.TIMER_FOLLOW_UP, instance));
		completeCall(instance, "REACHED", null, "HALL", "客户表示下周去营业厅");

		assertThat(instance).isWaitingAt(ArrearsProcess.TIMER_FINAL_WAIT);
		execute(job(ArrearsProcess.TIMER_FINAL_WAIT, instance));

		assertThat(instance).isEnded().hasPassed(ArrearsProcess.TASK_SECOND_CALL, ArrearsProcess.END_UNPAID);
		RetentionCase file = kit.caseOf(instance);
		org.assertj.core.api.Assertions.assertThat(file.getOutcome()).isEqualTo(CaseOutcome.UNPAID);
		org.assertj.core.api.Assertions.assertThat(file.getClosedAt()).isNotNull();
		org.assertj.core.api.Assertions.assertThat(contacts.findByCaseIdOrderByAttemptedAt(file.getId()))
				.extracting(ContactAttempt::getOutcome).containsExactly("NOT_REACHED", "REACHED");
	}

	@Test
	void shouldEndTheWholeCaseUnpaidEvenWhileAnEscalationIsOpen() {
		ProcessInstance instance = open(Fixtures.prepaid(kit.newCustomerNo(), "1.00", "manager2"));
		completeCall(instance, "NOT_REACHED", null, null, null);
		execute(job(ArrearsProcess.TIMER_FOLLOW_UP, instance));
		kit.moveClockTo("2026-11-30T20:05");
		execute(job(ArrearsProcess.BOUNDARY_SECOND_CALL_OVERDUE, instance));
		execute(job(ArrearsProcess.SERVICE_RECORD_ESCALATION, instance));
		completeCall(instance, "NOT_REACHED", null, null, "晚上才接通不了");

		execute(job(ArrearsProcess.TIMER_FINAL_WAIT, instance));

		assertThat(instance).isEnded().hasPassed(ArrearsProcess.END_UNPAID)
				.hasNotPassed(ArrearsProcess.END_ESCALATION_HANDLED);
		org.assertj.core.api.Assertions.assertThat(kit.openTasks(instance)).isZero();
		org.assertj.core.api.Assertions.assertThat(kit.caseOf(instance).getOutcome()).isEqualTo(CaseOutcome.UNPAID);
	}

	@Test
	void shouldEndSuspendedWhenTheLineIsSuspended() {
		String customerNo = kit.newCustomerNo();
		ProcessInstance instance = open(Fixtures.prepaid(customerNo, "2.00", "manager3"));

		arrears.lineSuspended(customerNo);

		assertThat(instance).isEnded().hasPassed(ArrearsProcess.END_SUSPENDED);
		org.assertj.core.api.Assertions.assertThat(kit.caseOf(instance).getOutcome()).isEqualTo(CaseOutcome.SUSPENDED);
	}

	@Test
	void shouldMoveTheSecondReminderToTheDayAfterThePromisedDate() {
		ProcessInstance instance = open(Fixtures.prepaid(kit.newCustomerNo(), "5.00", "manager1"));

		completeCall(instance, "REACHED", "2026-12-02", "ALIPAY", null);

		org.assertj.core.api.Assertions.assertThat(job(ArrearsProcess.TIMER_FOLLOW_UP, instance).getDuedate())
				.isEqualTo(at("2026-12-03T09:00"));
		execute(job(ArrearsProcess.TIMER_FOLLOW_UP, instance));
		org.assertj.core.api.Assertions.assertThat(kit.call(instance).getDueDate())
				.isEqualTo(at("2026-12-03T20:00"));
	}

	@Test
	void shouldEscalateAnOverdueCallToTheSupervisorAndKeepTheManagersTask() throws Exception {
		ProcessInstance instance = open(Fixtures.prepaid(kit.newCustomerNo(), "5.00", "manager1"));
		Task call = kit.call(instance);
		kit.moveClockTo(NOW.withHour(20).withMinute(1));

		execute(job(ArrearsProcess.BOUNDARY_FIRST_CALL_OVERDUE, instance));
		execute(job(ArrearsProcess.SERVICE_RECORD_ESCALATION, instance));
		execute(job(ArrearsProcess.SERVICE_MAIL_SUPERVISOR, instance));

		assertThat(instance).isWaitingAt(ArrearsProcess.TASK_FIRST_CALL, ArrearsProcess.TASK_ESCALATION_REVIEW);
		org.assertj.core.api.Assertions.assertThat(taskService.createTaskQuery().taskId(call.getId()).count()).isOne();
		Task review = kit.task(instance, ArrearsProcess.TASK_ESCALATION_REVIEW);
		org.assertj.core.api.Assertions.assertThat(review.getAssignee()).isEqualTo("supervisor1");
		org.assertj.core.api.Assertions.assertThat(kit.caseOf(instance).getEscalations()).isOne();

		MimeMessage[] received = mail.getReceivedMessagesForDomain("supervisor1@retention-desk.example.cn");
		org.assertj.core.api.Assertions.assertThat(received).hasSize(1);
		org.assertj.core.api.Assertions.assertThat(received[0].getSubject()).startsWith("【逾期升级】欠费提醒电话");
		org.assertj.core.api.Assertions.assertThat(GreenMailUtil.getBody(received[0])).isNotBlank();

		// the supervisor finds it in 已升级; a manager of the team does not
		org.assertj.core.api.Assertions.assertThat(escalatedTasksSeenBy("supervisor1", "supervisors", "team1", "team1-supervisors"))
				.extracting(Task::getId).contains(review.getId());
		// offered to the team's supervisors, not to every supervisor: team2's does not see it (issue 24, finding 3)
		org.assertj.core.api.Assertions.assertThat(taskService.getIdentityLinksForTask(review.getId()))
				.extracting(org.camunda.bpm.engine.task.IdentityLink::getGroupId).contains("team1-supervisors")
				.doesNotContain("supervisors");
		org.assertj.core.api.Assertions.assertThat(escalatedTasksSeenBy("supervisor2", "supervisors", "team2", "team2-supervisors"))
				.extracting(Task::getId).doesNotContain(review.getId());

		taskService.complete(review.getId(), Map.of("escalationAction", "REMINDED_MANAGER"));
		assertThat(instance).hasPassed(ArrearsProcess.END_ESCALATION_HANDLED)
				.isWaitingAt(ArrearsProcess.TASK_FIRST_CALL);
	}

	@Test
	void shouldEscalateAnOverdueSecondCall() {
		ProcessInstance instance = open(Fixtures.prepaid(kit.newCustomerNo(), "5.00", "manager1"));
		completeCall(instance, "NOT_REACHED", null, null, null);
		execute(job(ArrearsProcess.TIMER_FOLLOW_UP, instance));
		kit.moveClockTo("2026-11-30T20:05");

		execute(job(ArrearsProcess.BOUNDARY_SECOND_CALL_OVERDUE, instance));
		execute(job(ArrearsProcess.SERVICE_RECORD_ESCALATION, instance));

		assertThat(instance).isWaitingAt(ArrearsProcess.TASK_SECOND_CALL, ArrearsProcess.TASK_ESCALATION_REVIEW);
		org.assertj.core.api.Assertions.assertThat(kit.caseOf(instance).getEscalations()).isOne();
	}

	@Test
	void shouldGiveTheSupervisorTheEscalationAtOnceWhileTheMailServerIsDown() {
		ProcessInstance instance = open(Fixtures.prepaid(kit.newCustomerNo(), "5.00", "manager1"));
		kit.moveClockTo(NOW.withHour(20).withMinute(1));
		mail.stop();

		execute(job(ArrearsProcess.BOUNDARY_FIRST_CALL_OVERDUE, instance));
		execute(job(ArrearsProcess.SERVICE_RECORD_ESCALATION, instance));

		assertThat(instance).isWaitingAt(ArrearsProcess.TASK_FIRST_CALL, ArrearsProcess.TASK_ESCALATION_REVIEW,
				ArrearsProcess.SERVICE_MAIL_SUPERVISOR);
		org.assertj.core.api.Assertions.assertThat(kit.task(instance, ArrearsProcess.TASK_ESCALATION_REVIEW).getAssignee())
				.isEqualTo("supervisor1");
		Job mailJob = job(ArrearsProcess.SERVICE_MAIL_SUPERVISOR, instance);
		assertThatThrownBy(() -> management.executeJob(mailJob.getId())).hasMessageContaining("could not send EMAIL");

		// the mail server is back: the retry sends the mail once
		mail.start();
		management.executeJob(mailJob.getId());
		org.assertj.core.api.Assertions.assertThat(mail.getReceivedMessagesForDomain("supervisor1@retention-desk.example.cn"))
				.hasSize(1);
		assertThat(instance).hasPassed(ArrearsProcess.SERVICE_MAIL_SUPERVISOR).isWaitingAt(ArrearsProcess.TASK_ESCALATION_REVIEW);
	}

	@Test
	void shouldRemindATierOneCustomerOnTwoWorkingDaysInCallingHoursThenCall() {
		String customerNo = kit.newCustomerNo();
		String email = customerNo.toLowerCase() + "@customer.example.cn";
		ProcessInstance instance = open(Fixtures.cdmaTier1(customerNo, "3.00", "manager1", email));
		String phone = customers.findById(customerNo).orElseThrow().getServiceNo();

		// opened by the 08:00 scan: the first reminder at 09:00, the second the next working day, the call the day after
		assertThat(instance).isWaitingAt(ArrearsProcess.TIMER_FIRST_CALL_TIME, ArrearsProcess.TIMER_AUTO_REMINDER_DUE);
		org.assertj.core.api.Assertions.assertThat(jobs(ArrearsProcess.TIMER_AUTO_REMINDER_DUE, instance))
				.extracting(Job::getDuedate).containsExactlyInAnyOrder(at("2026-11-25T09:00"), at("2026-11-26T09:00"));
		org.assertj.core.api.Assertions.assertThat(job(ArrearsProcess.TIMER_FIRST_CALL_TIME, instance).getDuedate())
				.isEqualTo(at("2026-11-27T09:00"));

		sendReminders(instance);

		org.assertj.core.api.Assertions.assertThat(sms.sentTo(phone)).hasSize(2);
		org.assertj.core.api.Assertions.assertThat(sms.sentTo(phone).get(0).text()).contains("余额为3.00元");
		org.assertj.core.api.Assertions.assertThat(mail.getReceivedMessagesForDomain(email)).hasSize(2);
		org.assertj.core.api.Assertions.assertThat(contacts.findByCaseIdOrderByAttemptedAt(kit.caseOf(instance).getId()))
				.hasSize(4).allSatisfy(contact -> org.assertj.core.api.Assertions.assertThat(contact.getManagerId())
						.isEqualTo(Staff.SYSTEM))
				.extracting(ContactAttempt::getNotes)
				.containsExactlyInAnyOrder("第1次自动提醒短信", "第1次自动提醒邮件", "第2次自动提醒短信", "第2次自动提醒邮件");
		assertThat(instance).hasPassed(ArrearsProcess.END_AUTO_REMINDERS_DONE).hasNotPassed(ArrearsProcess.TASK_FIRST_CALL);

		kit.moveClockTo("2026-11-27T09:00");
		execute(job(ArrearsProcess.TIMER_FIRST_CALL_TIME, instance));

		Task call = kit.call(instance);
		org.assertj.core.api.Assertions.assertThat(call.getAssignee()).isEqualTo("manager1");
		org.assertj.core.api.Assertions.assertThat(call.getDueDate()).isEqualTo(at("2026-11-27T20:00"));
		org.assertj.core.api.Assertions.assertThat(kit.brief(instance.getId()))
				.contains("自动提醒: 第1次 短信已发出 邮件已发出; 第2次 短信已发出 邮件已发出")
				.contains("系统 SENT: 第2次自动提醒邮件");
	}

	@Test
	void shouldCallATierOneCustomerOnTimeWhileTheMailServerIsDownAndKeepTheFailedRemindersAsIncidents() {
		String customerNo = kit.newCustomerNo();
		ProcessInstance instance = open(Fixtures.cdmaTier1(customerNo, "3.00", "manager2",
				customerNo.toLowerCase() + "@customer.example.cn"));
		String phone = customers.findById(customerNo).orElseThrow().getServiceNo();
		mail.stop();

		sendReminders(instance);

		// the SMS went out; each e-mail used up its retries and is an incident of its own step
		org.assertj.core.api.Assertions.assertThat(sms.sentTo(phone)).hasSize(2);
		org.assertj.core.api.Assertions.assertThat(engine.getRuntimeService().createIncidentQuery()
				.processInstanceId(instance.getId()).activityId(ArrearsProcess.SERVICE_AUTO_REMINDER_EMAIL).count()).isEqualTo(2);

		kit.moveClockTo("2026-11-27T09:00");
		execute(job(ArrearsProcess.TIMER_FIRST_CALL_TIME, instance));

		assertThat(instance).isWaitingAt(ArrearsProcess.TASK_FIRST_CALL, ArrearsProcess.SERVICE_AUTO_REMINDER_EMAIL);
		org.assertj.core.api.Assertions.assertThat(kit.call(instance).getAssignee()).isEqualTo("manager2");
		org.assertj.core.api.Assertions.assertThat(kit.brief(instance.getId()))
				.contains("自动提醒: 第1次 短信已发出 邮件发送失败; 第2次 短信已发出 邮件发送失败");
		org.assertj.core.api.Assertions.assertThat(contacts.findByCaseIdOrderByAttemptedAt(kit.caseOf(instance).getId()))
				.extracting(ContactAttempt::getChannel).extracting(Enum::name).containsExactly("SMS", "SMS");

		// a payment ends the case, failed reminders and all
		payments.book(customerNo, new BigDecimal("50.00"), OffsetDateTime.now());
		assertThat(instance).isEnded().hasPassed(ArrearsProcess.END_PAID);
		org.assertj.core.api.Assertions.assertThat(engine.getRuntimeService().createIncidentQuery()
				.processInstanceId(instance.getId()).count()).isZero();
	}

	@Test
	void shouldSendEachReminderExactlyOnceEvenWhenItsJobIsRetried() throws Exception {
		String customerNo = kit.newCustomerNo();
		ProcessInstance instance = open(Fixtures.cdmaTier1(customerNo, "3.00", "manager1", null));
		String phone = customers.findById(customerNo).orElseThrow().getServiceNo();
		execute(jobs(ArrearsProcess.TIMER_AUTO_REMINDER_DUE, instance).get(0));
		Job smsJob = job(ArrearsProcess.SERVICE_AUTO_REMINDER_SMS, instance);

		sms.failNext(1);
		assertThatThrownBy(() -> management.executeJob(smsJob.getId())).hasMessageContaining("SMS");
		org.assertj.core.api.Assertions.assertThat(management.createJobQuery().jobId(smsJob.getId()).singleResult()
				.getRetries()).isEqualTo(4);
		management.executeJob(smsJob.getId());
		// without an address the e-mail step sends nothing
		execute(job(ArrearsProcess.SERVICE_AUTO_REMINDER_EMAIL, instance));

		org.assertj.core.api.Assertions.assertThat(sms.sentTo(phone)).hasSize(1);
		org.assertj.core.api.Assertions.assertThat(contacts.findByCaseIdOrderByAttemptedAt(kit.caseOf(instance).getId()))
				.extracting(ContactAttempt::getChannel).extracting(Enum::name).containsExactly("SMS");
	}

	@Test
	void shouldSkipTheAutomaticReminderForOtherCustomers() {
		ProcessInstance instance = open(Fixtures.prepaid(kit.newCustomerNo(), "3.00", "manager1"));

		assertThat(instance).hasNotPassed(ArrearsProcess.SUBPROCESS_AUTO_REMINDERS)
				.isWaitingAt(ArrearsProcess.TASK_FIRST_CALL);
	}

	private List<Job> jobs(String activityId, ProcessInstance instance) {
		return management.createJobQuery().processInstanceId(instance.getId()).activityId(activityId).list();
	}

	/** Fires both reminders' timers and runs each reminder step until it succeeds or its retries are used up. */
	private void sendReminders(ProcessInstance instance) {
		jobs(ArrearsProcess.TIMER_AUTO_REMINDER_DUE, instance).forEach(timer -> execute(timer));
		for (String step : List.of(ArrearsProcess.SERVICE_AUTO_REMINDER_SMS, ArrearsProcess.SERVICE_AUTO_REMINDER_EMAIL)) {
			for (Job reminder : jobs(step, instance)) {
				for (int attempt = 0; attempt < 5; attempt++) {
					try {
						management.executeJob(reminder.getId());
						break;
					} catch (RuntimeException failed) {
						// retried, as the job executor would after R5/PT10M's ten minutes
					}
				}
			}
		}
	}

	@Test
	void shouldRejectAnIncompleteCallFormInChineseAndSaveNothing() {
		ProcessInstance instance = open(Fixtures.prepaid(kit.newCustomerNo(), "5.00", "manager1"));
		Task call = kit.call(instance);

		assertThatThrownBy(() -> taskService.complete(call.getId(), Map.of("callOutcome", "REACHED")))
				.isInstanceOf(FormRejectedException.class).hasMessageContaining("建议的缴费渠道");
		assertThatThrownBy(() -> taskService.complete(call.getId(),
				Map.of("callOutcome", "REACHED", "paymentChannel", "WECHAT", "promisedPaymentDate", "2026-11-20")))
				.isInstanceOf(FormRejectedException.class).hasMessageContaining("承诺缴费日期")
				.hasMessageContaining("2026-11-20 早于今天 (2026-11-25)");
		assertThatThrownBy(() -> taskService.complete(call.getId(), Map.of()))
				.isInstanceOf(FormRejectedException.class).hasMessageContaining("是否接通");

		assertThat(instance).isWaitingAt(ArrearsProcess.TASK_FIRST_CALL);
		org.assertj.core.api.Assertions.assertThat(contacts.findByCaseIdOrderByAttemptedAt(kit.caseOf(instance).getId()))
				.isEmpty();
	}

	private List<Task> escalatedTasksSeenBy(String user, String... groups) {
		IdentityService identity = engine.getIdentityService();
		FilterService filters = engine.getFilterService();
		Filter escalated = filters.createFilterQuery().filterName("已升级").singleResult();
		identity.setAuthentication(user, List.of(groups));
		try {
			return filters.list(escalated.getId());
		} finally {
			identity.clearAuthentication();
		}
	}

	private ProcessInstance open(CustomerData data) {
		return kit.instanceOf(arrears.open(kit.saveCustomer(data)));
	}

	private void completeCall(ProcessInstance instance, String outcome, String promised, String channel,
			String notes) {
		Map<String, Object> form = new HashMap<>();
		form.put("callOutcome", outcome);
		form.put("promisedPaymentDate", promised);
		form.put("paymentChannel", channel);
		form.put("callNotes", notes);
		kit.complete(instance, form);
	}
}
