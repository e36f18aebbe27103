package com.retentiondesk;

import static com.retentiondesk.JsonRequests.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * Issue #22 as the developers check it, over the desk's and the engine's REST APIs only: customers
 * imported in barred states and with agreements ending soon, suspensions posted, the scans run with
 * {@code force=true}, and the cases per customer counted through {@code /engine-rest}.
 */
@DeskTest
class CasesOnceApiTest {

	private static final String HEADER = "customer_no,name,service_no,network,segment,star_level,payment_type,balance,"
			+ "arrears_months,line_status,manager,agreement_type,agreement_end\n";
	private static final String FORCE = "{\"variables\":{\"force\":{\"value\":true,\"type\":\"Boolean\"}}}";

	@Autowired
	TestRestTemplate http;

	@Test
	void shouldOpenEachCaseOnceForTheRightCustomersAcrossScansAndSuspensions() {
		String end = LocalDate.now().plusDays(30).toString();
		ResponseEntity<Map> imported = http.withBasicAuth("billing", Fixtures.PASSWORD).postForEntity(
				"/api/customers/import", upload(HEADER
						+ "ONCE01,甲,13300000101,PHS,MID_HIGH_END,5,PREPAID,1.00,0,SINGLE_STOP,manager1,RECHARGE_BINDING," + end + "\n"
						+ "ONCE02,乙,13300000102,PHS,MID_HIGH_END,5,PREPAID,1.00,0,ACTIVE,manager1,,\n"
						+ "ONCE03,丙,13300000103,PHS,MID_HIGH_END,5,POSTPAID,-80.00,3,DOUBLE_STOP,manager2,,\n"),
				Map.class);
		assertThat(imported.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(imported.getBody()).containsEntry("created", 3);

		scan("ArrearsScanProcess");
		scan("ExpiryScanProcess");

		assertThat(running("ArrearsReminderProcess", "ONCE01")).as("a single-stopped line").isZero();
		assertThat(running("ArrearsReminderProcess", "ONCE02")).isOne();
		assertThat(running("ArrearsReminderProcess", "ONCE03")).as("a double-stopped line").isZero();
		assertThat(running("ContractExpiryRetentionProcess", "ONCE01")).isOne();

		// a suspension while the arrears case is open, then the next morning's scans
		suspend("ONCE02", "SINGLE_STOP", OffsetDateTime.now().withNano(0).minusMinutes(5));
		// the line imported as stopped gets its win-back case from the first suspension; the same stop
		// reported again changes nothing
		suspend("ONCE01", "SINGLE_STOP", OffsetDateTime.now().withNano(0).minusMinutes(4));
		suspend("ONCE01", "SINGLE_STOP", OffsetDateTime.now().withNano(0).minusMinutes(3));
		scan("ArrearsScanProcess");
		scan("ExpiryScanProcess");

		assertThat(running("ArrearsReminderProcess", "ONCE02")).isZero();
		assertThat(all("ArrearsReminderProcess", "ONCE02")).isOne();
		assertThat(running("SuspendedCustomerWinbackProcess", "ONCE02")).isOne();
		assertThat(all("SuspendedCustomerWinbackProcess", "ONCE01")).isOne();
		assertThat(all("ContractExpiryRetentionProcess", "ONCE01")).isOne();
		assertThat(all("ArrearsReminderProcess", "ONCE01")).isZero();
		assertThat(all("ArrearsReminderProcess", "ONCE03")).isZero();
	}

	/** Starts the scan with force=true and runs its job (the tests' job executor is off). */
	private void scan(String key) {
		ResponseEntity<Map> started = http.withBasicAuth("admin", Fixtures.PASSWORD).postForEntity(
				"/engine-rest/process-definition/key/" + key + "/start", json(FORCE), Map.class);
		assertThat(started.getStatusCode()).isEqualTo(HttpStatus.OK);
		ResponseEntity<List> jobs = http.withBasicAuth("admin", Fixtures.PASSWORD)
				.getForEntity("/engine-rest/job?processInstanceId=" + started.getBody().get("id"), List.class);
		assertThat(jobs.getBody()).hasSize(1);
		String jobId = (String) ((Map<?, ?>) jobs.getBody().get(0)).get("id");
		ResponseEntity<String> executed = http.withBasicAuth("admin", Fixtures.PASSWORD)
				.exchange("/engine-rest/job/" + jobId + "/execute", HttpMethod.POST, json("{}"), String.class);
		assertThat(executed.getStatusCode()).as(executed.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
	}

	private void suspend(String customerNo, String kind, OffsetDateTime at) {
		ResponseEntity<Map> answer = http.withBasicAuth("billing", Fixtures.PASSWORD).postForEntity(
				"/api/billing/suspensions",
				json("{\"customerNo\":\"" + customerNo + "\",\"kind\":\"" + kind + "\",\"at\":\"" + at + "\"}"), Map.class);
		assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
	}

	/** Running instances of the process for the customer. */
	private int running(String key, String customerNo) {
		return count("/engine-rest/process-instance/count?processDefinitionKey=" + key + "&businessKey=" + customerNo);
	}

	/** Instances of the process for the customer, running or ended. */
	private int all(String key, String customerNo) {
		return count("/engine-rest/history/process-instance/count?processDefinitionKey=" + key
				+ "&processInstanceBusinessKey=" + customerNo);
	}

	private int count(String path) {
		ResponseEntity<Map> answer = http.withBasicAuth("admin", Fixtures.PASSWORD).getForEntity(path, Map.class);
		assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
		return ((Number) answer.getBody().get("count")).intValue();
	}

	private static HttpEntity<MultiValueMap<String, Object>> upload(String content) {
		MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
		parts.add("file", new ByteArrayResource(content.getBytes(StandardCharsets.UTF_8)) {
			@Override
			public String getFilename() {
				return "customers.csv";
			}
		});
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.MULTIPART_FORM_DATA);
		return new HttpEntity<>(parts, headers);
	}
}
