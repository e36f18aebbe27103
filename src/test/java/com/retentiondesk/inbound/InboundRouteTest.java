package com.retentiondesk.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.retentiondesk.DeskTest;
import com.retentiondesk.Fixtures;
import com.retentiondesk.arrears.ArrearsCases;
import com.retentiondesk.arrears.ArrearsProcess;
import com.retentiondesk.away.Away;
import com.retentiondesk.away.AwayDays;
import com.retentiondesk.casework.RetentionCase;
import com.retentiondesk.customer.Customers;

/**
 * The CTI's route of an inbound call ({@code GET /api/inbound/route}): the customer, their manager, the opening
 * line, whether the manager can take the call now, and the open cases with who holds them.
 */
@DeskTest
class InboundRouteTest {

	private static final ObjectMapper JSON = new ObjectMapper();
	private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
	/** A Wednesday, a working day, 10:15: calling hours. */
	private static final LocalDateTime CALLING = LocalDateTime.parse("2026-12-02T10:15");
	private static final String NUMBER = "13390290001";

	@Autowired
	TestRestTemplate http;
	@Autowired
	Customers customers;
	@Autowired
	ArrearsCases arrears;
	@Autowired
	AwayDays awayDays;

	private static RetentionCase arrearsCase;

	@BeforeEach
	void customerWithAnOpenCase() {
		at(CALLING);
		if (customers.findById("IR90290001").isEmpty()) {
			customers.saveAndFlush(Fixtures.customer(Fixtures.prepaid("IR90290001", "1.00", "manager1")));
			arrearsCase = arrears.open(customers.findById("IR90290001").orElseThrow());
		}
	}

	@AfterEach
	void reset() {
		awayDays.end("manager1");
		ClockUtil.reset();
	}

	@Test
	void shouldRouteAKnownNumberToItsManagerWithTheGreetingAndTheOpenCases() throws Exception {
		JsonNode route = route("billing", NUMBER, HttpStatus.OK);

		assertThat(route.path("customerNo").asText()).isEqualTo("IR90290001");
		assertThat(route.path("customerName").asText()).isEqualTo("测试客户IR90290001");
		assertThat(route.path("managerId").asText()).isEqualTo("manager1");
		assertThat(route.path("managerName").asText()).isEqualTo("王芳");
		assertThat(route.path("available").asBoolean()).isTrue();
		assertThat(route.path("greeting").asText()).isEqualTo("您好!电话经理王芳很高兴为您服务");
		assertThat(route.path("openCases")).hasSize(1);
		JsonNode open = route.path("openCases").get(0);
		assertThat(open.path("processKey").asText()).isEqualTo(ArrearsProcess.PROCESS_KEY);
		assertThat(open.path("caseId").asLong()).isEqualTo(arrearsCase.getId());
		assertThat(open.path("holder").asText()).as("the call task is manager1's").isEqualTo("王芳");
		assertThat(route("billing", " " + NUMBER + " ", HttpStatus.OK).path("customerNo").asText()).isEqualTo("IR90290001");
	}

	@Test
	void shouldAnswer404ForAnUnknownNumber() throws Exception {
		JsonNode answer = route("billing", "13399999999", HttpStatus.NOT_FOUND);

		assertThat(answer.path("message").asText()).isEqualTo("号码 13399999999 不是电话经理的客户: 请转10000前台");
	}

	@Test
	void shouldRefuseEveryoneButTheIntegrationGroup() throws Exception {
		for (String user : new String[] { "manager1", "supervisor1", "admin" }) {
			route(user, NUMBER, HttpStatus.FORBIDDEN);
		}
	}

	@Test
	void shouldNotBeAvailableOutsideCallingHours() throws Exception {
		at(LocalDateTime.parse("2026-12-02T12:30"));
		assertThat(route("billing", NUMBER, HttpStatus.OK).path("available").asBoolean()).as("lunchtime").isFalse();
		at(LocalDateTime.parse("2026-12-05T10:15"));
		assertThat(route("billing", NUMBER, HttpStatus.OK).path("available").asBoolean()).as("Saturday").isFalse();
		at(LocalDateTime.parse("2026-12-02T19:59"));
		assertThat(route("billing", NUMBER, HttpStatus.OK).path("available").asBoolean()).as("19:59").isTrue();
	}

	@Test
	void shouldNotBeAvailableWhileTheManagerIsAway() throws Exception {
		awayDays.set(new Away("manager1", LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 3), "年假"), "admin");

		JsonNode route = route("billing", NUMBER, HttpStatus.OK);
		assertThat(route.path("available").asBoolean()).isFalse();
		assertThat(route.path("greeting").asText()).as("the manager is still named").isEqualTo("您好!电话经理王芳很高兴为您服务");

		at(LocalDateTime.parse("2026-12-04T10:15"));
		assertThat(route("billing", NUMBER, HttpStatus.OK).path("available").asBoolean()).as("back on Friday").isTrue();
	}

	private JsonNode route(String user, String number, HttpStatus expected) throws Exception {
		ResponseEntity<String> answer = http.withBasicAuth(user, Fixtures.PASSWORD)
				.getForEntity("/api/inbound/route?number={n}", String.class, number);
		assertThat(answer.getStatusCode()).as(user + ": " + answer.getBody()).isEqualTo(expected);
		return JSON.readTree(answer.getBody());
	}

	private static void at(LocalDateTime shanghai) {
		ClockUtil.setCurrentTime(Date.from(shanghai.atZone(SHANGHAI).toInstant()));
	}
}
