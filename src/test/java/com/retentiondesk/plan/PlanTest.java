package com.retentiondesk.plan;

import static com.retentiondesk.CaseTestKit.at;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
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

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.retentiondesk.CaseTestKit;
import com.retentiondesk.DeskTest;
import com.retentiondesk.Fixtures;
import com.retentiondesk.contact.ContactAttempt;
import com.retentiondesk.contact.ContactChannel;
import com.retentiondesk.contract.Agreement;
import com.retentiondesk.contract.AgreementType;
import com.retentiondesk.contract.Agreements;
import com.retentiondesk.customer.CustomerData;
import com.retentiondesk.customer.LineStatus;
import com.retentiondesk.customer.Network;
import com.retentiondesk.customer.PaymentType;
import com.retentiondesk.customer.Segment;

/**
 * The monthly work plan (issue 30, point 1): drafted from the data as a workbook whose 客户编号 column holds the
 * manager's customers with arrears, agreements ending in the window, birthdays and profile gaps; who may fetch it;
 * the edited workbook uploaded back (a row removed, a row added, a note) and the supervisor's review on the 5th
 * working day; the errors a bad upload gets, with nothing changed. Customers of manager4, December 2026.
 */
@DeskTest
class PlanTest {

	/** Wednesday 2 December 2026, 10:00. */
	@RegisterExtension
	static final CaseTestKit kit = CaseTestKit.clockAt(ZonedDateTime.parse("2026-12-02T10:00:00+08:00[Asia/Shanghai]"));

	private static final ObjectMapper JSON = new ObjectMapper();

	@Autowired
	TestRestTemplate http;
	@Autowired
	Agreements agreements;
	@Autowired
	TaskService tasks;
	@Autowired
	HistoryService history;
	@Autowired
	com.retentiondesk.casework.ContactLog contacts;

	@Test
	void shouldDraftTheMonthFromTheDataAndTakeTheManagersEditsForReview() throws Exception {
		kit.saveCustomer(Fixtures.prepaid("PLN90330001", "3.50", "manager4"));
		kit.saveCustomer(Fixtures.prepaid("PLN90330002", "80.00", "manager4"));
		kit.saveCustomer(Fixtures.prepaid("PLN90330003", "80.00", "manager4"));
		kit.saveCustomer(new CustomerData("PLN90330004", "资料不全", "13390330004", Network.CDMA, Segment.CDMA_TIER1, 5,
				PaymentType.PREPAID, new BigDecimal("90.00"), 0, LineStatus.ACTIVE, "manager4", LocalDate.of(1980, 12, 24),
				"身份证", null, "福州市鼓楼区", null, null, null));
		kit.saveCustomer(Fixtures.prepaid("PLN90330005", "80.00", "manager4"));
		agreements.saveAndFlush(new Agreement("PLN90330002", AgreementType.RECHARGE_BINDING, LocalDate.of(2027, 1, 20),
				LocalDateTime.parse("2026-01-01T00:00")));
		agreements.saveAndFlush(new Agreement("PLN90330003", AgreementType.RECHARGE_BINDING, LocalDate.of(2027, 6, 30),
				LocalDateTime.parse("2026-01-01T00:00")));

		List<List<String>> rows = rows(get("manager4", "/api/plans/2026-12", HttpStatus.OK));

		assertThat(rows.get(0)).containsExactly("客户编号", "客户姓名", "服务号码", "工作项", "说明", "备注");
		assertThat(mine(rows)).containsExactly(
				List.of("PLN90330001", "测试客户PLN90330001", "13390330001", "欠费提醒", "预付费余额 ¥3.50", ""),
				List.of("PLN90330002", "测试客户PLN90330002", "13390330002", "到期保有", "协议到期 2027-01-20", ""),
				List.of("PLN90330004", "资料不全", "13390330004", "生日关怀", "生日 12-24", ""),
				List.of("PLN90330004", "资料不全", "13390330004", "资料完善", "缺少: 证件号码、第二联系号码", ""));

		// the manager drops the birthday, adds a call to PLN90330005 and notes the arrears call
		List<List<String>> edited = new ArrayList<>();
		edited.add(rows.get(0));
		for (List<String> row : rows.subList(1, rows.size())) {
			if (row.get(0).equals("PLN90330001")) {
				edited.add(List.of(row.get(0), row.get(1), row.get(2), row.get(3), row.get(4), "12-03 上午先打"));
			} else if (!row.get(3).equals("生日关怀") || !row.get(0).equals("PLN90330004")) {
				edited.add(row);
			}
		}
		edited.add(List.of("PLN90330005", "", "", "其他", "", "推荐家庭套餐"));
		int total = edited.size() - 1;

		JsonNode submitted = put("manager4", "/api/plans/2026-12", workbook(edited), HttpStatus.OK);

		assertThat(submitted.path("state").asText()).isEqualTo("SUBMITTED");
		assertThat(submitted.path("items").asLong()).isEqualTo(total);
		assertThat(submitted.path("added").asLong()).isEqualTo(1);
		assertThat(submitted.path("removed").asLong()).isEqualTo(1);
		List<List<String>> again = mine(rows(get("supervisor1", "/api/plans/2026-12?manager=manager4", HttpStatus.OK)));
		assertThat(again).contains(List.of("PLN90330001", "测试客户PLN90330001", "13390330001", "欠费提醒", "预付费余额 ¥3.50",
				"12-03 上午先打"), List.of("PLN90330005", "测试客户PLN90330005", "13390330005", "其他", "", "推荐家庭套餐"));
		assertThat(again).noneMatch(row -> row.get(3).equals("生日关怀"));

		Task review = tasks.createTaskQuery().processDefinitionKey("PlanReviewProcess")
				.processInstanceBusinessKey("manager4:2026-12").singleResult();
		assertThat(review.getTaskDefinitionKey()).isEqualTo(PlanProcess.TASK_REVIEW);
		assertThat(review.getAssignee()).isEqualTo("supervisor1");
		assertThat(tasks.getIdentityLinksForTask(review.getId()).stream().map(IdentityLink::getGroupId))
				.contains("team1-supervisors");
		assertThat(review.getDueDate()).as("Tue 1, Wed 2, Thu 3, Fri 4, Mon 7 December").isEqualTo(at("2026-12-07T20:00"));
		assertThat((String) tasks.getVariable(review.getId(), PlanProcess.PLAN_SUMMARY)).startsWith("共 " + total + " 项")
				.endsWith("经理新增 1 项, 删除 1 项");

		// 分析 of the monthly workbook (issue 30, point 4): the plan against what was done, PLN90330001 called
		contacts.record(new ContactAttempt("PLN90330001", null, null, "manager4", LocalDateTime.parse("2026-12-02T09:30"),
				ContactChannel.PHONE, "REACHED", null));
		byte[] monthly = get("supervisor1", "/api/reports/monthly?month=2026-12&manager=manager4", HttpStatus.OK);
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(monthly))) {
			Row row = book.getSheet("分析").getRow(3);
			assertThat(row.getCell(0).getStringCellValue()).isEqualTo("刘洋");
			assertThat(row.getCell(1).getNumericCellValue()).as("计划项").isEqualTo(total);
			assertThat(row.getCell(2).getNumericCellValue()).as("已完成").isGreaterThanOrEqualTo(1.0);
		}

		// uploaded again while the review is open: no second review
		put("manager4", "/api/plans/2026-12", workbook(edited), HttpStatus.OK);
		assertThat(tasks.createTaskQuery().processInstanceBusinessKey("manager4:2026-12").count()).isOne();
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> tasks.complete(review.getId(), Map.of()))
				.hasMessageContaining("审阅意见");
		tasks.complete(review.getId(), Map.of(PlanProcess.REVIEW_NOTES, "同意,注意月初先处理欠费"));
		assertThat(history.createHistoricProcessInstanceQuery().processInstanceBusinessKey("manager4:2026-12").finished()
				.singleResult().getEndActivityId()).isEqualTo(PlanProcess.END_REVIEWED);
	}

	@Test
	void shouldShowAPlanOnlyToTheManagerTheirSupervisorsAndAdministrators() {
		get("manager3", "/api/plans/2026-11", HttpStatus.OK);
		get("supervisor1", "/api/plans/2026-11?manager=manager3", HttpStatus.OK);
		get("admin", "/api/plans/2026-11?manager=manager3", HttpStatus.OK);
		get("manager5", "/api/plans/2026-11?manager=manager3", HttpStatus.FORBIDDEN);
		get("supervisor2", "/api/plans/2026-11?manager=manager3", HttpStatus.FORBIDDEN);
		get("billing", "/api/plans/2026-11?manager=manager3", HttpStatus.FORBIDDEN);
		get("admin", "/api/plans/2026-11?manager=nobody", HttpStatus.NOT_FOUND);
		get("manager3", "/api/plans/2026-13", HttpStatus.BAD_REQUEST);
	}

	@Test
	void shouldRefuseABadUploadNamingTheLineAndChangeNothing() throws Exception {
		kit.saveCustomer(Fixtures.prepaid("PLN90330011", "2.00", "manager3"));
		List<List<String>> rows = rows(get("manager3", "/api/plans/2027-01", HttpStatus.OK));
		List<String> header = rows.get(0);

		JsonNode foreign = put("manager3", "/api/plans/2027-01",
				workbook(List.of(header, List.of("PLN90330001", "", "", "欠费提醒", "", ""))), HttpStatus.BAD_REQUEST);
		assertThat(foreign.path("message").asText()).isEqualTo("file: 第2行: 客户 PLN90330001 不是 manager3 的客户");
		JsonNode kind = put("manager3", "/api/plans/2027-01",
				workbook(List.of(header, List.of("PLN90330011", "", "", "喝茶", "", ""))), HttpStatus.BAD_REQUEST);
		assertThat(kind.path("message").asText()).startsWith("file: 第2行: 工作项“喝茶”无效");
		JsonNode twice = put("manager3", "/api/plans/2027-01", workbook(List.of(header,
				List.of("PLN90330011", "", "", "欠费提醒", "", ""), List.of("PLN90330011", "", "", "欠费提醒", "", "再打"))),
				HttpStatus.BAD_REQUEST);
		assertThat(twice.path("message").asText()).startsWith("file: 第3行与第2行重复");
		JsonNode noHeader = put("manager3", "/api/plans/2027-01", workbook(List.of(List.of("编号", "备注"))),
				HttpStatus.BAD_REQUEST);
		assertThat(noHeader.path("message").asText()).contains("缺少“客户编号”列");

		assertThat(rows(get("manager3", "/api/plans/2027-01", HttpStatus.OK))).isEqualTo(rows);
		assertThat(tasks.createTaskQuery().processInstanceBusinessKey("manager3:2027-01").count()).isZero();
	}

	private static List<List<String>> mine(List<List<String>> rows) {
		return rows.stream().filter(row -> row.get(0).startsWith("PLN9033000")).toList();
	}

	private byte[] get(String user, String path, HttpStatus expected) {
		ResponseEntity<byte[]> answer = http.withBasicAuth(user, Fixtures.PASSWORD).getForEntity(path, byte[].class);
		assertThat(answer.getStatusCode()).as(user + " " + path).isEqualTo(expected);
		return answer.getBody();
	}

	private JsonNode put(String user, String path, byte[] xlsx, HttpStatus expected) throws Exception {
		LinkedMultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
		parts.add("file", new ByteArrayResource(xlsx) {
			@Override
			public String getFilename() {
				return "plan.xlsx";
			}
		});
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.MULTIPART_FORM_DATA);
		ResponseEntity<String> answer = http.withBasicAuth(user, Fixtures.PASSWORD).exchange(path, HttpMethod.PUT,
				new HttpEntity<>(parts, headers), String.class);
		assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(expected);
		return JSON.readTree(answer.getBody());
	}

	private static List<List<String>> rows(byte[] xlsx) throws Exception {
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			Sheet sheet = book.getSheetAt(0);
			assertThat(sheet.getSheetName()).isEqualTo("工作计划");
			List<List<String>> rows = new ArrayList<>();
			for (Row row : sheet) {
				List<String> cells = new ArrayList<>();
				for (int i = 0; i < 6; i++) {
					cells.add(row.getCell(i) == null ? "" : row.getCell(i).getStringCellValue());
				}
				rows.add(cells);
			}
			return rows;
		}
	}

	private static byte[] workbook(List<List<String>> rows) throws Exception {
		try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = book.createSheet("工作计划");
			for (int r = 0; r < rows.size(); r++) {
				Row row = sheet.createRow(r);
				for (int c = 0; c < rows.get(r).size(); c++) {
					row.createCell(c).setCellValue(rows.get(r).get(c));
				}
			}
			book.write(out);
			return out.toByteArray();
		}
	}
}
