package com.retentiondesk.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * SMTP outage (issues #10 and #20): 200 CDMA tier-1 customers get their automatic reminder while the mail
 * server (GreenMail) is down. The SMS go out; every e-mail attempt fails and is retried ({@code R5/PT10M});
 * for half of them the outage outlasts the five attempts and they become incidents (what Cockpit shows).
 * Meanwhile nothing waits on the mail: every case reaches the manager's first call on time, and an overdue
 * call gives the supervisor's escalation task at once while the escalation mail retries. The server comes
 * back: the other half go out at their next retry, the incidents after an operator's retry. Every e-mail
 * arrives exactly once and nothing is lost. Time passes by moving the jobs' due dates (the node runs with
 * one automatic reminder per case, {@code desk.arrears.auto-reminders=1}, to keep the run short).
 */
class SmtpOutageIT {

	private static final Logger log = LoggerFactory.getLogger(SmtpOutageIT.class);

	private static final String DB = "rd_rel_smtp";
	private static final int CUSTOMERS = 200;
	/** Overdue calls escalated during the outage (customers RS00001-RS00010). */
	private static final int ESCALATED = 10;
	private static final String JOBS_OF = "select count(*) from ACT_RU_JOB j join ACT_RU_JOBDEF d on d.ID_ = j.JOB_DEF_ID_ "
			+ "join retention_case r on r.process_instance_id = j.PROCESS_INSTANCE_ID_ where d.ACT_ID_ = ";
	/** The reminder e-mails' jobs. */
	private static final String JOBS = JOBS_OF + "'ServiceTask_SendAutoReminderEmail'";
	/** Customers RS00001-RS00100: the outage outlasts their retries. */
	private static final String LONG_OUTAGE = " and r.customer_no <= 'RS00100'";
	private static final String REMINDER_MAILS = "select count(*) from outbox_message where message_key like 'arrears-auto-email:%'";

	private DeskNode node;
	private GreenMail mailServer;

	@AfterEach
	void stop() {
		if (node != null) {
			node.close();
		}
		if (mailServer != null) {
			mailServer.stop();
		}
	}

	@Test
	void shouldGoOnWithoutTheMailServerAndDeliverEveryMailExactlyOnceWhenItComesBack() throws Exception {
		int smtpPort = freePort();
		mailServer = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		JdbcTemplate jdbc = ItDatabase.recreate(DB);
		node = new DeskNode("smtp-node", DB, "spring.mail.host=127.0.0.1", "spring.mail.port=" + smtpPort,
				"desk.arrears.auto-reminders=1").start().awaitUp(Duration.ofMinutes(4));
		node.createTeam("relsteam", "rsm", 4, "It-Manager#2026");
		ItDatabase.insertArrearsCustomers(jdbc, "RS", CUSTOMERS,
				IntStream.rangeClosed(1, 4).mapToObj(i -> String.format("rsm%02d", i)).toList(), true);

		// the mail server is down when the scan opens the cases and the reminders fall due
		node.admin("POST", "/engine-rest/process-definition/key/ArrearsScanProcess/start",
				"{\"variables\":{\"force\":{\"value\":true,\"type\":\"Boolean\"}}}");
		assertThat(ItDatabase.awaitCount(jdbc, CUSTOMERS, 600_000, JOBS_OF + "'TimerEvent_AutoReminderDue'"))
				.as("one reminder timer per case").isEqualTo(CUSTOMERS);
		dueNow(jdbc, "'TimerEvent_AutoReminderDue'", "");
		assertThat(ItDatabase.awaitCount(jdbc, CUSTOMERS, 600_000, JOBS + " and j.RETRIES_ = 4 and j.EXCEPTION_MSG_ is not null"))
				.as("reminder e-mails failed once and wait for their retry").isEqualTo(CUSTOMERS);
		assertThat(ItDatabase.awaitCount(jdbc, CUSTOMERS, 600_000, "select count(*) from outbox_message "
				+ "where message_key like 'arrears-auto-sms:%' and status = 'SENT'")).as("the SMS went out meanwhile")
				.isEqualTo(CUSTOMERS);
		assertThat(ItDatabase.count(jdbc, REMINDER_MAILS + " and status = 'PENDING' and attempts >= 1 and last_error is not null"))
				.isEqualTo(CUSTOMERS);
		assertThat(jdbc.queryForObject("select min(EXCEPTION_MSG_) from ACT_RU_JOB where HANDLER_TYPE_ = 'async-continuation'",
				String.class)).contains("could not send EMAIL");
		assertThat(node.call("GET", "/actuator/health", "x", "x", null).body())
				.as("a mail outage does not make the desk DOWN").contains("UP");

		// the outage outlasts the retries of the first hundred: their four remaining attempts fail too
		long deadline = System.currentTimeMillis() + 600_000;
		while (ItDatabase.count(jdbc, JOBS + LONG_OUTAGE + " and j.RETRIES_ = 0") < 100
				&& System.currentTimeMillis() < deadline) {
			jdbc.update("update ACT_RU_JOB j join ACT_RU_JOBDEF d on d.ID_ = j.JOB_DEF_ID_ join retention_case r "
					+ "on r.process_instance_id = j.PROCESS_INSTANCE_ID_ set j.DUEDATE_ = ? where j.RETRIES_ > 0 and j.DUEDATE_ > ? "
					+ "and d.ACT_ID_ = 'ServiceTask_SendAutoReminderEmail'" + LONG_OUTAGE,
					Timestamp.valueOf(LocalDateTime.now().minusSeconds(1)), Timestamp.valueOf(LocalDateTime.now()));
			DeskNode.sleep(500);
		}
		assertThat(ItDatabase.count(jdbc, JOBS + LONG_OUTAGE + " and j.RETRIES_ = 0")).isEqualTo(100);
		HttpResponse<String> incidents = node.call("GET", "/engine-rest/incident/count?incidentType=failedJob"
				+ "&activityId=ServiceTask_SendAutoReminderEmail", DeskNode.ADMIN, DeskNode.ADMIN_PASSWORD, null);
		assertThat(incidents.body()).as("incidents as Cockpit lists them").isEqualTo("{\"count\":100}");

		// nothing waits on the mail: the manager's first call comes on its day for every case
		dueNow(jdbc, "'TimerEvent_FirstCallTime'", "");
		assertThat(ItDatabase.awaitCount(jdbc, CUSTOMERS, 600_000,
				"select count(*) from ACT_RU_TASK where TASK_DEF_KEY_ = 'Task_FirstReminderCall'"))
				.as("cases that went on to the call while their e-mails failed").isEqualTo(CUSTOMERS);
		assertThat(jdbc.queryForObject("select count(*) from retention_case where brief like ?",
				Integer.class, "%自动提醒: 第1次 短信已发出 邮件发送失败%")).as("briefs that name the failed e-mail").isEqualTo(CUSTOMERS);
		// an overdue call escalates at once: the supervisor's task is there while the escalation mail retries
		dueNow(jdbc, "'BoundaryEvent_FirstCallOverdue'", " and r.customer_no <= 'RS00010'");
		assertThat(ItDatabase.awaitCount(jdbc, ESCALATED, 600_000,
				"select count(*) from ACT_RU_TASK where TASK_DEF_KEY_ = 'Task_EscalationReview' and ASSIGNEE_ = 'rsmsup'"))
				.as("supervisor's escalation tasks during the outage").isEqualTo(ESCALATED);
		assertThat(ItDatabase.awaitCount(jdbc, ESCALATED, 600_000, JOBS_OF + "'ServiceTask_MailSupervisor' and j.EXCEPTION_MSG_ is not null"))
				.as("escalation mails failing on their own branch").isEqualTo(ESCALATED);
		assertThat(mailServer.getReceivedMessages()).isEmpty();
		int failedAttempts = ItDatabase.count(jdbc, "select coalesce(sum(attempts), 0) from outbox_message where channel = 'EMAIL'");

		// the mail server is back
		mailServer.start();
		long back = System.nanoTime();
		// the others: their next retry comes (ten minutes later) and succeeds
		jdbc.update("update ACT_RU_JOB j join retention_case r on r.process_instance_id = j.PROCESS_INSTANCE_ID_ "
				+ "set j.DUEDATE_ = ? where j.RETRIES_ > 0 and j.HANDLER_TYPE_ = 'async-continuation'",
				Timestamp.valueOf(LocalDateTime.now().minusSeconds(1)));
		// the incidents: an operator retries them, as Cockpit's retry does (retries, then due now)
		String now = OffsetDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ"));
		List<String> failed = jdbc.queryForList("select j.ID_ from ACT_RU_JOB j join retention_case r "
				+ "on r.process_instance_id = j.PROCESS_INSTANCE_ID_ where j.RETRIES_ = 0" + LONG_OUTAGE, String.class);
		for (String job : failed) {
			node.admin("PUT", "/engine-rest/job/" + job + "/retries", "{\"retries\":1}");
			node.admin("PUT", "/engine-rest/job/" + job + "/duedate", "{\"duedate\":\"" + now + "\"}");
		}

		assertThat(ItDatabase.awaitCount(jdbc, 0, 600_000, JOBS)).as("reminder e-mail jobs left").isZero();
		assertThat(ItDatabase.awaitCount(jdbc, 0, 600_000, JOBS_OF + "'ServiceTask_MailSupervisor'")).as("escalation mail jobs left")
				.isZero();
		double deliverySeconds = (System.nanoTime() - back) / 1e9;
		assertThat(mailServer.waitForIncomingEmail(10_000, CUSTOMERS + ESCALATED)).isTrue();
		DeskNode.sleep(2_000);
		MimeMessage[] received = mailServer.getReceivedMessages();
		List<String> recipients = Arrays.stream(received).map(SmtpOutageIT::recipient).filter(to -> to.startsWith("rs0"))
				.toList();
		Set<String> expected = IntStream.rangeClosed(1, CUSTOMERS).mapToObj(i -> String.format("rs%05d@example.cn", i))
				.collect(Collectors.toSet());
		assertThat(recipients).as("each customer's reminder exactly once").hasSize(CUSTOMERS)
				.doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expected);
		assertThat(Arrays.stream(received).map(SmtpOutageIT::recipient).filter("rsmsup@example.cn"::equals).count())
				.as("the supervisor's escalation mails, each once").isEqualTo(ESCALATED);
		assertThat(ItDatabase.count(jdbc, REMINDER_MAILS + " and status = 'SENT'")).isEqualTo(CUSTOMERS);
		assertThat(ItDatabase.count(jdbc, "select count(*) from outbox_message where status = 'SENT' and channel = 'SMS'"))
				.isEqualTo(CUSTOMERS);
		assertThat(ItDatabase.count(jdbc, "select count(*) from ACT_RU_INCIDENT")).as("open incidents").isZero();
		assertThat(ItDatabase.count(jdbc, "select count(*) from ACT_HI_INCIDENT where INCIDENT_TYPE_ = 'failedJob'"))
				.as("incidents, now resolved").isEqualTo(100);
		assertThat(ItDatabase.count(jdbc, "select count(*) from contact_attempt where channel = 'EMAIL' and manager_id = 'system'"))
				.as("one e-mail contact per case, by 系统").isEqualTo(CUSTOMERS);
		List<Map<String, Object>> attempts = jdbc.queryForList("select attempts, count(*) messages from outbox_message "
				+ "where channel = 'EMAIL' group by attempts order by attempts");
		log.info("SMTP outage: {} failed delivery attempts while down, 100 incidents; all {} cases reached the first call "
				+ "and {} escalations their supervisor's task during the outage; after the server came back all {} reminder "
				+ "e-mails and {} escalation mails were delivered within {} s, each once; e-mails by attempts: {}",
				failedAttempts, CUSTOMERS, ESCALATED, CUSTOMERS, ESCALATED, String.format("%.1f", deliverySeconds), attempts);
	}

	/** Makes the timers of an activity (of some cases) due now, as if their time had come. */
	private static void dueNow(JdbcTemplate jdbc, String activity, String cases) {
		jdbc.update("update ACT_RU_JOB j join ACT_RU_JOBDEF d on d.ID_ = j.JOB_DEF_ID_ join retention_case r "
				+ "on r.process_instance_id = j.PROCESS_INSTANCE_ID_ set j.DUEDATE_ = ? where d.ACT_ID_ = " + activity + cases,
				Timestamp.valueOf(LocalDateTime.now().minusSeconds(1)));
	}

	private static String recipient(MimeMessage message) {
		try {
			Address[] to = message.getAllRecipients();
			return to == null || to.length != 1 ? "?" : to[0].toString();
		} catch (MessagingException e) {
			throw new IllegalStateException(e);
		}
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
