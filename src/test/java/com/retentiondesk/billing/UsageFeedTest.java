package com.retentiondesk.billing;

import static com.retentiondesk.JsonRequests.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
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

import com.retentiondesk.DeskTest;
import com.retentiondesk.Fixtures;
import com.retentiondesk.customer.Customers;

/** The monthly usage feed: JSON, CSV and .xlsx with English or Chinese headers, upsert, the report's shape; the package catalogue. */
@DeskTest
class UsageFeedTest {

	@Autowired
	TestRestTemplate http;
	@Autowired
	Customers customers;
	@Autowired
	MonthlyBills bills;
	@Autowired
	UsagePackages packages;

	private String month(int back) {
		return YearMonth.now().minusMonths(back).toString();
	}

	private void customer(String customerNo) {
		customers.saveAndFlush(Fixtures.customer(Fixtures.postpaid(customerNo, 0, "manager1")));
	}

	@Test
	void shouldUpsertAJsonFeedByCustomerAndMonthAndChangeNothingTheSecondTime() {
		customer("UFJ1");
		customer("UFJ2");
		String body = "[{\"customerNo\":\"UFJ1\",\"month\":\"" + month(2) + "\",\"amount\":100,\"calls\":40,\"minutes\":300,\"packageCode\":\"PKG_59\"},"
				+ "{\"customerNo\":\"UFJ1\",\"month\":\"" + month(1) + "\",\"amount\":60.5,\"calls\":12,\"minutes\":90},"
				+ "{\"客户编号\":\"UFJ2\",\"月份\":\"" + month(1) + "\",\"金额\":\"88.00\",\"通话次数\":\"7\"}]";

		Map<String, Object> first = post(body).getBody();
		Map<String, Object> second = post(body).getBody();

		assertThat(first).containsEntry("file", "(JSON)").containsEntry("rowsRead", 3).containsEntry("created", 3)
				.containsEntry("updated", 0).containsEntry("unchanged", 0).containsEntry("rejectedCount", 0)
				.containsEntry("rejectedByReason", Map.of()).containsEntry("rejected", List.of()).containsEntry("conflicts", List.of());
		// the lists' one report shape (imports.ListReport), as the customer import and dispatches answer
		assertThat(first.keySet()).containsExactly("file", "rowsRead", "created", "updated", "unchanged",
				"unchangedByReason", "rejectedCount", "rejectedByReason", "rejected", "conflicts");
		assertThat(second).containsEntry("created", 0).containsEntry("unchanged", 3);
		List<MonthlyBill> ufj1 = bills.findByCustomerNoOrderByBillMonthDesc("UFJ1");
		assertThat(ufj1).extracting(b -> b.getMonth().toString()).containsExactly(month(1), month(2));
		assertThat(ufj1.get(0).getAmount()).isEqualByComparingTo("60.50");
		assertThat(ufj1.get(0).getPackageCode()).isNull();
		assertThat(ufj1.get(1).getPackageCode()).isEqualTo("PKG_59");
		assertThat(ufj1.get(1).getMinutes()).isEqualTo(300);

		// a corrected amount updates the month's row
		Map<String, Object> corrected = post("[{\"customerNo\":\"UFJ1\",\"month\":\"" + month(1)
				+ "\",\"amount\":61,\"calls\":12,\"minutes\":90}]").getBody();
		assertThat(corrected).containsEntry("updated", 1).containsEntry("created", 0);
		assertThat(bills.findByCustomerNoOrderByBillMonthDesc("UFJ1").get(0).getAmount()).isEqualByComparingTo("61.00");
	}

	@Test
	void shouldReadCsvWithChineseHeadersAndXlsxWithEnglishOnes() throws IOException {
		customer("UFF1");
		customer("UFF2");
		String csv = "客户编号,月份,金额,通话次数,通话分钟数,套餐\n"
				+ "UFF1," + month(1) + ",45.00,20,150,PKG_39\n"
				+ "UFF1," + month(1) + ",46.00,20,150,PKG_39\n"; // repeated month
		ResponseEntity<Map> csvReport = upload("usage.csv", csv.getBytes(StandardCharsets.UTF_8));
		assertThat(csvReport.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(csvReport.getBody()).containsEntry("file", "usage.csv").containsEntry("rowsRead", 2)
				.containsEntry("created", 1).containsEntry("rejectedCount", 1);
		assertThat((List<Map<String, Object>>) csvReport.getBody().get("rejected")).singleElement().satisfies(row -> {
			assertThat(row).containsEntry("line", 3).containsEntry("customerNo", "UFF1");
			assertThat((String) row.get("reason")).contains("客户和月份在文件中重复,已在第2行读入");
		});

		ByteArrayOutputStream xlsx = new ByteArrayOutputStream();
		try (XSSFWorkbook workbook = new XSSFWorkbook()) {
			Sheet sheet = workbook.createSheet();
			Row header = sheet.createRow(0);
			String[] names = { "customer_no", "month", "amount", "calls", "minutes", "package_code" };
			for (int i = 0; i < names.length; i++) {
				header.createCell(i).setCellValue(names[i]);
			}
			Row row = sheet.createRow(1);
			row.createCell(0).setCellValue("UFF2");
			row.createCell(1).setCellValue(month(1));
			row.createCell(2).setCellValue(129.5);
			row.createCell(3).setCellValue(33);
			row.createCell(4).setCellValue(410);
			workbook.write(xlsx);
		}
		ResponseEntity<Map> xlsxReport = upload("usage.xlsx", xlsx.toByteArray());
		assertThat(xlsxReport.getBody()).containsEntry("created", 1).containsEntry("rejectedCount", 0);
		MonthlyBill bill = bills.findByCustomerNoOrderByBillMonthDesc("UFF2").get(0);
		assertThat(bill.getAmount()).isEqualByComparingTo("129.50");
		assertThat(bill.getCallCount()).isEqualTo(33);

		ResponseEntity<Map> noColumn = upload("bad.csv", "customer_no,month\nUFF1,2026-01\n".getBytes(StandardCharsets.UTF_8));
		assertThat(noColumn.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat((String) noColumn.getBody().get("message")).contains("表头缺少必需的列").contains("金额/amount")
				.contains("通话次数/calls");
	}

	@Test
	void shouldLetOnlyIntegrationAndAdministratorsFeed() {
		ResponseEntity<Map> manager = http.withBasicAuth("manager1", Fixtures.PASSWORD)
				.postForEntity("/api/billing/monthly-usage", json("[]"), Map.class);
		assertThat(manager.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		ResponseEntity<Map> admin = http.withBasicAuth("admin", Fixtures.PASSWORD)
				.postForEntity("/api/billing/monthly-usage", json("[]"), Map.class);
		assertThat(admin.getStatusCode()).isEqualTo(HttpStatus.OK);
		ResponseEntity<Map> notArray = post("{\"customerNo\":\"UFJ1\"}");
		assertThat(notArray.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat((String) notArray.getBody().get("message")).contains("JSON 数组");
	}

	@Test
	void shouldListTheSeededLadderAndLetAdministratorsEditIt() {
		ResponseEntity<List> list = http.withBasicAuth("admin", Fixtures.PASSWORD).getForEntity("/api/admin/packages",
				List.class);
		assertThat(list.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat((List<Map<String, Object>>) list.getBody()).extracting(p -> p.get("code") + ">" + p.get("nextTier"))
				.containsSubsequence("PKG_39>PKG_59", "PKG_59>PKG_89", "PKG_89>PKG_129", "PKG_129>null", "FUSION_169>null");
		assertThat(http.withBasicAuth("manager1", Fixtures.PASSWORD).getForEntity("/api/admin/packages", Map.class)
				.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(http.withBasicAuth("billing", Fixtures.PASSWORD).getForEntity("/api/admin/packages", Map.class)
				.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

		ResponseEntity<Map> added = put("PKG_19", "{\"name\":\"19元套餐\",\"monthlyMinimum\":19,\"nextTier\":\"PKG_39\"}");
		assertThat(added.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(packages.findById("PKG_19").orElseThrow().getNextTier()).isEqualTo("PKG_39");
		ResponseEntity<Map> renamed = put("PKG_19", "{\"name\":\"19元校园套餐\",\"monthlyMinimum\":19.9,\"nextTier\":\"PKG_39\"}");
		assertThat(renamed.getBody()).containsEntry("name", "19元校园套餐");
		assertThat(packages.findById("PKG_19").orElseThrow().getMonthlyMinimum()).isEqualByComparingTo("19.90");

		assertBad(put("PKG_19", "{\"name\":\"x\",\"monthlyMinimum\":19,\"nextTier\":\"PKG_999\"}"), "未知套餐");
		assertBad(put("PKG_19", "{\"name\":\"x\",\"monthlyMinimum\":50,\"nextTier\":\"PKG_39\"}"), "应高于本套餐");
		assertBad(put("PKG_19", "{\"name\":\"\",\"monthlyMinimum\":19}"), "套餐名称");
		assertBad(put("PKG_19", "{\"name\":\"x\",\"monthlyMinimum\":-1}"), "月保底");
		assertBad(put("pkg 1", "{\"name\":\"x\",\"monthlyMinimum\":1}"), "套餐编码");
		assertThat(packages.findById("PKG_19").orElseThrow().getName()).isEqualTo("19元校园套餐");
		packages.deleteById("PKG_19");
	}

	private static void assertBad(ResponseEntity<Map> answer, String message) {
		assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat((String) answer.getBody().get("message")).contains(message);
	}

	private ResponseEntity<Map> put(String code, String body) {
		return http.withBasicAuth("admin", Fixtures.PASSWORD).exchange("/api/admin/packages/" + code, HttpMethod.PUT,
				json(body), Map.class);
	}

	private ResponseEntity<Map> post(String body) {
		return http.withBasicAuth("billing", Fixtures.PASSWORD).postForEntity("/api/billing/monthly-usage", json(body),
				Map.class);
	}

	private ResponseEntity<Map> upload(String name, byte[] content) {
		MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
		parts.add("file", new ByteArrayResource(content) {
			@Override
			public String getFilename() {
				return name;
			}
		});
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.MULTIPART_FORM_DATA);
		return http.withBasicAuth("billing", Fixtures.PASSWORD).postForEntity("/api/billing/monthly-usage",
				new HttpEntity<>(parts, headers), Map.class);
	}
}
