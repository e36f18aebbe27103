package com.retentiondesk.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.transaction.PlatformTransactionManager;

import com.retentiondesk.DeskTest;
import com.retentiondesk.Fixtures;
import com.retentiondesk.contact.ContactAttempt;
import com.retentiondesk.contact.ContactAttempts;
import com.retentiondesk.customer.Customer;
import com.retentiondesk.customer.CustomerData;
import com.retentiondesk.customer.Customers;
import com.retentiondesk.notification.Notifications.SmsRequest;
import com.retentiondesk.notification.OutboxMessage.Status;

/**
 * The desk's outbox, receipts and contact log with the SMPP gateway bound to an SMS centre in this JVM
 * ({@link TestSmsc}, jsmpp's server side, a free port), in the shared test context (a second context would
 * register a second process engine named "default" and confuse the other tests' engine REST calls): what
 * reaches the SMS centre (UCS-2, receipts requested, long messages in concatenated parts), the receipts'
 * way into the outbox and the contact log, opt-out replies, throttling and a link that drops.
 */
@DeskTest
class SmppGatewayTest {

	static final TestSmsc SMSC = new TestSmsc();
	static final String SOURCE = "10659999";
	static SmppSmsGateway gateway;

	@AfterAll
	static void stopSmsc() {
		if (gateway != null) {
			gateway.close();
		}
		SMSC.close();
	}

	@Autowired
	Outbox outbox;
	@Autowired
	SmsParts parts;
	@Autowired
	SmsContactLog smsLog;
	@Autowired
	SmsReceipts receipts;
	@Autowired
	PlatformTransactionManager transactions;
	@Autowired
	Clock clock;
	@Autowired
	JavaMailSender mail;
	@Autowired
	Customers customers;
	@Autowired
	ContactAttempts contacts;
	@Autowired
	TestRestTemplate http;
	/** The desk's outbox with the SMPP gateway (the shared test context's gateway is RecordingSmsGateway). */
	Notifications notifications;

	@BeforeEach
	void bindToTheSmsc() {
		synchronized (SmppGatewayTest.class) {
			if (gateway == null) {
				// what SmsGatewayConfiguration builds from SMPP_* (SmsGatewayConfigurationTest), with short times
				gateway = new SmppSmsGateway(new SmppSettings("127.0.0.1", SMSC.port(), TestSmsc.SYSTEM_ID,
						TestSmsc.PASSWORD, SOURCE, "", Duration.ofSeconds(30), Duration.ofSeconds(1), Duration.ofSeconds(5),
						Duration.ofMillis(100), Duration.ofSeconds(1), 10, 1000, 3, Duration.ofMillis(20)), receipts);
				gateway.start();
			}
		}
		notifications = new Notifications(outbox, mail, gateway, parts, smsLog, receipts, transactions, clock,
				"desk@example.cn");
	}

	@Test
	void sendsUcs2WithAReceiptRequestedAndTheReceiptMakesItDelivered() {
		Customer customer = customer("SMPP-1");
		String text = "【温馨提醒】尊敬的客户,您的话费余额不足,请及时缴费。";

		assertThat(send("smpp:1", SmsCategory.SERVICE, customer, text)).isEqualTo(Status.SENT);

		List<TestSmsc.Submit> submits = SMSC.submitsTo(customer.getServiceNo());
		assertThat(submits).hasSize(1);
		TestSmsc.Submit submit = submits.get(0);
		assertThat(submit.dataCoding()).isEqualTo((byte) 0x08);
		assertThat(submit.registeredDelivery()).isEqualTo((byte) 0x01);
		assertThat(submit.esmClass()).isEqualTo((byte) 0x00);
		assertThat(submit.source()).isEqualTo(SOURCE);
		assertThat(new String(submit.message(), StandardCharsets.UTF_16BE)).isEqualTo(text);

		awaitStatus("smpp:1", Status.DELIVERED);
		assertThat(contactNotes(customer)).containsExactly("DELIVERED 测试短信: 已送达", "SENT 测试短信");
		// sent once: the same key again sends nothing
		assertThat(send("smpp:1", SmsCategory.SERVICE, customer, text)).isEqualTo(Status.DELIVERED);
		assertThat(SMSC.submitsTo(customer.getServiceNo())).hasSize(1);
	}

	@Test
	void anUndeliveredReceiptMakesItFailedWithTheSmscErrorCode() {
		Customer customer = customer("SMPP-2");
		SMSC.failDeliveriesTo(customer.getServiceNo(), "011");

		send("smpp:2", SmsCategory.SERVICE, customer, "测试");

		OutboxMessage failed = awaitStatus("smpp:2", Status.FAILED);
		assertThat(failed.getSmscError()).isEqualTo("011");
		assertThat(contactNotes(customer)).first().isEqualTo("FAILED 测试短信: 未送达 (短信中心错误码 011)");
	}

	@Test
	void aLongChineseMessageGoesInConcatenatedPartsAndCountsAsOneMessage() {
		Customer customer = customer("SMPP-3");
		String text = "尊敬的客户您好,感谢您多年来对我们的支持。".repeat(7); // 147 characters: 67 + 67 + 13

		send("smpp:3", SmsCategory.SERVICE, customer, text);

		List<TestSmsc.Submit> parts = SMSC.submitsTo(customer.getServiceNo());
		assertThat(parts).hasSize(3);
		byte reference = parts.get(0).message()[3];
		StringBuilder joined = new StringBuilder();
		for (int i = 0; i < 3; i++) {
			TestSmsc.Submit part = parts.get(i);
			assertThat(part.esmClass()).isEqualTo((byte) 0x40);
			assertThat(part.dataCoding()).isEqualTo((byte) 0x08);
			assertThat(part.registeredDelivery()).isEqualTo((byte) 0x01);
			assertThat(Arrays.copyOf(part.message(), 6)).containsExactly(0x05, 0x00, 0x03, reference, 3, i + 1);
			joined.append(new String(part.message(), 6, part.message().length - 6, StandardCharsets.UTF_16BE));
			assertThat(part.message().length - 6).isLessThanOrEqualTo(134);
		}
		assertThat(joined.toString()).isEqualTo(text);

		OutboxMessage delivered = awaitStatus("smpp:3", Status.DELIVERED);
		assertThat(delivered.getParts()).isEqualTo(3);

		ResponseEntity<Map> list = http.withBasicAuth("admin", Fixtures.PASSWORD)
				.getForEntity("/api/admin/sms?customerNo=" + customer.getCustomerNo(), Map.class);
		assertThat(list.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(list.getBody()).containsEntry("messages", 1);
		@SuppressWarnings("unchecked")
		Map<String, Object> sms = (Map<String, Object>) ((List<?>) list.getBody().get("sms")).get(0);
		assertThat(sms).containsEntry("parts", 3).containsEntry("status", "DELIVERED").containsEntry("statusLabel", "已送达")
				.containsEntry("gateway", "SMPP").containsEntry("text", text);
		assertThat(http.withBasicAuth("manager1", Fixtures.PASSWORD)
				.getForEntity("/api/admin/sms?customerNo=" + customer.getCustomerNo(), String.class).getStatusCode())
				.isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(http.withBasicAuth("admin", Fixtures.PASSWORD).getForEntity("/api/admin/sms", String.class)
				.getBody()).contains("缺少客户编号");
	}

	@Test
	void aTdReplyOptsTheCustomerOutOfCareAndMarketingButNotServiceNotices() throws Exception {
		Customer optingOut = customer("SMPP-4");
		Customer other = customer("SMPP-5");

		SMSC.reply("86" + optingOut.getServiceNo(), "退订", SOURCE);
		await(() -> customers.findById(optingOut.getCustomerNo()).orElseThrow().isSmsOptedOut());

		Customer optedOut = customers.findById(optingOut.getCustomerNo()).orElseThrow();
		assertThat(optedOut.getSmsOptOutVia()).isEqualTo("短信回复“退订”");
		assertThat(optedOut.getSmsOptOutAt()).isNotNull();
		assertThat(contactNotes(optingOut)).containsExactly("OPTED_OUT 客户短信回复“退订”退订关怀及营销短信");

		assertThat(send("smpp:4-care", SmsCategory.CARE, optingOut, "祝您生日快乐!")).isEqualTo(Status.OPTED_OUT);
		assertThat(send("smpp:4-marketing", SmsCategory.MARKETING, optingOut, "流量包优惠")).isEqualTo(Status.OPTED_OUT);
		assertThat(SMSC.submitsTo(optingOut.getServiceNo())).isEmpty();
		assertThat(send("smpp:4-service", SmsCategory.SERVICE, optingOut, "您已欠费")).isEqualTo(Status.SENT);
		assertThat(SMSC.submitsTo(optingOut.getServiceNo())).hasSize(1);
		assertThat(contactNotes(optingOut)).contains("OPTED_OUT 测试短信: 客户已退订,未发送");

		assertThat(send("smpp:5-care", SmsCategory.CARE, other, "祝您生日快乐!")).isEqualTo(Status.SENT);
		assertThat(new String(SMSC.submitsTo(other.getServiceNo()).get(0).message(), StandardCharsets.UTF_16BE))
				.isEqualTo("祝您生日快乐!回复TD退订");

		// "TD" and "T" in any case, and a reply that is no opt-out changes nothing
		Customer td = customer("SMPP-6");
		Customer chat = customer("SMPP-7");
		SMSC.reply(td.getServiceNo(), " td ", SOURCE);
		SMSC.reply(chat.getServiceNo(), "我已缴费", SOURCE);
		await(() -> customers.findById(td.getCustomerNo()).orElseThrow().isSmsOptedOut());
		assertThat(customers.findById(chat.getCustomerNo()).orElseThrow().isSmsOptedOut()).isFalse();
	}

	@Test
	void theSmscDroppingTheLinkLosesNothingAndSendsNothingTwice() {
		SmppSmsGateway smpp = gateway;
		long bindsBefore = smpp.binds();
		SMSC.dropLinkAtSubmit(3);
		List<Customer> five = List.of(customer("SMPP-11"), customer("SMPP-12"), customer("SMPP-13"),
				customer("SMPP-14"), customer("SMPP-15"));

		List<Status> statuses = five.stream()
				.map(c -> send("drop:" + c.getCustomerNo(), SmsCategory.SERVICE, c, "链路测试")).toList();

		// the third went to the SMS centre but its answer was lost: unknown, and not sent again
		assertThat(statuses).containsExactly(Status.SENT, Status.SENT, Status.UNKNOWN, Status.SENT, Status.SENT);
		assertThat(smpp.binds()).isGreaterThan(bindsBefore);
		assertThat(send("drop:SMPP-13", SmsCategory.SERVICE, five.get(2), "链路测试")).isEqualTo(Status.UNKNOWN);
		notifications.deliverQueued("drop:");
		for (Customer c : five) {
			assertThat(SMSC.submitsTo(c.getServiceNo())).as(c.getCustomerNo()).hasSize(1);
		}
		for (int i : new int[] { 0, 1, 3, 4 }) {
			awaitStatus("drop:" + five.get(i).getCustomerNo(), Status.DELIVERED);
		}
		assertThat(outbox.findByMessageKey("drop:SMPP-13").orElseThrow().getStatus()).isEqualTo(Status.UNKNOWN);
		assertThat(contactNotes(five.get(2))).first().isEqualTo("UNKNOWN 测试短信: 发送结果未知(链路中断,不重发)");
	}

	@Test
	void throttlingIsRetriedWithBackOffAndAnSmscThatStaysBusyFailsTheJobWithoutSending() {
		Customer customer = customer("SMPP-21");
		SMSC.refuseNext(2, SmppSmsGateway.ESME_RTHROTTLED);
		int throttledBefore = SMSC.refused();

		assertThat(send("throttle:1", SmsCategory.SERVICE, customer, "限流测试")).isEqualTo(Status.SENT);
		assertThat(SMSC.refused() - throttledBefore).isEqualTo(2);
		assertThat(SMSC.submitsTo(customer.getServiceNo())).hasSize(1);

		// queue full for longer than the retries (3): the job fails, nothing went out, it is sent when retried
		Customer later = customer("SMPP-22");
		SMSC.refuseNext(10, SmppSmsGateway.ESME_RMSGQFUL);
		assertThatThrownBy(() -> send("throttle:2", SmsCategory.SERVICE, later, "限流测试"))
				.isInstanceOf(Notifications.DeliveryFailedException.class).hasMessageContaining("0x14");
		OutboxMessage pending = outbox.findByMessageKey("throttle:2").orElseThrow();
		assertThat(pending.getStatus()).isEqualTo(Status.PENDING);
		assertThat(SMSC.submitsTo(later.getServiceNo())).isEmpty();
		SMSC.refuseNext(0, SmppSmsGateway.ESME_RMSGQFUL);
		assertThat(send("throttle:2", SmsCategory.SERVICE, later, "限流测试")).isEqualTo(Status.SENT);
		assertThat(SMSC.submitsTo(later.getServiceNo())).hasSize(1);
	}

	@Test
	void aFinalRefusalMakesItFailedAtOnceWithTheStatusAndItIsNotSentAgain() {
		Customer customer = customer("SMPP-31");
		int refusedBefore = SMSC.refused();
		SMSC.refuseNext(1, 0x0B); // ESME_RINVDSTADR: invalid destination address

		assertThat(send("refused:1", SmsCategory.SERVICE, customer, "无效号码测试")).isEqualTo(Status.FAILED);
		assertThat(send("refused:1", SmsCategory.SERVICE, customer, "无效号码测试")).isEqualTo(Status.FAILED);

		assertThat(SMSC.refused() - refusedBefore).isEqualTo(1);
		assertThat(SMSC.submitsTo(customer.getServiceNo())).isEmpty();
		assertThat(outbox.findByMessageKey("refused:1").orElseThrow().getSmscError()).isEqualTo("0x0B");
		assertThat(contactNotes(customer)).containsExactly("FAILED 测试短信: 未送达 (短信中心错误码 0x0B)");
	}

	/** A customer on a number of this class's own (1390026xxxx), so that replies find no other test's customer. */
	private Customer customer(String customerNo) {
		CustomerData d = Fixtures.prepaid(customerNo, "5.00", "manager1");
		String number = "1390026" + String.format("%04d", Integer.parseInt(customerNo.replaceAll("\\D", "")));
		customers.saveAndFlush(Fixtures.customer(new CustomerData(d.customerNo(), d.name(), number, d.network(),
				d.segment(), d.starLevel(), d.paymentType(), d.balance(), d.arrearsMonths(), d.lineStatus(),
				d.managerId(), d.birthday(), d.idType(), d.idNo(), d.address(), d.secondPhone(), d.email(),
				d.joinedOn())));
		return customers.findById(customerNo).orElseThrow();
	}

	private Status send(String key, SmsCategory category, Customer customer, String text) {
		return notifications.sendSms(new SmsRequest(key, category, customer.getCustomerNo(), null,
				customer.getServiceNo(), "测试短信", text));
	}

	private List<String> contactNotes(Customer customer) {
		return contacts.findTop5ByCustomerNoOrderByAttemptedAtDesc(customer.getCustomerNo()).stream()
				.sorted((a, b) -> Long.compare(b.getId(), a.getId()))
				.map((ContactAttempt a) -> a.getOutcome() + " " + a.getNotes()).toList();
	}

	private OutboxMessage awaitStatus(String key, Status status) {
		await(() -> outbox.findByMessageKey(key).orElseThrow().getStatus() == status);
		return outbox.findByMessageKey(key).orElseThrow();
	}

	private static void await(BooleanSupplier condition) {
		long deadline = System.currentTimeMillis() + 10_000;
		while (!condition.getAsBoolean()) {
			if (System.currentTimeMillis() > deadline) {
				throw new AssertionError("not within 10 s");
			}
			try {
				Thread.sleep(20);
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new AssertionError(e);
			}
		}
	}
}
