package com.retentiondesk;

import static com.retentiondesk.JsonRequests.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.TaskService;
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

import com.retentiondesk.arrears.ArrearsCases;
import com.retentiondesk.billing.Payments;
import com.retentiondesk.casework.CaseType;
import com.retentiondesk.casework.RetentionCase;
import com.retentiondesk.casework.RetentionCases;
import com.retentiondesk.contact.ContactAttempts;
import com.retentiondesk.customer.Customers;

/**
 * The bad-input sweep of issue #10, through the HTTP interfaces people and systems use: malformed
 * import rows of 18 kinds among good ones, malformed, out-of-range (issue 23) and repeated billing events, invalid call-form
 * values. Each gets a clear answer that names the problem (Chinese, with the line or field), and
 * nothing good is lost or applied twice.
 */
@DeskTest
class BadInputSweepTest {

	private static final String HEADER = "customer_no,name,service_no,network,segment,star_level,payment_type,balance,"
			+ "arrears_months,line_status,manager,birthday,email,agreement_type,agreement_end\n";

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
	@Autowired
	ContactAttempts contacts;
	@Autowired
	TaskService tasks;
	@Autowired
	com.retentiondesk.billing.MonthlyBills bills;

	@Test
	void shouldRejectEveryKindOfBadRowWithItsLineAndReasonAndKeepTheGoodOnes() {
		String csv = HEADER
				+ "SWP001,王一,13300001111,CDMA,CDMA_TIER1,5,POSTPAID,-88.00,2,ACTIVE,manager1,,,,\n" // 2 good
				+ ",无号,13300001112,CDMA,,5,POSTPAID,-8,2,ACTIVE,manager1,,,,\n" // 3
				+ "SWP 00#,坏号,13300001113,CDMA,,5,POSTPAID,-8,2,ACTIVE,manager1,,,,\n" // 4
				+ "SWPX05,网络,13300001115,GSM,,5,POSTPAID,-8,2,ACTIVE,manager1,,,,\n" // 5
				+ "SWPX06,星级,13300001116,CDMA,,9,POSTPAID,-8,2,ACTIVE,manager1,,,,\n" // 6
				+ "SWPX07,星级,13300001117,CDMA,,五颗,POSTPAID,-8,2,ACTIVE,manager1,,,,\n" // 7
				+ "SWPX08,付费,13300001118,CDMA,,5,CREDIT,-8,2,ACTIVE,manager1,,,,\n" // 8
				+ "SWPX09,余额,13300001119,CDMA,,5,POSTPAID,12.3.4,2,ACTIVE,manager1,,,,\n" // 9
				+ "SWPX10,余额,13300001120,CDMA,,5,POSTPAID,1.234,2,ACTIVE,manager1,,,,\n" // 10
				+ "SWPX11,月数,13300001121,CDMA,,5,POSTPAID,-8,-1,ACTIVE,manager1,,,,\n" // 11
				+ "SWPX12,状态,13300001122,CDMA,,5,POSTPAID,-8,2,GONE,manager1,,,,\n" // 12
				+ "SWP002,王二,13300002222,PHS,MID_HIGH_END,4,PREPAID,5.00,0,ACTIVE,manager2,1980-02-03,,,\n" // 13 good
				+ "SWPX14,经理,13300001124,CDMA,,5,POSTPAID,-8,2,ACTIVE,manager99,,,,\n" // 14
				+ "SWPX15,生日,13300001125,CDMA,,5,POSTPAID,-8,2,ACTIVE,manager1,1980-13-45,,,\n" // 15
				+ "SWPX16,生日,13300001126,CDMA,,5,POSTPAID,-8,2,ACTIVE,manager1,2999-01-01,,,\n" // 16
				+ "SWPX17,邮箱,13300001127,CDMA,,5,POSTPAID,-8,2,ACTIVE,manager1,,not-an-email,,\n" // 17
				+ "SWPX18,协议,13300001128,CDMA,,5,POSTPAID,-8,2,ACTIVE,manager1,,,RECHARGE_BINDING,\n" // 18
				+ "SWPX19,号码,abc,CDMA,,5,POSTPAID,-8,2,ACTIVE,manager1,,,,\n" // 19
				+ "SWPX20,,13300001130,CDMA,,5,POSTPAID,-8,2,ACTIVE,manager1,,,,\n" // 20
				+ "SWPX21,分群,13300001131,CDMA,GOLD,5,POSTPAID,-8,2,ACTIVE,manager1,,,,\n" // 21
				+ "SWP003,王三,13300003333,CDMA,OTHER,3,POSTPAID,-250.00,3,SINGLE_STOP,manager1,,wang3@example.cn,,\n"; // 22 good

		ResponseEntity<Map> report = importCsv(csv);

		assertThat(report.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(report.getBody()).containsEntry("rowsRead", 21).containsEntry("created", 3);
		List<Map<String, Object>> rejected = (List<Map<String, Object>>) report.getBody().get("rejected");
		Map<Integer, String> expected = Map.ofEntries(Map.entry(3, "缺少客户编号"), Map.entry(4, "客户编号只能包含"),
				Map.entry(5, "未知网络"), Map.entry(6, "应在0到7之间"), Map.entry(7, "不是整数"), Map.entry(8, "未知付费类型"),
				Map.entry(9, "不是金额"), Map.entry(10, "最多两位小数"), Map.entry(11, "欠费月数"),
				Map.entry(12, "未知状态"), Map.entry(14, "未知电话经理"), Map.entry(15, "日期格式错误"),
				Map.entry(16, "生日不能在未来"), Map.entry(17, "邮箱格式错误"), Map.entry(18, "协议类型和协议到期"),
				Map.entry(19, "不是电话号码"), Map.entry(20, "缺少姓名"), Map.entry(21, "未知客户分群"));
		assertThat(rejected).as("one entry per bad row").hasSize(expected.size());
		expected.forEach((line, reason) -> assertThat(rejected)
				.as("line %d", line)
				.anySatisfy(row -> {
					assertThat(row.get("line")).isEqualTo(line);
					assertThat((String) row.get("reason")).contains(reason);
				}));
		assertThat(customers.findAllById(List.of("SWP001", "SWP002", "SWP003"))).hasSize(3);
		assertThat(customers.findById("SWP002").orElseThrow().getSegment()).hasToString("MID_HIGH_END");
		assertThat(customers.findAllById(List.of("SWPX05", "SWPX06", "SWPX09", "SWPX14", "SWPX17", "SWPX20"))).isEmpty();

		// a file that cannot be read at all is refused whole, and writes nothing
		ResponseEntity<Map> noColumn = importCsv("customer_no,name\nSWP009,缺列\n");
		assertThat(noColumn.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat((String) noColumn.getBody().get("message")).isNotBlank();
		assertThat(customers.existsById("SWP009")).isFalse();
	}

	@Test
	void shouldAnswerMalformedBillingEventsByFieldAndApplyARepeatedPaymentOnce() {
		importCsv(HEADER + "SWB001,钱一,13300004444,CDMA,,5,POSTPAID,-88.00,2,ACTIVE,manager1,,,,\n"
				+ "SWB002,钱二,13300005555,CDMA,,5,POSTPAID,-20.00,1,ACTIVE,manager1,,,,\n");

		String good = "{\"customerNo\":\"SWB001\",\"amount\":88.00,\"paidAt\":\"2026-11-20T10:15:00+08:00\"}";
		assertThat(post("/api/billing/payments", good).getBody()).containsEntry("duplicate", false);
		assertThat(post("/api/billing/payments", good).getBody()).containsEntry("duplicate", true);
		// the same payment with a fraction of a second more is the same payment
		assertThat(post("/api/billing/payments",
				"{\"customerNo\":\"SWB001\",\"amount\":\"88\",\"paidAt\":\"2026-11-20T10:15:00.640+08:00\"}").getBody())
				.containsEntry("duplicate", true);

		badEvent("/api/billing/payments", "{\"amount\":10,\"paidAt\":\"2026-11-20T10:15:00+08:00\"}", 400, "customerNo");
		badEvent("/api/billing/payments", "{\"customerNo\":\"SWB002\",\"amount\":\"ten\",\"paidAt\":\"2026-11-20T10:15:00+08:00\"}",
				400, "amount");
		badEvent("/api/billing/payments", "{\"customerNo\":\"SWB002\",\"amount\":-5,\"paidAt\":\"2026-11-20T10:15:00+08:00\"}",
				400, "amount");
		badEvent("/api/billing/payments", "{\"customerNo\":\"SWB002\",\"amount\":1.234,\"paidAt\":\"2026-11-20T10:15:00+08:00\"}",
				400, "amount");
		badEvent("/api/billing/payments", "{\"customerNo\":\"SWB002\",\"amount\":20,\"paidAt\":\"yesterday\"}", 400, "paidAt");
		badEvent("/api/billing/payments", "{\"customerNo\":\"SWB002\",\"amount\":20,\"paidAt\":\"2999-01-01T10:00:00+08:00\"}",
				400, "paidAt");
		badEvent("/api/billing/payments", "{\"customerNo\":\"SWB002\",\"amount\":20}", 400, "paidAt");
		badEvent("/api/billing/payments", "{oops", 400, "请求格式错误");
		badEvent("/api/billing/payments", "{\"customerNo\":\"NOBODY\",\"amount\":20,\"paidAt\":\"2026-11-20T10:15:00+08:00\"}",
				404, "未知客户");
		badEvent("/api/billing/suspensions", "{\"customerNo\":\"SWB002\",\"kind\":\"TRIPLE_STOP\",\"at\":\"2026-11-20T10:15:00+08:00\"}",
				400, "kind");
		badEvent("/api/billing/suspensions", "{\"customerNo\":\"SWB002\",\"kind\":\"SINGLE_STOP\"}", 400, "at");
		badEvent("/api/billing/activations", "{\"customerNo\":\"SWB002\",\"at\":\"2026-11-20T10:15:00+08:00\"}", 400,
				"newServiceNo");

		// the good payment counted once, and none of the bad ones touched the other customer
		assertThat(payments.findByCustomerNo("SWB001")).hasSize(1);
		assertThat(customers.findById("SWB001").orElseThrow().getBalance()).isEqualByComparingTo("0.00");
		assertThat(payments.findByCustomerNo("SWB002")).isEmpty();
		assertThat(customers.findById("SWB002").orElseThrow().getBalance()).isEqualByComparingTo("-20.00");

		String suspension = "{\"customerNo\":\"SWB002\",\"kind\":\"SINGLE_STOP\",\"at\":\"2026-11-20T10:15:00+08:00\"}";
		assertThat(post("/api/billing/suspensions", suspension).getBody()).containsEntry("duplicate", false);
		assertThat(post("/api/billing/suspensions", suspension).getBody()).containsEntry("duplicate", true);
		assertThat(cases.findOpen("SWB002", CaseType.SUSPENDED_WINBACK)).isPresent();
	}

	@Test
	void shouldAnswerOutOfRangeBillingFiguresByFieldAndChangeNothing() {
		importCsv(HEADER + "SWO001,赵一,13300007777,CDMA,,5,POSTPAID,-88.00,2,ACTIVE,manager1,,,,\n"
				+ "SWO002,赵二,13300007778,CDMA,,5,PREPAID,9999999000.00,0,ACTIVE,manager1,,,,\n");
		RetentionCase file = arrears.open(customers.findById("SWO001").orElseThrow());

		// issue 23: the column overflowed and the error was taken for a repeat ({"duplicate":true})
		badEvent("/api/billing/payments",
				"{\"customerNo\":\"SWO001\",\"amount\":12345678901.00,\"paidAt\":\"2026-11-20T10:15:00+08:00\"}", 400,
				"amount: 缴费金额超出范围");
		badEvent("/api/billing/payments",
				"{\"customerNo\":\"SWO001\",\"amount\":0,\"paidAt\":\"2026-11-20T10:15:00+08:00\"}", 400, "amount");
		// issue 23: a payment dated 0001-01-01 closed a current case
		badEvent("/api/billing/payments", "{\"customerNo\":\"SWO001\",\"amount\":88,\"paidAt\":\"0001-01-01T00:00:00Z\"}",
				400, "paidAt: 时间早于 2000-01-01");
		badEvent("/api/billing/payments",
				"{\"customerNo\":\"SWO001\",\"amount\":88,\"paidAt\":\"1999-12-31T23:59:59+08:00\"}", 400, "paidAt");
		badEvent("/api/billing/payments",
				"{\"customerNo\":\"SWO001\",\"amount\":88,\"paidAt\":\"2100-01-01T00:00:00+08:00\"}", 400,
				"paidAt: 时间不能在未来");
		// a payment within bounds that would carry the balance past what the column holds
		badEvent("/api/billing/payments",
				"{\"customerNo\":\"SWO002\",\"amount\":9999999999.99,\"paidAt\":\"2026-11-20T10:15:00+08:00\"}", 400,
				"amount: 缴费后余额超出范围");
		badEvent("/api/billing/suspensions",
				"{\"customerNo\":\"SWO001\",\"kind\":\"SINGLE_STOP\",\"at\":\"0001-01-01T00:00:00Z\"}", 400, "at");
		badEvent("/api/billing/reactivations", "{\"customerNo\":\"SWO001\",\"at\":\"2100-01-01T00:00:00Z\"}", 400, "at");
		badEvent("/api/billing/activations",
				"{\"customerNo\":\"SWO001\",\"newServiceNo\":\"13300007779\",\"at\":\"1970-01-01T00:00:00Z\"}", 400,
				"at");

		assertThat(payments.findByCustomerNo("SWO001")).isEmpty();
		assertThat(payments.findByCustomerNo("SWO002")).isEmpty();
		assertThat(customers.findById("SWO002").orElseThrow().getBalance()).isEqualByComparingTo("9999999000.00");
		assertThat(cases.findById(file.getId()).orElseThrow().getOutcome()).as("the case is still open").isNull();

		// the first day and the largest amount are taken
		assertThat(post("/api/billing/payments",
				"{\"customerNo\":\"SWO001\",\"amount\":9999999999.99,\"paidAt\":\"2000-01-01T00:00:00+08:00\"}")
				.getBody()).containsEntry("duplicate", false);
		assertThat(customers.findById("SWO001").orElseThrow().getBalance()).isEqualByComparingTo("9999999911.99");

		// an import row whose balance the column cannot hold is rejected with its line
		ResponseEntity<Map> report = importCsv(HEADER
				+ "SWO003,赵三,13300007780,CDMA,,5,POSTPAID,12345678901.00,0,ACTIVE,manager1,,,,\n"
				+ "SWO004,赵四,13300007781,CDMA,,5,POSTPAID,-10000000000,0,ACTIVE,manager1,,,,\n");
		List<Map<String, Object>> rejected = (List<Map<String, Object>>) report.getBody().get("rejected");
		assertThat(rejected).extracting(row -> row.get("line")).containsExactly(2, 3);
		assertThat(rejected).allSatisfy(row -> assertThat((String) row.get("reason")).contains("余额/balance超出范围"));
		assertThat(customers.findAllById(List.of("SWO003", "SWO004"))).isEmpty();
	}

	@Test
	void shouldRejectEveryKindOfBadUsageRowWithItsLineAndReasonAndKeepTheGoodOnes() {
		importCsv(HEADER + "SWU001,赵一,13300007777,CDMA,,5,POSTPAID,0,0,ACTIVE,manager1,,,,\n");
		String month = java.time.YearMonth.now().minusMonths(1).toString();
		String future = java.time.YearMonth.now().plusMonths(2).toString();
		String feed = "[{\"customerNo\":\"SWU001\",\"month\":\"" + month + "\",\"amount\":80,\"calls\":20}," // 1 good
				+ "{\"month\":\"" + month + "\",\"amount\":80,\"calls\":20}," // 2
				+ "{\"customerNo\":\"NOBODY25\",\"month\":\"" + month + "\",\"amount\":80,\"calls\":20}," // 3
				+ "{\"customerNo\":\"SWU001\",\"month\":\"2026-13\",\"amount\":80,\"calls\":20}," // 4
				+ "{\"customerNo\":\"SWU001\",\"month\":\"" + future + "\",\"amount\":80,\"calls\":20}," // 5
				+ "{\"customerNo\":\"SWU001\",\"month\":\"2025-01\",\"amount\":\"ten\",\"calls\":20}," // 6
				+ "{\"customerNo\":\"SWU001\",\"month\":\"2025-02\",\"amount\":-5,\"calls\":20}," // 7
				+ "{\"customerNo\":\"SWU001\",\"month\":\"2025-03\",\"amount\":1.234,\"calls\":20}," // 8
				+ "{\"customerNo\":\"SWU001\",\"month\":\"2025-04\",\"amount\":80,\"calls\":-1}," // 9
				+ "{\"customerNo\":\"SWU001\",\"month\":\"2025-05\",\"amount\":80,\"calls\":20,\"minutes\":2.5}," // 10
				+ "{\"customerNo\":\"SWU001\",\"month\":\"2025-06\",\"amount\":80,\"calls\":20,\"packageCode\":\"PKG_1000\"}," // 11
				+ "{\"customerNo\":\"SWU001\",\"month\":\"" + month + "\",\"amount\":81,\"calls\":20}," // 12
				+ "\"SWU001\"," // 13
				+ "{\"customerNo\":\"SWU001\",\"month\":\"2025-07\",\"amount\":80}," // 14
				+ "{\"customerNo\":\"SWU001\",\"amount\":80,\"calls\":3}," // 15
				+ "{\"customerNo\":\"SWU 1#\",\"month\":\"2025-08\",\"amount\":80,\"calls\":3}," // 16
				+ "{\"customerNo\":\"SWU001\",\"month\":\"2025-09\",\"calls\":3}," // 17
				+ "{\"customerNo\":\"SWU001\",\"month\":\"2025-10\",\"amount\":60,\"calls\":9,\"packageCode\":\"PKG_39\"}]"; // 18 good

		ResponseEntity<Map> report = post("/api/billing/monthly-usage", feed);

		assertThat(report.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(report.getBody()).containsEntry("rowsRead", 18).containsEntry("created", 2)
				.containsEntry("rejectedCount", 16);
		List<Map<String, Object>> rejected = (List<Map<String, Object>>) report.getBody().get("rejected");
		Map<Integer, String> expected = Map.ofEntries(Map.entry(2, "缺少客户编号"), Map.entry(3, "未知客户"),
				Map.entry(4, "月份格式错误"), Map.entry(5, "月份不能在未来"), Map.entry(6, "金额不是数字"),
				Map.entry(7, "金额不能为负数"), Map.entry(8, "金额最多两位小数"), Map.entry(9, "通话次数应为0或正整数"),
				Map.entry(10, "通话分钟数应为0或正整数"), Map.entry(11, "未知套餐"), Map.entry(12, "客户和月份在请求中重复,已在第1行"),
				Map.entry(13, "不是 JSON 对象"), Map.entry(14, "缺少通话次数"), Map.entry(15, "缺少月份"),
				Map.entry(16, "客户编号只能包含"), Map.entry(17, "缺少金额"));
		assertThat(rejected).as("one entry per bad row").hasSize(expected.size());
		expected.forEach((line, reason) -> assertThat(rejected).as("line %d", line).anySatisfy(row -> {
			assertThat(row.get("line")).isEqualTo(line);
			assertThat((String) row.get("reason")).contains(reason);
		}));
		assertThat((Map<String, Integer>) report.getBody().get("rejectedByReason")).containsEntry("未知客户", 1)
				.containsEntry("缺少客户编号", 1);
		assertThat(bills.findByCustomerNoOrderByBillMonthDesc("SWU001")).extracting(b -> b.getMonth().toString())
				.containsExactly(month, "2025-10");
		assertThat(bills.findByCustomerNoOrderByBillMonthDesc("SWU001").get(0).getAmount()).isEqualByComparingTo("80.00");
	}

	@Test
	void shouldRefuseInvalidCallFormValuesWithAMessageAndSaveNothing() {
		importCsv(HEADER + "SWF001,孙一,13300006666,PHS,,5,POSTPAID,-99.00,3,ACTIVE,manager1,,,,\n");
		RetentionCase file = arrears.open(customers.findById("SWF001").orElseThrow());
		String callId = tasks.createTaskQuery().processInstanceId(file.getProcessInstanceId()).singleResult().getId();

		Map<String, String> bad = Map.of(
				"{}", "是否接通",
				"{\"callOutcome\":{\"value\":\"MAYBE\"}}", "是否接通",
				"{\"callOutcome\":{\"value\":\"REACHED\"}}", "建议的缴费渠道",
				"{\"callOutcome\":{\"value\":\"REACHED\"},\"paymentChannel\":{\"value\":\"BITCOIN\"}}", "建议的缴费渠道",
				"{\"callOutcome\":{\"value\":\"REACHED\"},\"paymentChannel\":{\"value\":\"WECHAT\"},\"promisedPaymentDate\":{\"value\":\"2020-01-01\"}}",
				"承诺缴费日期",
				"{\"callOutcome\":{\"value\":\"REACHED\"},\"paymentChannel\":{\"value\":\"WECHAT\"},\"promisedPaymentDate\":{\"value\":\"next week\"}}",
				"承诺缴费日期",
				"{\"callOutcome\":{\"value\":\"NOT_REACHED\"},\"promisedPaymentDate\":{\"value\":\"2099-01-01\"}}", "承诺缴费日期",
				"{\"callOutcome\":{\"value\":\"NOT_REACHED\"},\"callNotes\":{\"value\":\"" + "很".repeat(1200) + "\"}}",
				"通话备注");
		bad.forEach((variables, message) -> {
			ResponseEntity<String> answer = http.withBasicAuth("manager1", Fixtures.PASSWORD).postForEntity(
					"/engine-rest/task/" + callId + "/complete", json("{\"variables\":" + variables + "}"), String.class);
			assertThat(answer.getStatusCode()).as(variables).isEqualTo(HttpStatus.BAD_REQUEST);
			assertThat(answer.getBody()).as(variables).contains(message);
		});

		assertThat(tasks.createTaskQuery().taskId(callId).count()).as("the call is still open").isOne();
		assertThat(contacts.findByCaseIdOrderByAttemptedAt(file.getId())).as("no contact logged").isEmpty();
		ResponseEntity<String> good = http.withBasicAuth("manager1", Fixtures.PASSWORD).postForEntity(
				"/engine-rest/task/" + callId + "/complete",
				json("{\"variables\":{\"callOutcome\":{\"value\":\"REACHED\"},\"paymentChannel\":{\"value\":\"ALIPAY\"}}}"),
				String.class);
		assertThat(good.getStatusCode()).as(good.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(contacts.findByCaseIdOrderByAttemptedAt(file.getId())).hasSize(1);
	}

	private void badEvent(String path, String body, int status, String message) {
		ResponseEntity<Map> answer = post(path, body);
		assertThat(answer.getStatusCode().value()).as(body).isEqualTo(status);
		assertThat((String) answer.getBody().get("message")).as(body).contains(message);
	}

	private ResponseEntity<Map> post(String path, String body) {
		return http.withBasicAuth("billing", Fixtures.PASSWORD).postForEntity(path, json(body), Map.class);
	}

	private ResponseEntity<Map> importCsv(String csv) {
		MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
		form.add("file", new ByteArrayResource(csv.getBytes(StandardCharsets.UTF_8)) {
			@Override
			public String getFilename() {
				return "sweep.csv";
			}
		});
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.MULTIPART_FORM_DATA);
		return http.withBasicAuth("billing", Fixtures.PASSWORD).postForEntity("/api/customers/import",
				new HttpEntity<>(form, headers), Map.class);
	}
}
