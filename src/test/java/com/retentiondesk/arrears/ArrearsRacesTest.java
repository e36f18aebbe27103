package com.retentiondesk.arrears;

import static com.retentiondesk.JsonRequests.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.retentiondesk.CaseTestKit;
import com.retentiondesk.DeskTest;
import com.retentiondesk.Fixtures;
import com.retentiondesk.TestMail;
import com.retentiondesk.handover.PaymentBooking;
import com.retentiondesk.casework.CaseOutcome;
import com.retentiondesk.casework.RetentionCase;
import com.retentiondesk.contact.ContactAttempts;
import com.retentiondesk.customer.CustomerData;

/**
 * Races of issue #10: a person's request and a timer of the same case in the same moment. The timer
 * side runs in a transaction that the test holds open after the job's work, so the request runs into
 * its uncommitted rows and loses the optimistic lock when the timer commits: deterministic, not a
 * matter of luck. The case must end in one consistent state and the person must not get a 500.
 */
@DeskTest
@ExtendWith(OutputCaptureExtension.class)
class ArrearsRacesTest {

	@RegisterExtension
	static GreenMailExtension mail = new GreenMailExtension(TestMail.SMTP);

	/** Wednesday 25 November 2026, 10:00 in Shanghai: a working day, in calling hours. */
	private static final ZonedDateTime NOW = ZonedDateTime.parse("2026-11-25T10:00:00+08:00[Asia/Shanghai]");
	private static final String CALL_FORM = "{\"variables\":{\"callOutcome\":{\"value\":\"REACHED\"},"
			+ "\"paymentChannel\":{\"value\":\"WECHAT\"}}}";
	/** How long the timer's transaction stays open after its work: the request meets its row locks. */
	private static final long HOLD_MILLIS = 3000;

	private static final ExecutorService timerThread = Executors.newSingleThreadExecutor();

	@RegisterExtension
	static final CaseTestKit kit = CaseTestKit.clockAt(NOW).customersNumbered("RACE")
			.callTasks(ArrearsProcess.TASK_FIRST_CALL);

	@Autowired
	ProcessEngine engine;
	@Autowired
	ArrearsCases arrears;
	@Autowired
	PaymentBooking payments;
	@Autowired
	ContactAttempts contacts;
	@Autowired
	ManagementService management;
	@Autowired
	PlatformTransactionManager transactions;
	@Autowired
	TestRestTemplate http;

	@AfterAll
	static void stopThread() {
		timerThread.shutdownNow();
	}

	@Test
	void shouldCompleteTheCallWhenItsEscalationTimerFiresInTheSameMoment(CapturedOutput output) throws Exception {
		ProcessInstance instance = open(Fixtures.postpaid(kit.newCustomerNo(), 3, "manager1"));
		String callId = kit.call(instance).getId();
		Job escalation = job(instance, ArrearsProcess.BOUNDARY_FIRST_CALL_OVERDUE);

		Future<?> timer = fireHeldOpen(escalation);
		ResponseEntity<String> completed = http.withBasicAuth("manager1", Fixtures.PASSWORD).postForEntity(
				"/engine-rest/task/" + callId + "/complete", json(CALL_FORM), String.class);
		timer.get();

		assertThat(completed.getStatusCode()).as(completed.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(output).as("the completion lost the first time and was run again")
				.contains("CompleteTaskCmd lost to a concurrent update (attempt 1)");
		// both happened, each once: the call is done and logged once, the escalation is under way once
		BpmnAwareTests.assertThat(instance).hasPassed(ArrearsProcess.TASK_FIRST_CALL)
				.isWaitingAt(ArrearsProcess.TIMER_FOLLOW_UP, ArrearsProcess.SERVICE_RECORD_ESCALATION);
		assertThat(contacts.findByCaseIdOrderByAttemptedAt(kit.caseOf(instance).getId())).hasSize(1);
		assertThat(management.createJobQuery().processInstanceId(instance.getId())
				.activityId(ArrearsProcess.SERVICE_RECORD_ESCALATION).count()).isOne();
	}

	@Test
	void shouldEndAsPaidWhenAPaymentArrivesWhileTheSecondReminderTimerFires(CapturedOutput output) throws Exception {
		String customerNo = kit.newCustomerNo();
		ProcessInstance instance = open(Fixtures.postpaid(customerNo, 3, "manager1"));
		completeFirstCall(instance);
		Job followUp = job(instance, ArrearsProcess.TIMER_FOLLOW_UP);

		Future<?> timer = fireHeldOpen(followUp);
		ResponseEntity<Map> paid = http.withBasicAuth("billing", Fixtures.PASSWORD).postForEntity("/api/billing/payments",
				json("{\"customerNo\":\"" + customerNo + "\",\"amount\":361.50,\"paidAt\":\"2026-11-25T10:00:00+08:00\"}"),
				Map.class);
		timer.get();

		assertThat(paid.getStatusCode()).as(String.valueOf(paid.getBody())).isEqualTo(HttpStatus.OK);
		assertThat(paid.getBody()).containsEntry("duplicate", false);
		assertThat(output).contains("payment of " + customerNo + " lost to a concurrent update (attempt 1)");
		// the timer fired first (the second call was created), then the payment ended the case
		BpmnAwareTests.assertThat(instance).isEnded().hasPassed(ArrearsProcess.TASK_SECOND_CALL, ArrearsProcess.END_PAID);
		RetentionCase file = kit.caseOf(instance);
		assertThat(file.getOutcome()).isEqualTo(CaseOutcome.PAID);
		assertThat(file.getAmountRecovered()).isEqualByComparingTo("361.50");
		assertThat(kit.openTasks(instance)).isZero();
	}

	@Test
	void shouldLeaveTheTimerNothingToDoWhenThePaymentCommitsFirst() throws Exception {
		String customerNo = kit.newCustomerNo();
		ProcessInstance instance = open(Fixtures.postpaid(customerNo, 3, "manager1"));
		completeFirstCall(instance);
		Job followUp = job(instance, ArrearsProcess.TIMER_FOLLOW_UP);
		CountDownLatch booked = new CountDownLatch(1);

		Future<?> payment = timerThread.submit(() -> new TransactionTemplate(transactions).executeWithoutResult(tx -> {
			payments.book(customerNo, new BigDecimal("361.50"), OffsetDateTime.now());
			booked.countDown();
			sleep(HOLD_MILLIS);
		}));
		booked.await();
		// the timer loses: the job executor would retry it, and finds the job gone with the ended case
		assertThatThrownBy(() -> management.executeJob(followUp.getId()))
				.isInstanceOf(org.camunda.bpm.engine.ProcessEngineException.class);
		payment.get();

		BpmnAwareTests.assertThat(instance).isEnded().hasPassed(ArrearsProcess.END_PAID)
				.hasNotPassed(ArrearsProcess.TASK_SECOND_CALL);
		assertThat(management.createJobQuery().jobId(followUp.getId()).count()).isZero();
		assertThat(kit.caseOf(instance).getOutcome()).isEqualTo(CaseOutcome.PAID);
	}

	@Test
	void shouldAnswerConflictClearlyWhenTheRetriesRunOut() {
		AtomicInteger attempts = new AtomicInteger();
		ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();

		assertThatThrownBy(() -> configuration.getCommandExecutorTxRequired().execute(context -> {
			attempts.incrementAndGet();
			throw new OptimisticLockingException("always loses");
		})).isInstanceOfSatisfying(RestException.class, e -> {
			assertThat(e.getStatus().getStatusCode()).isEqualTo(409);
			assertThat(e.getMessage()).contains("请刷新后重试").contains("reload and try again");
		});
		assertThat(attempts).hasValue(3);
	}

	/** Executes the job in a transaction that stays open a while after the job's work is flushed. */
	private Future<?> fireHeldOpen(Job job) throws InterruptedException {
		CountDownLatch fired = new CountDownLatch(1);
		Future<?> timer = timerThread.submit(() -> new TransactionTemplate(transactions).executeWithoutResult(tx -> {
			management.executeJob(job.getId());
			fired.countDown();
			sleep(HOLD_MILLIS);
		}));
		fired.await();
		return timer;
	}

	private void completeFirstCall(ProcessInstance instance) {
		kit.complete(instance, Map.of("callOutcome", "REACHED", "paymentChannel", "WECHAT"));
	}

	private Job job(ProcessInstance instance, String activityId) {
		return management.createJobQuery().processInstanceId(instance.getId()).activityId(activityId).singleResult();
	}

	private ProcessInstance open(CustomerData data) {
		return kit.instanceOf(arrears.open(kit.saveCustomer(data)));
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}
}
