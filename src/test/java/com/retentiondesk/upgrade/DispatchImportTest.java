package com.retentiondesk.upgrade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import com.retentiondesk.DeskTest;
import com.retentiondesk.Fixtures;
import com.retentiondesk.casework.CaseType;
import com.retentiondesk.casework.RetentionCases;
import com.retentiondesk.customer.Customers;
import com.retentiondesk.imports.ListReport;
import com.retentiondesk.customer.LineStatus;

/** POST /api/dispatches: who gets an upgrade case, and the report of everyone who does not. */
@DeskTest
class DispatchImportTest {

	private static final LocalDate DEADLINE = LocalDate.now().plusDays(10);

	@Autowired
	DispatchImport dispatches;
	@Autowired
	Customers customers;
	@Autowired
	RetentionCases cases;
	@Autowired
	TestRestTemplate http;

	@Test
	void shouldOpenOneCasePerEligibleCustomerAndReportEveryOtherRow() throws IOException {
		customers.saveAndFlush(Fixtures.customer(Fixtures.prepaid("DSP01", "30.00", "manager1")));
		customers.saveAndFlush(Fixtures.customer(Fixtures.prepaid("DSP02", "30.00", "manager5")));
		customers.saveAndFlush(Fixtures.customer(Fixtures.cdmaTier1("DSP03", "30.00", "manager1", null)));
		customers.saveAndFlush(Fixtures.customer(
				Fixtures.withLineStatus(Fixtures.prepaid("DSP04", "30.00", "manager1"), LineStatus.CLOSED)));
		String csv = "客户编号,推荐方案,备注\n"
				+ "DSP01,C网199元套餐,老客户\n" // 2: opened
				+ "DSP02,,\n" // 3: opened
				+ "DSP03,,\n" // 4: CDMA customer
				+ "DSP04,,\n" // 5: closed line
				+ "NOBODY,,\n" // 6: unknown
				+ "DSP01,,\n" // 7: duplicate row
				+ ",,无编号\n" // 8: rejected
				+ "DSP#5,,\n"; // 9: rejected

		ListReport report = dispatch("list.csv", csv, "冬季升级A");

		assertThat(report.rowsRead()).isEqualTo(8);
		assertThat(report.created()).isEqualTo(2);
		assertThat(cases.findOpen("DSP01", CaseType.PHS_UPGRADE)).get()
				.satisfies(c -> assertThat(c.getCampaign()).isEqualTo("冬季升级A"));
		// the customers the campaign cannot reach are refused with their line; a repeat changes nothing
		Map<Integer, String> rejected = report.rejected().stream()
				.collect(Collectors.toMap(ListReport.Row::line, ListReport.Row::reason));
		assertThat(rejected).containsOnlyKeys(4, 5, 6, 8, 9);
		assertThat(rejected.get(4)).isEqualTo("不是小灵通客户");
		assertThat(rejected.get(5)).isEqualTo("线路已拆机");
		assertThat(rejected.get(6)).isEqualTo("未知客户");
		assertThat(report.rejectedCount()).isEqualTo(5);
		assertThat(report.unchanged()).isOne();
		assertThat(report.unchangedByReason()).containsExactlyEntriesOf(Map.of("文件中重复", 1));
	}

	@Test
	void shouldOpenNothingNewWhenTheSameListIsSentTwice() throws IOException {
		customers.saveAndFlush(Fixtures.customer(Fixtures.prepaid("DSP10", "30.00", "manager2")));
		String csv = "customer_no\nDSP10\n";
		dispatch("once.csv", csv, "冬季升级B");

		ListReport again = dispatch("twice.csv", csv, "冬季升级B");

		assertThat(again.created()).isZero();
		assertThat(again.unchangedByReason()).containsExactlyEntriesOf(Map.of("已有未结的升级案件", 1));
		assertThat(cases.findAll().stream().filter(c -> c.getCustomerNo().equals("DSP10")).count()).isOne();
	}

	@Test
	void shouldRefuseAListWithoutCustomerNumbersOrAPastDeadline() {
		assertThatThrownBy(() -> dispatch("bad.csv", "name\nx\n", "活动")).hasMessageContaining("客户编号");
		assertThatThrownBy(() -> dispatches.importFile("x.csv", new ByteArrayInputStream("customer_no\n".getBytes()),
				"活动", LocalDate.now().minusDays(1))).hasMessageContaining("deadline");
		assertThatThrownBy(() -> dispatches.importFile("x.csv", new ByteArrayInputStream("customer_no\n".getBytes()),
				" ", DEADLINE)).hasMessageContaining("campaign");
	}

	@Test
	void shouldTakeListsFromSupervisorsButNotFromManagers() {
		customers.saveAndFlush(Fixtures.customer(Fixtures.prepaid("DSP20", "30.00", "manager3")));

		ResponseEntity<Map> bySupervisor = post("supervisor1", "customer_no\nDSP20\n", DEADLINE.toString());
		ResponseEntity<Map> byManager = post("manager1", "customer_no\nDSP20\n", DEADLINE.toString());
		ResponseEntity<Map> badDate = post("supervisor1", "customer_no\nDSP20\n", "next week");

		assertThat(bySupervisor.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(bySupervisor.getBody()).containsEntry("created", 1);
		assertThat(byManager.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(badDate.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat((String) badDate.getBody().get("message")).startsWith("deadline");
	}

	private ListReport dispatch(String name, String csv, String campaign) throws IOException {
		return dispatches.importFile(name, new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), campaign,
				DEADLINE);
	}

	private ResponseEntity<Map> post(String user, String csv, String deadline) {
		MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
		parts.add("file", new ByteArrayResource(csv.getBytes(StandardCharsets.UTF_8)) {
			@Override
			public String getFilename() {
				return "list.csv";
			}
		});
		parts.add("campaign", "冬季升级C");
		parts.add("deadline", deadline);
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.MULTIPART_FORM_DATA);
		return http.withBasicAuth(user, Fixtures.PASSWORD).postForEntity("/api/dispatches",
				new HttpEntity<>(parts, headers), Map.class);
	}
}
