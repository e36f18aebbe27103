package com.retentiondesk.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import com.retentiondesk.DeskTest;
import com.retentiondesk.Fixtures;
import com.retentiondesk.arrears.ArrearsCases;
import com.retentiondesk.handover.PaymentBooking;
import com.retentiondesk.customer.Customers;

/** /actuator: health open, metrics for administrators and the monitoring system only, with the desk's meters. */
@DeskTest
class MonitoringTest {

	@Autowired
	TestRestTemplate http;
	@Autowired
	ArrearsCases arrears;
	@Autowired
	PaymentBooking payments;
	@Autowired
	Customers customers;

	@Test
	void shouldKeepHealthOpenAndMetricsBehindCredentials() {
		assertThat(http.getForEntity("/actuator/health", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(http.getForEntity("/actuator/prometheus", String.class).getStatusCode())
				.isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(http.withBasicAuth("manager1", Fixtures.PASSWORD).getForEntity("/actuator/prometheus", String.class)
				.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(http.withBasicAuth("manager1", Fixtures.PASSWORD).getForEntity("/actuator/metrics", String.class)
				.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
	}

	@Test
	void shouldCountCasesOpenedAndClosedAndShowOpenOnes() {
		customers.saveAndFlush(Fixtures.customer(Fixtures.prepaid("MON01", "2.00", "manager1")));
		arrears.open(customers.findById("MON01").orElseThrow());
		payments.book("MON01", new java.math.BigDecimal("20"), java.time.OffsetDateTime.now().minusMinutes(1));

		ResponseEntity<String> metrics = http.withBasicAuth("billing", Fixtures.PASSWORD)
				.getForEntity("/actuator/prometheus", String.class);

		assertThat(metrics.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(metrics.getBody()).contains("desk_cases_opened_total{type=\"ARREARS_REMINDER\"}")
				.contains("desk_cases_closed_total{outcome=\"PAID\",type=\"ARREARS_REMINDER\"}")
				.contains("desk_cases_open{type=\"CONTRACT_EXPIRY\"}").contains("desk_tasks_overdue");
	}
}
