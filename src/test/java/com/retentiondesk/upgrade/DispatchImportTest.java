package com.retentiondesk.upgrade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.MultiValueMap;

import com.retentiondesk.DeskTest;
import com.retentiondesk.Fixtures;
import com.retentiondesk.casework.CaseOutcome;
import com.retentiondesk.casework.CaseType;
import com.retentiondesk.casework.RetentionCase;
import com.retentiondesk.casework.RetentionCases;
import com.retentiondesk.customer.Customer;
import com.retentiondesk.customer.Customers;
import com.retentiondesk.imports.ListReport;
import com.retentiondesk.customer.LineStatus;

/** POST /api/dispatches: who gets an upgrade case, and the report of everyone who does not. */
@DeskTest
@ExtendWith(OutputCaptureExtension.class)
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
	@Autowired
	UpgradeCases upgrades;
	@Autowired
	PlatformTransactionManager transactions;

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
	void shouldNotDispatchACustomerWhoDeclinedWithinNinetyDaysInAnyCampaign() throws IOException {
		LocalDateTime now = LocalDateTime.now();
		customers.saveAndFlush(Fixtures.customer(Fixtures.prepaid("DSP30", "30.00", "manager2"))); // declined 10 days ago
		endedCase("DSP30", "秋季升级", CaseOutcome.DECLINED, now.minusDays(10));
		customers.saveAndFlush(Fixtures.customer(Fixtures.prepaid("DSP31", "30.00", "manager2"))); // declined 91 days ago
		endedCase("DSP31", "夏季升级", CaseOutcome.DECLINED, now.minusDays(91));
		customers.saveAndFlush(Fixtures.customer(Fixtures.prepaid("DSP32", "30.00", "manager2"))); // unreachable 10 days ago
		endedCase("DSP32", "秋季升级", CaseOutcome.UNREACHABLE, now.minusDays(10));

		ListReport report = dispatch("rest.csv", "customer_no\nDSP30\nDSP31\nDSP32\n", "冬季升级D");

		assertThat(report.created()).isEqualTo(2);
		assertThat(report.unchangedByReason()).containsExactlyEntriesOf(Map.of("近期已拒绝升级", 1));
		assertThat(cases.findOpen("DSP30", CaseType.PHS_UPGRADE)).isEmpty();
		assertThat(cases.findOpen("DSP31", CaseType.PHS_UPGRADE)).isPresent();
		assertThat(cases.findOpen("DSP32", CaseType.PHS_UPGRADE)).isPresent();
	}

	@Test
	void shouldSkipACustomerDispatchedInTheCampaignWhoseCaseHasEnded() throws IOException {
		customers.saveAndFlush(Fixtures.customer(Fixtures.prepaid("DSP40", "30.00", "manager3")));
		endedCase("DSP40", "冬季升级E", CaseOutcome.UNREACHABLE, LocalDateTime.now().minusDays(2));

		ListReport again = dispatch("again.csv", "customer_no\nDSP40\n", "冬季升级E");

		assertThat(again.created()).isZero();
		assertThat(again.unchangedByReason()).containsExactlyEntriesOf(Map.of("本活动已派过单", 1));
	}

	@Test
	void shouldWaitForACustomerAnotherNodeHoldsAndThenFindItsCaseOpen(CapturedOutput output) throws Exception {
		customers.saveAndFlush(Fixtures.customer(Fixtures.prepaid("DSP50", "30.00", "manager4")));
		CountDownLatch locked = new CountDownLatch(1);
		ExecutorService otherNode = Executors.newSingleThreadExecutor();
		try {
			// the same list dispatched on the other node: its chunk has the customer and opens the case
			Future<?> other = otherNode.submit(() -> new TransactionTemplate(transactions).executeWithoutResult(status -> {
				Customer customer = customers.lockAll(List.of("DSP50")).get(0);
				locked.countDown();
				pause(1500);
				upgrades.open(customer, "冬季升级F", DEADLINE, null, null);
			}));
			assertThat(locked.await(10, TimeUnit.SECONDS)).isTrue();

			ListReport report = dispatch("same.csv", "customer_no\nDSP50\n", "冬季升级F");
			other.get(30, TimeUnit.SECONDS);

			assertThat(report.created()).isZero();
			assertThat(report.unchangedByReason()).containsExactlyEntriesOf(Map.of("已有未结的升级案件", 1));
			assertThat(report.rejected()).isEmpty();
			assertThat(output.getAll()).doesNotContain("dispatch 冬季升级F: chunk up to");
			assertThat(cases.findAll().stream().filter(c -> c.getCustomerNo().equals("DSP50")).count()).isOne();
		} finally {
			otherNode.shutdownNow();
		}
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

	private void endedCase(String customerNo, String campaign, CaseOutcome outcome, LocalDateTime closedAt) {
		RetentionCase file = new RetentionCase(CaseType.PHS_UPGRADE, customerNo, "manager2", closedAt.minusDays(5));
		file.forCampaign(campaign);
		file.close(outcome, closedAt);
		cases.saveAndFlush(file);
	}

	private static void pause(long millis) {
		try {
			Thread.sleep(millis);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
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
