package com.retentiondesk.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.retentiondesk.CaseTestKit;
import com.retentiondesk.DeskTest;
import com.retentiondesk.Fixtures;
import com.retentiondesk.arrears.ArrearsCases;
import com.retentiondesk.casework.CaseFiles;
import com.retentiondesk.casework.CaseOutcome;
import com.retentiondesk.casework.ContactLog;
import com.retentiondesk.casework.RetentionCase;
import com.retentiondesk.contact.ContactAttempt;
import com.retentiondesk.contact.ContactChannel;

/**
 * The dashboard's trend (issue 30, point 5): {@code GET /api/kpi/trend} gives per case type and week the retention
 * rate of the cases closed and the reach rate of the calls, for the supervisor's own team only. In April 2026, weeks
 * no other test writes in.
 */
@DeskTest
class KpiTrendTest {

	/** Wednesday 15 April 2026, 10:00. */
	@RegisterExtension
	static final CaseTestKit kit = CaseTestKit.clockAt(ZonedDateTime.parse("2026-04-15T10:00:00+08:00[Asia/Shanghai]"));

	private static final ObjectMapper JSON = new ObjectMapper();

	@Autowired
	TestRestTemplate http;
	@Autowired
	ArrearsCases arrears;
	@Autowired
	CaseFiles files;
	@Autowired
	ContactLog contacts;

	@Test
	void shouldGiveTheTeamsRetentionAndReachPerCaseTypeAndWeek() throws Exception {
		RetentionCase paid = arrears.open(kit.saveCustomer(Fixtures.prepaid("KTR90360001", "1.00", "manager6")));
		RetentionCase unpaid = arrears.open(kit.saveCustomer(Fixtures.prepaid("KTR90360002", "1.00", "manager6")));
		LocalDateTime tuesday = LocalDateTime.parse("2026-04-14T10:00");
		for (String outcome : new String[] { "REACHED", "NOT_REACHED", "REACHED" }) {
			contacts.record(new ContactAttempt(paid.getCustomerNo(), paid.getId(), null, "manager6", tuesday,
					ContactChannel.PHONE, outcome, null));
		}
		files.close(paid.getId(), CaseOutcome.PAID);
		files.close(unpaid.getId(), CaseOutcome.UNPAID);

		JsonNode trend = trend("supervisor2", "weeks=12&team=team2", HttpStatus.OK);

		assertThat(trend.path("weeks")).hasSize(12);
		assertThat(trend.path("weeks").get(11).asText()).as("this week's Monday last").isEqualTo("2026-04-13");
		assertThat(trend.path("weeks").get(0).asText()).isEqualTo("2026-01-26");
		JsonNode arrearsTrend = StreamSupport.stream(trend.path("caseTypes").spliterator(), false)
				.filter(s -> s.path("caseType").asText().equals("ARREARS_REMINDER")).findFirst().orElseThrow();
		assertThat(arrearsTrend.path("label").asText()).isEqualTo("欠费温馨提醒");
		assertThat(arrearsTrend.path("retentionRate").get(11).asDouble()).isEqualTo(Kpis.ratio(1, 2));
		assertThat(arrearsTrend.path("reachRate").get(11).asDouble()).isEqualTo(Kpis.ratio(2, 3));
		assertThat(arrearsTrend.path("retentionRate").get(10).isNull()).as("nothing closed the week before").isTrue();

		JsonNode team1 = trend("supervisor1", "weeks=12", HttpStatus.OK);
		assertThat(team1.path("team").asText()).isEqualTo("team1");
		assertThat(StreamSupport.stream(team1.path("caseTypes").spliterator(), false)
				.filter(s -> s.path("caseType").asText().equals("ARREARS_REMINDER"))
				.map(s -> s.path("retentionRate").get(11))).allMatch(JsonNode::isNull);
		trend("supervisor1", "team=team2", HttpStatus.FORBIDDEN);
		trend("manager6", "", HttpStatus.FORBIDDEN);
		trend("admin", "weeks=0", HttpStatus.BAD_REQUEST);
	}

	private JsonNode trend(String user, String query, HttpStatus expected) throws Exception {
		ResponseEntity<String> answer = http.withBasicAuth(user, Fixtures.PASSWORD)
				.getForEntity("/api/kpi/trend?" + query, String.class);
		assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(expected);
		return JSON.readTree(answer.getBody());
	}
}
