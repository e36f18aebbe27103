package com.retentiondesk.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
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
import com.retentiondesk.contract.AgreementType;
import com.retentiondesk.contract.Agreements;
import com.retentiondesk.imports.ListReport;

/** Importing BSS customer exports: upsert, idempotency, row-level rejections, CSV and Excel, the endpoint. */
@DeskTest
class CustomerImportTest {

	private static final String HEADER = "customer_no,name,service_no,network,segment,star_level,payment_type,balance,"
			+ "arrears_months,line_status,manager,birthday,id_type,id_no,address,second_phone,email,agreement_type,agreement_end\n";

	@Autowired
	CustomerImport customerImport;
	@Autowired
	Customers customers;
	@Autowired
	Agreements agreements;
	@Autowired
	TestRestTemplate http;

	@Test
	void shouldCreateCustomersAndChangeNothingWhenTheSameFileComesAgain() throws IOException {
		String csv = HEADER
				+ "IMP001,张三,13300000001,CDMA,普1,5,PREPAID,12.5,0,ACTIVE,manager1,1980-01-02,身份证,440101198001020011,广州市,13900000001,zs@example.cn,RECHARGE_BINDING,2027-01-31\n"
				+ "IMP002,李四,02088000002,PHS,中高端,3,POSTPAID,-30.00,2,SINGLE_STOP,manager5,,,,,,,,\n";

		ListReport first = importCsv("first.csv", csv);
		ListReport second = importCsv("second.csv", csv);

		assertThat(first.rowsRead()).isEqualTo(2);
		assertThat(first.created()).isEqualTo(2);
		assertThat(first.rejected()).isEmpty();
		assertThat(second.created()).isZero();
		assertThat(second.updated()).isZero();
		assertThat(second.unchanged()).isEqualTo(2);
		Customer zhang = customers.findById("IMP001").orElseThrow();
		assertThat(zhang.getSegment()).isEqualTo(Segment.CDMA_TIER1);
		assertThat(zhang.getBalance()).isEqualByComparingTo("12.50");
		assertThat(zhang.getManagerId()).isEqualTo("manager1");
		assertThat(agreements.findByCustomerNoIn(java.util.List.of("IMP001"))).singleElement()
				.satisfies(a -> {
					assertThat(a.getAgreementType()).isEqualTo(AgreementType.RECHARGE_BINDING);
					assertThat(a.getEndDate()).isEqualTo(LocalDate.of(2027, 1, 31));
				});
		assertThat(customers.findById("IMP002").orElseThrow().getLineStatus()).isEqualTo(LineStatus.SINGLE_STOP);
	}

	@Test
	void shouldUpdateAChangedCustomer() throws IOException {
		importCsv("a.csv", HEADER + "IMP010,王五,13300000010,CDMA,普1,4,PREPAID,50,0,ACTIVE,manager2,,,,,,,,\n");

		ListReport report = importCsv("b.csv", HEADER + "IMP010,王五,13300000010,CDMA,普1,4,PREPAID,8.00,0,ACTIVE,manager3,,,,,,,,\n");

		assertThat(report.updated()).isEqualTo(1);
		assertThat(customers.findById("IMP010").orElseThrow().getBalance()).isEqualByComparingTo("8.00");
		assertThat(customers.findById("IMP010").orElseThrow().getManagerId()).isEqualTo("manager3");
	}

	@Test
	void shouldImportTheGoodRowsAndListEveryBadOneWithItsLineAndReason() throws IOException {
		String csv = HEADER
				+ "IMP020,好客户,13300000020,PHS,中高端,3,PREPAID,20,0,ACTIVE,manager1,,,,,,,,\n" // line 2: fine
				+ "IMP021,坏经理,13300000021,PHS,中高端,3,PREPAID,20,0,ACTIVE,manager99,,,,,,,,\n" // 3: unknown manager
				+ "IMP022,坏日期,13300000022,PHS,中高端,3,PREPAID,20,0,ACTIVE,manager1,1990-13-45,,,,,,,\n" // 4: bad date
				+ "IMP023,负欠费,13300000023,PHS,中高端,3,POSTPAID,20,-1,ACTIVE,manager1,,,,,,,,\n" // 5: negative arrears
				+ ",无编号,13300000024,PHS,中高端,3,PREPAID,20,0,ACTIVE,manager1,,,,,,,,\n" // 6: no customer number
				+ "IMP025,坏网络,13300000025,GSM,中高端,3,PREPAID,20,0,ACTIVE,manager1,,,,,,,,\n" // 7: unknown network
				+ "IMP026,坏余额,13300000026,PHS,中高端,3,PREPAID,abc,0,ACTIVE,manager1,,,,,,,,\n" // 8: bad money
				+ "IMP027,坏状态,13300000027,PHS,中高端,3,PREPAID,20,0,STOPPED,manager1,,,,,,,,\n" // 9: unknown status
				+ "IMP028,缺协议日期,13300000028,PHS,中高端,3,PREPAID,20,0,ACTIVE,manager1,,,,,,,HANDSET_SUBSIDY,\n" // 10
				+ "IMP020,重复,13300000020,PHS,中高端,3,PREPAID,20,0,ACTIVE,manager1,,,,,,,,\n" // 11: duplicate
				+ "IMP029,另一个好客户,13300000029,C网,普1,7星,预付费,1.5,0,正常,manager2,,,,,,,,\n"; // 12: fine

		ListReport report = importCsv("broken.csv", csv);

		assertThat(report.rowsRead()).isEqualTo(11);
		assertThat(report.created()).isEqualTo(2);
		assertThat(customers.existsById("IMP020")).isTrue();
		assertThat(customers.existsById("IMP029")).isTrue();
		assertThat(customers.existsById("IMP021")).isFalse();
		Map<Integer, String> reasons = report.rejected().stream()
				.collect(java.util.stream.Collectors.toMap(ListReport.Row::line, ListReport.Row::reason));
		assertThat(reasons).containsOnlyKeys(3, 4, 5, 6, 7, 8, 9, 10, 11);
		assertThat(reasons.get(3)).contains("未知电话经理").contains("manager99");
		assertThat(reasons.get(4)).contains("生日").contains("1990-13-45");
		assertThat(reasons.get(5)).contains("欠费月数").contains("不能为负数");
		assertThat(reasons.get(6)).contains("缺少客户编号");
		assertThat(reasons.get(7)).contains("未知网络").contains("GSM");
		assertThat(reasons.get(8)).contains("余额").contains("abc");
		assertThat(reasons.get(9)).contains("状态").contains("STOPPED");
		assertThat(reasons.get(10)).contains("协议类型和协议到期");
		assertThat(reasons.get(11)).contains("重复").contains("第2行");
	}

	@Test
	void shouldReadChineseHeadersAndExcelFiles() throws IOException {
		byte[] workbook;
		try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = book.createSheet("客户");
			String[] header = { "客户编号", "姓名", "服务号码", "网络", "客户分群", "星级", "付费类型", "余额", "欠费月数", "状态",
					"电话经理", "生日", "协议类型", "协议到期" };
			Row head = sheet.createRow(0);
			for (int i = 0; i < header.length; i++) {
				head.createCell(i).setCellValue(header[i]);
			}
			CellStyle dateStyle = book.createCellStyle();
			dateStyle.setDataFormat((short) 14); // Excel's default short date
			Row row = sheet.createRow(1);
			row.createCell(0).setCellValue("IMP040");
			row.createCell(1).setCellValue("赵六");
			row.createCell(2).setCellValue("13300000040");
			row.createCell(3).setCellValue("CDMA");
			row.createCell(4).setCellValue("普1");
			row.createCell(5).setCellValue(6);
			row.createCell(6).setCellValue("POSTPAID");
			row.createCell(7).setCellValue(-88.5);
			row.createCell(8).setCellValue(2);
			row.createCell(9).setCellValue("DOUBLE_STOP");
			row.createCell(10).setCellValue("manager6");
			row.createCell(11).setCellValue(LocalDate.of(1985, 6, 30));
			row.getCell(11).setCellStyle(dateStyle);
			row.createCell(12).setCellValue("终端补贴");
			row.createCell(13).setCellValue(LocalDate.of(2027, 2, 1));
			row.getCell(13).setCellStyle(dateStyle);
			book.write(out);
			workbook = out.toByteArray();
		}

		ListReport report = customerImport.importFile("客户.xlsx", new ByteArrayInputStream(workbook));

		assertThat(report.rejected()).isEmpty();
		assertThat(report.created()).isEqualTo(1);
		Customer zhao = customers.findById("IMP040").orElseThrow();
		assertThat(zhao.getStarLevel()).isEqualTo(6);
		assertThat(zhao.getArrearsMonths()).isEqualTo(2);
		assertThat(zhao.getBalance()).isEqualByComparingTo("-88.50");
		assertThat(zhao.toData().birthday()).isEqualTo(LocalDate.of(1985, 6, 30));
		assertThat(agreements.existsByCustomerNoAndAgreementTypeAndEndDate("IMP040", AgreementType.HANDSET_SUBSIDY,
				LocalDate.of(2027, 2, 1))).isTrue();
	}

	@Test
	void shouldRefuseAFileThatIsNotUtf8OrLacksAColumnOrIsOfAnotherType() {
		byte[] gbk = (HEADER + "IMP050,钱七,13300000050,PHS,中高端,3,PREPAID,20,0,ACTIVE,manager1,,,,,,,,\n")
				.getBytes(Charset.forName("GBK"));

		assertThatThrownBy(() -> customerImport.importFile("gbk.csv", new ByteArrayInputStream(gbk)))
				.isInstanceOf(IllegalArgumentException.class).hasMessageContaining("UTF-8");
		assertThatThrownBy(() -> importCsv("short.csv", "customer_no,name\nIMP051,孙八\n"))
				.isInstanceOf(IllegalArgumentException.class).hasMessageContaining("缺少必需的列")
				.hasMessageContaining("service_no");
		assertThatThrownBy(() -> customerImport.importFile("list.pdf", new ByteArrayInputStream(new byte[] { 1 })))
				.isInstanceOf(IllegalArgumentException.class).hasMessageContaining("不支持的文件类型");
		assertThat(customers.existsById("IMP050")).isFalse();
	}

	@Test
	void shouldImportThroughTheEndpointForIntegrationUsersOnly() {
		String csv = HEADER + "IMP060,周九,13300000060,PHS,中高端,3,PREPAID,20,0,ACTIVE,manager1,,,,,,,,\n";

		ResponseEntity<Map> asBilling = http.withBasicAuth("billing", Fixtures.PASSWORD)
				.postForEntity("/api/customers/import", upload("bss.csv", csv), Map.class);
		ResponseEntity<Map> asManager = http.withBasicAuth("manager1", Fixtures.PASSWORD)
				.postForEntity("/api/customers/import", upload("bss.csv", csv), Map.class);
		ResponseEntity<Map> badHeader = http.withBasicAuth("admin", Fixtures.PASSWORD)
				.postForEntity("/api/customers/import", upload("bad.csv", "name\nx\n"), Map.class);

		assertThat(asBilling.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(asBilling.getBody()).containsEntry("created", 1).containsEntry("rowsRead", 1);
		assertThat(asManager.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(badHeader.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat((String) badHeader.getBody().get("message")).contains("缺少必需的列");
	}

	private ListReport importCsv(String name, String csv) throws IOException {
		return customerImport.importFile(name, new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));
	}

	private static HttpEntity<MultiValueMap<String, Object>> upload(String filename, String content) {
		MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
		parts.add("file", new ByteArrayResource(content.getBytes(StandardCharsets.UTF_8)) {
			@Override
			public String getFilename() {
				return filename;
			}
		});
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.MULTIPART_FORM_DATA);
		return new HttpEntity<>(parts, headers);
	}
}
