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
 * SMTP outage (issue #10): 200 CDMA tier-1 customers get their automatic reminder e-mail while the
 * mail server (GreenMail) is down. Every attempt fails and is retried ({@code R5/PT10M}); for half of
 * them the outage outlasts the five attempts and they become incidents (what Cockpit shows). The
 * server comes back: the other half go out at their next retry, the incidents after an operator's
 * retry. Every e-mail arrives exactly once and nothing is lost. The ten minutes between retries pass
 * by moving the jobs' due dates (as time would).
 */
class SmtpOutageIT {

	private static final Logger log = LoggerFactory.getLogger(SmtpOutageIT.class);

	private static final String DB = "rd_rel_smtp";
	private static final int CUSTOMERS = 200;
	private static final String JOBS = "select count(*) from ACT_RU_JOB j join retention_case r on r.process_instance_id = j.PROCESS_INSTANCE_ID_ "
			+ "where j.HANDLER_TYPE_ = 'async-continuation' and j.PROCESS_DEF_KEY_ = 'ArrearsReminderProcess'";
	/** Customers RS00001-RS00100: the outage outlasts their retries. */
	private static final String LONG_OUTAGE = " and r.customer_no <= 'RS00100'";

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
	void shouldDeliverEveryReminderExactlyOnceAfterTheMailServerComesBack() throws Exception {
		int smtpPort = freePort();
		mailServer = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		JdbcTemplate jdbc = ItDatabase.recreate(DB);
		node = new DeskNode("smtp-node", DB, "spring.mail.host=127.0.0.1", "spring.mail.port=" + smtpPort)
				.start().awaitUp(Duration.ofMinutes(4));
		node.createTeam("relsteam", "rsm", 4, "It-Manager#2026");
		ItDatabase.insertArrearsCustomers(jdbc, "RS", CUSTOMERS,
				IntStream.rangeClosed(1, 4).mapToObj(i -> String.format("rsm%02d", i)).toList(), true);

		// the mail server is down when the scan opens the cases: every reminder job fails its first attempt
		node.admin("POST", "/engine-rest/process-definition/key/ArrearsScanProcess/start",
				"{\"variables\":{\"force\":{\"value\":true,\"type\":\"Boolean\"}}}");
		assertThat(ItDatabase.awaitCount(jdbc, CUSTOMERS, 600_000, JOBS + " and j.RETRIES_ = 4 and j.EXCEPTION_MSG_ is not null"))
				.as("reminder jobs failed once and wait for their retry").isEqualTo(CUSTOMERS);
		assertThat(ItDatabase.count(jdbc, "select count(*) from outbox_message where channel = 'EMAIL' and status = 'PENDING' "
				+ "and attempts >= 1 and last_error is not null")).isEqualTo(CUSTOMERS);
		assertThat(jdbc.queryForObject("select min(EXCEPTION_MSG_) from ACT_RU_JOB where HANDLER_TYPE_ = 'async-continuation'",
				String.class)).contains("could not send EMAIL");
		assertThat(node.call("GET", "/actuator/health", "x", "x", null).body())
				.as("a mail outage does not make the desk DOWN").contains("UP");

		// the outage outlasts the retries of the first hundred: their four remaining attempts fail too
		long deadline = System.currentTimeMillis() + 600_000;
		while (ItDatabase.count(jdbc, JOBS + LONG_OUTAGE + " and j.RETRIES_ = 0") < 100
				&& System.currentTimeMillis() < deadline) {
			jdbc.update("update ACT_RU_JOB j join retention_case r on r.process_instance_id = j.PROCESS_INSTANCE_ID_ "
					+ "set j.DUEDATE_ = ? where j.RETRIES_ > 0 and j.DUEDATE_ > ? and j.HANDLER_TYPE_ = 'async-continuation'"
					+ LONG_OUTAGE, Timestamp.valueOf(LocalDateTime.now().minusSeconds(1)), Timestamp.valueOf(LocalDateTime.now()));
			DeskNode.sleep(500);
		}
		assertThat(ItDatabase.count(jdbc, JOBS + LONG_OUTAGE + " and j.RETRIES_ = 0")).isEqualTo(100);
		HttpResponse<String> incidents = node.call("GET", "/engine-rest/incident/count?incidentType=failedJob"
				+ "&activityId=ServiceTask_SendAutoReminder", DeskNode.ADMIN, DeskNode.ADMIN_PASSWORD, null);
		assertThat(incidents.body()).as("incidents as Cockpit lists them").isEqualTo("{\"count\":100}");
		assertThat(mailServer.getReceivedMessages()).isEmpty();
		int failedAttempts = ItDatabase.count(jdbc, "select coalesce(sum(attempts), 0) from outbox_message where channel = 'EMAIL'");

		// the mail server is back
		mailServer.start();
		long back = System.nanoTime();
		// the other hundred: their next retry comes (ten minutes later) and succeeds
		jdbc.update("update ACT_RU_JOB j join retention_case r on r.process_instance_id = j.PROCESS_INSTANCE_ID_ "
				+ "set j.DUEDATE_ = ? where j.RETRIES_ > 0 and j.HANDLER_TYPE_ = 'async-continuation' and r.customer_no > 'RS00100'",
				Timestamp.valueOf(LocalDateTime.now().minusSeconds(1)));
		// the incidents: an operator retries them, as Cockpit's retry does (retries, then due now)
		String now = OffsetDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ"));
		List<String> failed = jdbc.queryForList("select j.ID_ from ACT_RU_JOB j join retention_case r "
				+ "on r.process_instance_id = j.PROCESS_INSTANCE_ID_ where j.RETRIES_ = 0" + LONG_OUTAGE, String.class);
		for (String job : failed) {
			node.admin("PUT", "/engine-rest/job/" + job + "/retries", "{\"retries\":1}");
			node.admin("PUT", "/engine-rest/job/" + job + "/duedate", "{\"duedate\":\"" + now + "\"}");
		}

		assertThat(ItDatabase.awaitCount(jdbc, 0, 600_000, JOBS)).as("reminder jobs left").isZero();
		double deliverySeconds = (System.nanoTime() - back) / 1e9;
		assertThat(mailServer.waitForIncomingEmail(10_000, CUSTOMERS)).isTrue();
		DeskNode.sleep(2_000);
		MimeMessage[] received = mailServer.getReceivedMessages();
		List<String> recipients = Arrays.stream(received).map(SmtpOutageIT::recipient).toList();
		Set<String> expected = IntStream.rangeClosed(1, CUSTOMERS).mapToObj(i -> String.format("rs%05d@example.cn", i))
				.collect(Collectors.toSet());
		assertThat(recipients).as("each customer's reminder exactly once").hasSize(CUSTOMERS)
				.doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expected);
		assertThat(ItDatabase.count(jdbc, "select count(*) from outbox_message where status = 'SENT' and channel = 'EMAIL'"))
				.isEqualTo(CUSTOMERS);
		assertThat(ItDatabase.count(jdbc, "select count(*) from outbox_message where status = 'SENT' and channel = 'SMS'"))
				.isEqualTo(CUSTOMERS);
		assertThat(ItDatabase.count(jdbc, "select count(*) from ACT_RU_INCIDENT")).as("open incidents").isZero();
		assertThat(ItDatabase.count(jdbc, "select count(*) from ACT_HI_INCIDENT where INCIDENT_TYPE_ = 'failedJob'"))
				.as("incidents, now resolved").isEqualTo(100);
		assertThat(ItDatabase.count(jdbc, "select count(*) from ACT_RU_TASK where TASK_DEF_KEY_ = 'Task_FirstReminderCall'"))
				.as("cases that went on to the call").isEqualTo(CUSTOMERS);
		assertThat(ItDatabase.count(jdbc, "select count(*) from contact_attempt where channel = 'EMAIL'"))
				.as("one e-mail contact per case").isEqualTo(CUSTOMERS);
		List<Map<String, Object>> attempts = jdbc.queryForList("select attempts, count(*) messages from outbox_message "
				+ "where channel = 'EMAIL' group by attempts order by attempts");
		log.info("SMTP outage: {} failed delivery attempts while down, 100 incidents; after the server came back all {} "
				+ "e-mails (and {} SMS) were delivered within {} s, each once; e-mails by attempts: {}", failedAttempts,
				CUSTOMERS, CUSTOMERS, String.format("%.1f", deliverySeconds), attempts);
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
