package com.retentiondesk.handover;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.retentiondesk.DeskTest;
import com.retentiondesk.Fixtures;
import com.retentiondesk.arrears.ArrearsCases;
import com.retentiondesk.casework.CaseOutcome;
import com.retentiondesk.casework.RetentionCase;
import com.retentiondesk.casework.RetentionCases;
import com.retentiondesk.customer.Customers;
import com.retentiondesk.billing.Payments;

/** POST /api/billing/payments: validation, unknown customers, repeats, and the case it closes. */
@DeskTest
class PaymentApiTest {

	@Autowired
	TestRestTemplate http;
	@Autowired
	Customers customers;
	@Autowired
	Payments payments;
	@Autowired
	ArrearsCases arrears;
	@Autowired
	RetentionCases cases;

	@Test
	void shouldCloseTheOpenArrearsCaseAndIgnoreTheSamePaymentSentTwice() {
		customers.saveAndFlush(Fixtures.customer(Fixtures.postpaid("PAY001", 3, "manager1")));
		RetentionCase file = arrears.open(customers.findById("PAY001").orElseThrow());
		String body = "{\"customerNo\":\"PAY001\",\"amount\":120.00,\"paidAt\":\"2026-11-20T10:15:00+08:00\"}";

		ResponseEntity<Map> first = post("billing", body);
		ResponseEntity<Map> again = post("billing", body);

		assertThat(first.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(first.getBody()).containsEntry("duplicate", false);
		assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(again.getBody()).containsEntry("duplicate", true);
		assertThat(payments.findByCustomerNo("PAY001")).hasSize(1);
		assertThat(customers.findById("PAY001").orElseThrow().getBalance()).isEqualByComparingTo("0.00");
		assertThat(customers.findById("PAY001").orElseThrow().getArrearsMonths()).isZero();
		RetentionCase closed = cases.findById(file.getId()).orElseThrow();
		assertThat(closed.getOutcome()).isEqualTo(CaseOutcome.PAID);
	}

	@Test
	void shouldRecordAPaymentOfACustomerWithoutACase() {
		customers.saveAndFlush(Fixtures.customer(Fixtures.prepaid("PAY002", "50.00", "manager2")));

		ResponseEntity<Map> answer = post("billing",
				"{\"customerNo\":\"PAY002\",\"amount\":\"30\",\"paidAt\":\"2026-11-20T02:15:00Z\"}");

		assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat((java.util.List<?>) answer.getBody().get("casesClosed")).isEmpty();
		assertThat(payments.findByCustomerNo("PAY002")).singleElement()
				.satisfies(p -> assertThat(p.getPaidAt()).hasToString("2026-11-20T10:15"));
		assertThat(customers.findById("PAY002").orElseThrow().getBalance()).isEqualByComparingTo("80.00");
	}

	@Test
	void shouldAnswer404ForAnUnknownCustomer() {
		ResponseEntity<Map> answer = post("billing",
				"{\"customerNo\":\"NOBODY\",\"amount\":10,\"paidAt\":\"2026-11-20T10:15:00+08:00\"}");

		assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat((String) answer.getBody().get("message")).contains("未知客户").contains("NOBODY");
	}

	@Test
	void shouldAnswer400NamingTheBadField() {
		assertThat(message(post("billing", "{\"amount\":10,\"paidAt\":\"2026-11-20T10:15:00+08:00\"}")))
				.startsWith("customerNo");
		assertThat(message(post("billing", "{\"customerNo\":\"X\",\"amount\":-5,\"paidAt\":\"2026-11-20T10:15:00+08:00\"}")))
				.startsWith("amount");
		assertThat(message(post("billing", "{\"customerNo\":\"X\",\"amount\":1.234,\"paidAt\":\"2026-11-20T10:15:00+08:00\"}")))
				.startsWith("amount");
		assertThat(message(post("billing", "{\"customerNo\":\"X\",\"amount\":5}"))).startsWith("paidAt");
		assertThat(message(post("billing", "{\"customerNo\":\"X\",\"amount\":5,\"paidAt\":\"yesterday\"}")))
				.contains("paidAt");
		assertThat(message(post("billing", "{not json"))).contains("请求格式错误");
	}

	@Test
	void shouldRefuseManagers() {
		assertThat(post("manager1", "{\"customerNo\":\"X\",\"amount\":5,\"paidAt\":\"2026-11-20T10:15:00+08:00\"}")
				.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
	}

	private String message(ResponseEntity<Map> answer) {
		assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		return (String) answer.getBody().get("message");
	}

	private ResponseEntity<Map> post(String user, String json) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		return http.withBasicAuth(user, Fixtures.PASSWORD).postForEntity("/api/billing/payments",
				new HttpEntity<>(json, headers), Map.class);
	}
}
