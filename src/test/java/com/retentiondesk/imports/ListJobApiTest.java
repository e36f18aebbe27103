package com.retentiondesk.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import com.retentiondesk.DeskTest;
import com.retentiondesk.Fixtures;
import com.retentiondesk.casework.CaseType;
import com.retentiondesk.casework.RetentionCases;
import com.retentiondesk.customer.Customers;

/**
 * Issue 23 points 3 and 4: a list over 5,000 rows is answered 202 with a Location whose GET follows it
 * to DONE (with the one report shape); a job left RUNNING by a node that stopped is marked FAILED.
 */
@DeskTest
class ListJobApiTest {

	private static final String HEADER = "customer_no,name,service_no,network,segment,star_level,payment_type,balance,"
			+ "arrears_months,line_status,manager\n";

	@Autowired
	TestRestTemplate http;
	@Autowired
	Customers customers;
	@Autowired
	RetentionCases cases;
	@Autowired
	JdbcTemplate jdbc;

	@Test
	@SuppressWarnings("unchecked")
	void shouldImport5200RowsInTheBackgroundAndAnswerTheirStateAtTheLocation() throws InterruptedException {
		StringBuilder csv = new StringBuilder(HEADER);
		for (int i = 0; i < 5200; i++) {
			csv.append(String.format("LJB%05d,客户%d,133%08d,CDMA,,3,PREPAID,10.00,0,ACTIVE,manager1%n", i, i, i));
		}
		csv.append("LJBBAD,,13300000000,CDMA,,3,PREPAID,10.00,0,ACTIVE,manager1\n");

		ResponseEntity<Map> accepted = upload("admin", "/api/customers/import", csv.toString(), "big.csv", null);

		assertThat(accepted.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
		URI location = accepted.getHeaders().getLocation();
		assertThat(location.toString()).matches("/api/customers/imports/[0-9a-f-]{36}");
		assertThat(accepted.getBody()).containsEntry("state", "RUNNING").containsEntry("rowsTotal", 5201);

		Map<String, Object> done = follow("billing", location);
		assertThat(done).containsEntry("state", "DONE").containsEntry("rowsRead", 5201).containsEntry("opened", 5200)
				.containsEntry("skipped", 0).containsEntry("rejected", 1);
		Map<String, Object> report = (Map<String, Object>) done.get("report");
		assertThat(report).containsEntry("file", "big.csv").containsEntry("rowsRead", 5201)
				.containsEntry("created", 5200).containsEntry("updated", 0).containsEntry("unchanged", 0)
				.containsEntry("rejectedCount", 1);
		assertThat((Map<String, Object>) report.get("rejectedByReason")).containsExactlyEntriesOf(Map.of("缺少姓名/name", 1));
		assertThat((List<Map<String, Object>>) report.get("rejected")).singleElement()
				.satisfies(row -> assertThat(row).containsEntry("line", 5202).containsEntry("customerNo", "LJBBAD"));
		assertThat(customers.existsById("LJB05199")).isTrue();

		// the import's Location is not a dispatch, a manager may not read it, and an unknown id is 404
		String id = location.getPath().substring(location.getPath().lastIndexOf('/') + 1);
		assertThat(get("admin", URI.create("/api/dispatches/" + id)).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(get("manager1", location).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(get("admin", URI.create("/api/customers/imports/nothing")).getStatusCode())
				.isEqualTo(HttpStatus.NOT_FOUND);
	}

	@Test
	@SuppressWarnings("unchecked")
	void shouldDispatchALongListInTheBackgroundAndAShortOneAtOnce() throws InterruptedException {
		customers.saveAndFlush(Fixtures.customer(Fixtures.prepaid("LJD001", "30.00", "manager1")));
		StringBuilder csv = new StringBuilder("customer_no\nLJD001\n");
		for (int i = 0; i < 5100; i++) {
			csv.append("LJDNONE").append(i).append('\n');
		}
		csv.append("LJD001\n");

		ResponseEntity<Map> accepted = upload("supervisor1", "/api/dispatches", csv.toString(), "long.csv", "长名单");

		assertThat(accepted.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
		URI location = accepted.getHeaders().getLocation();
		assertThat(location.toString()).startsWith("/api/dispatches/");
		Map<String, Object> done = follow("supervisor1", location);
		assertThat(done).containsEntry("state", "DONE").containsEntry("rowsRead", 5102).containsEntry("opened", 1)
				.containsEntry("skipped", 1).containsEntry("rejected", 5100);
		Map<String, Object> report = (Map<String, Object>) done.get("report");
		assertThat(report).containsEntry("created", 1).containsEntry("unchanged", 1).containsEntry("rejectedCount", 5100);
		assertThat((Map<String, Object>) report.get("rejectedByReason")).containsExactlyEntriesOf(Map.of("未知客户", 5100));
		assertThat((List<Object>) report.get("rejected")).hasSize(1000);
		assertThat(cases.findOpen("LJD001", CaseType.PHS_UPGRADE)).isPresent();

		ResponseEntity<Map> shortList = upload("supervisor1", "/api/dispatches", "customer_no\nLJDNONE1\n", "short.csv",
				"短名单");
		assertThat(shortList.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(shortList.getHeaders().getLocation()).isNull();
		assertThat(shortList.getBody()).containsEntry("rowsRead", 1).containsEntry("rejectedCount", 1);
	}

	@Test
	void shouldMarkAJobFailedWhoseNodeStoppedBeating() {
		Timestamp longAgo = Timestamp.valueOf(LocalDateTime.now().minusMinutes(20).withNano(0));
		jdbc.update("insert into list_job (id, kind, file_name, state, rows_total, rows_read, opened, skipped, rejected, "
				+ "node, created_at, heartbeat_at) values ('00000000-0000-0000-0000-00000000dead', 'DISPATCH', 'x.csv', "
				+ "'RUNNING', 9000, 4000, 3000, 0, 0, 'crashed-node', ?, ?)", longAgo, longAgo);

		ResponseEntity<Map> state = get("admin", URI.create("/api/dispatches/00000000-0000-0000-0000-00000000dead"));

		assertThat(state.getBody()).containsEntry("state", "FAILED").containsEntry("opened", 3000);
		assertThat((String) state.getBody().get("message")).contains("处理中断");
	}

	private Map<String, Object> follow(String user, URI location) throws InterruptedException {
		long deadline = System.currentTimeMillis() + 120_000;
		while (true) {
			ResponseEntity<Map> state = get(user, location);
			assertThat(state.getStatusCode()).isEqualTo(HttpStatus.OK);
			if (!"RUNNING".equals(state.getBody().get("state")) || System.currentTimeMillis() > deadline) {
				return state.getBody();
			}
			Thread.sleep(200);
		}
	}

	private ResponseEntity<Map> get(String user, URI location) {
		return http.withBasicAuth(user, Fixtures.PASSWORD).getForEntity(location.toString(), Map.class);
	}

	private ResponseEntity<Map> upload(String user, String path, String csv, String name, String campaign) {
		MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
		form.add("file", new ByteArrayResource(csv.getBytes(StandardCharsets.UTF_8)) {
			@Override
			public String getFilename() {
				return name;
			}
		});
		if (campaign != null) {
			form.add("campaign", campaign);
			form.add("deadline", LocalDate.now().plusDays(10).toString());
		}
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.MULTIPART_FORM_DATA);
		return http.withBasicAuth(user, Fixtures.PASSWORD).postForEntity(path, new HttpEntity<>(form, headers), Map.class);
	}
}
