package com.retentiondesk.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
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

import com.retentiondesk.CaseTestKit;
import com.retentiondesk.DeskTest;
import com.retentiondesk.Fixtures;
import com.retentiondesk.JsonRequests;
import com.retentiondesk.customer.Customer;
import com.retentiondesk.customer.Customers;
import com.retentiondesk.customer.ProfileField;

/**
 * The acceptance checks of issue 28 over HTTP, as the developers run them: import 普1 customers with known gaps
 * for a new team, read {@code profile} from {@code /api/kpi?team=}, run ProfileScanProcess with force=true,
 * complete the verification calls through {@code /engine-rest/task/{id}/submit-form}, read the figures again;
 * re-import a verified customer with another address (kept, reported as a conflict); and the customer page
 * {@code GET /api/customers/{customerNo}} for the team, administrators and nobody else.
 */
@DeskTest
class ProfileApiTest {

	/** Thursday 3 December 2026, 10:00. */
	@RegisterExtension
	static final CaseTestKit kit = CaseTestKit.clockAt(ZonedDateTime.parse("2026-12-03T10:00:00+08:00[Asia/Shanghai]"));

	private static final String HEADER = "客户编号,姓名,服务号码,网络,客户分群,星级,付费类型,余额,欠费月数,状态,电话经理,生日,证件类型,证件号码,地址,第二联系电话,邮箱,协议类型,协议到期\n";

	@Autowired
	TestRestTemplate http;
	@Autowired
	IdentityService identity;
	@Autowired
	ManagementService management;
	@Autowired
	TaskService tasks;
	@Autowired
	Customers customers;

	@Test
	@SuppressWarnings("unchecked")
	void shouldCompleteTheProfilesOfANewTeamThroughTheScanAndTheVerificationCalls() {
		ProfileTeams.team(identity, "prapi");
		String csv = HEADER
				+ "PRA1,郑一,13312340001,CDMA,C网普1,5,PREPAID,50,0,ACTIVE,prapim1,,身份证,440101198001010011,广州市天河区1号,13912340001,,,\n"
				+ "PRA2,郑二,13312340002,CDMA,C网普1,4,PREPAID,50,0,ACTIVE,prapim1,,身份证,,广州市天河区2号,,,,\n"
				+ "PRA3,郑三,13312340003,CDMA,普1,4,PREPAID,50,0,ACTIVE,prapim1,,,,,13912340003,,,\n"
				+ "PRA4,郑四,13312340004,CDMA,CDMA普1,4,PREPAID,50,0,ACTIVE,prapim1,,身份证,440101198001010044,,13912340004,,,\n"
				+ "PRA5,郑五,13312340005,CDMA,中高端,4,PREPAID,50,0,ACTIVE,prapim1,,,,,,,,\n";
		ResponseEntity<Map> imported = http.withBasicAuth("admin", Fixtures.PASSWORD).postForEntity("/api/customers/import",
				upload("bss.csv", csv), Map.class);
		assertThat(imported.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(imported.getBody()).containsEntry("created", 5).containsEntry("conflicts", List.of());

		Map<String, Object> before = profileOf(kpi("admin"));
		assertThat(before).containsEntry("tier1Customers", 4).containsEntry("completeness", 0.25)
				.containsEntry("verifiedRate", 0.0).containsEntry("completenessTarget", 0.8)
				.containsEntry("verifiedRateTarget", 1.0);
		Map<String, Object> bySupervisor = kpi("prapisup");
		assertThat(profileOf(bySupervisor)).isEqualTo(before);
		List<Map<String, Object>> managers = (List<Map<String, Object>>) bySupervisor.get("managers");
		assertThat(managers).anySatisfy(m -> {
			assertThat(m).containsEntry("managerId", "prapim1");
			assertThat((Map<String, Object>) m.get("profile")).containsEntry("tier1Customers", 4).containsEntry("completeness", 0.25);
		}).anySatisfy(m -> {
			assertThat(m).containsEntry("managerId", "prapim2");
			assertThat((Map<String, Object>) m.get("profile")).containsEntry("tier1Customers", 0).containsEntry("completeness", null);
		});

		ResponseEntity<Map> started = http.withBasicAuth("admin", Fixtures.PASSWORD).postForEntity(
				"/engine-rest/process-definition/key/ProfileScanProcess/start", JsonRequests.json(
						"{\"variables\":{\"force\":{\"value\":true,\"type\":\"Boolean\"},\"team\":{\"value\":\"prapi\",\"type\":\"String\"}}}"),
				Map.class);
		assertThat(started.getStatusCode()).isEqualTo(HttpStatus.OK);
		Job scan = management.createJobQuery().processInstanceId((String) started.getBody().get("id")).singleResult();
		management.executeJob(scan.getId());

		List<Task> calls = tasks.createTaskQuery().taskDefinitionKey(ProfileProcess.TASK_VERIFY).taskAssignee("prapim1")
				.list();
		assertThat(calls).hasSize(4);
		for (Task call : calls) {
			String customerNo = (String) tasks.getVariable(call.getId(), "customerNo");
			String body = "{\"variables\":{\"reached\":{\"value\":true,\"type\":\"Boolean\"},"
					+ "\"idType\":{\"value\":\"身份证\",\"type\":\"String\"},"
					+ (customerNo.equals("PRA1") ? "" : "\"idNo\":{\"value\":\"4401011980010100" + customerNo.substring(3) + "9\",\"type\":\"String\"},")
					+ "\"address\":{\"value\":\"广州市越秀区" + customerNo + "号\",\"type\":\"String\"},"
					+ "\"secondPhone\":{\"value\":\"1391234000" + customerNo.substring(3) + "\",\"type\":\"String\"}}}";
			ResponseEntity<String> submitted = http.withBasicAuth("prapim1", Fixtures.PASSWORD).postForEntity(
					"/engine-rest/task/" + call.getId() + "/submit-form", JsonRequests.json(body), String.class);
			assertThat(submitted.getStatusCode()).as(submitted.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
		}

		Map<String, Object> after = profileOf(kpi("admin"));
		assertThat(after).containsEntry("tier1Customers", 4).containsEntry("completeness", 1.0)
				.containsEntry("verifiedRate", 1.0);
		assertThat(customers.findById("PRA5").orElseThrow().profileValue(ProfileField.ADDRESS)).as("not 普1: no call").isNull();
		reportShowsTheProfile();

		// a re-import must not overwrite the address the customer confirmed
		ResponseEntity<Map> again = http.withBasicAuth("admin", Fixtures.PASSWORD).postForEntity("/api/customers/import",
				upload("bss2.csv", HEADER
						+ "PRA2,郑二,13312340002,CDMA,C网普1,4,PREPAID,50,0,ACTIVE,prapim1,,身份证,440101198001010029,广州市海珠区9号,13912340002,,,\n"),
				Map.class);
		assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat((List<Map<String, Object>>) again.getBody().get("conflicts")).singleElement()
				.isEqualTo(Map.of("line", 2, "customerNo", "PRA2", "field", "详细地址", "verifiedValue", "广州市越秀区PRA2号",
						"importedValue", "广州市海珠区9号"));
		Customer kept = customers.findById("PRA2").orElseThrow();
		assertThat(kept.profileValue(ProfileField.ADDRESS)).isEqualTo("广州市越秀区PRA2号");
		assertThat(kept.isVerified(ProfileField.ADDRESS)).isTrue();
		assertThat(profileOf(kpi("admin"))).containsEntry("verifiedRate", 1.0);

		// the customer's page: the team's managers and supervisor and administrators only
		ResponseEntity<Map> page = http.withBasicAuth("prapim2", Fixtures.PASSWORD).getForEntity("/api/customers/PRA2", Map.class);
		assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(page.getBody()).containsEntry("customerNo", "PRA2").containsEntry("name", "郑二")
				.containsEntry("managerName", "资料甲").containsEntry("team", "prapi");
		Map<String, Object> profile = (Map<String, Object>) page.getBody().get("profile");
		assertThat(profile).containsEntry("complete", true).containsEntry("verified", true)
				.containsEntry("missing", List.of()).containsEntry("unverified", List.of());
		assertThat((List<Map<String, Object>>) profile.get("fields")).anySatisfy(f -> assertThat(f)
				.containsEntry("field", "ADDRESS").containsEntry("label", "详细地址").containsEntry("value", "广州市越秀区PRA2号")
				.containsEntry("verified", true).containsEntry("verifiedBy", "prapim1").containsEntry("verifiedByName", "资料甲")
				.containsEntry("verifiedAt", "2026-12-03T10:00:00"));
		assertThat((List<Map<String, Object>>) page.getBody().get("changes")).anySatisfy(c -> assertThat(c)
				.containsEntry("label", "详细地址").containsEntry("oldValue", "广州市天河区2号").containsEntry("newValue", "广州市越秀区PRA2号")
				.containsEntry("changedBy", "prapim1"));
		assertThat((List<Map<String, Object>>) page.getBody().get("contacts")).singleElement()
				.satisfies(c -> assertThat(c).containsEntry("outcome", "已接通").containsEntry("managerName", "资料甲"));
		assertThat((List<?>) page.getBody().get("openCases")).isEmpty();
		assertThat(http.withBasicAuth("prapisup", Fixtures.PASSWORD).getForEntity("/api/customers/PRA2", Map.class)
				.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(http.withBasicAuth("admin", Fixtures.PASSWORD).getForEntity("/api/customers/PRA2", Map.class)
				.getStatusCode()).isEqualTo(HttpStatus.OK);
		ResponseEntity<Map> otherTeam = http.withBasicAuth("manager1", Fixtures.PASSWORD).getForEntity("/api/customers/PRA2", Map.class);
		assertThat(otherTeam.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat((String) otherTeam.getBody().get("message")).contains("无权查看客户 PRA2");
		assertThat(http.withBasicAuth("supervisor1", Fixtures.PASSWORD).getForEntity("/api/customers/PRA2", Map.class)
				.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(http.withBasicAuth("billing", Fixtures.PASSWORD).getForEntity("/api/customers/PRA2", Map.class)
				.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(http.withBasicAuth("admin", Fixtures.PASSWORD).getForEntity("/api/customers/NOPE404", Map.class)
				.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
	}

	@Test
	void shouldServeTheReadOnlyCustomerPageInChinese() {
		ResponseEntity<String> page = http.getForEntity("/desk/customer.html?customerNo=C1001", String.class);

		assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(page.getBody()).contains("<title>客户资料 · 保有工作台</title>").contains("/api/customers/")
				.contains("资料变更记录").contains("无权查看此客户");
	}

	/** The monthly report (kpi.Reports): the team's figures on the summary sheet, each manager's on their sheet. */
	private void reportShowsTheProfile() {
		ResponseEntity<byte[]> report = http.withBasicAuth("prapisup", Fixtures.PASSWORD)
				.getForEntity("/api/reports/monthly?month=2026-12&team=prapi", byte[].class);
		assertThat(report.getStatusCode()).isEqualTo(HttpStatus.OK);
		try (org.apache.poi.xssf.usermodel.XSSFWorkbook book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(
				new java.io.ByteArrayInputStream(report.getBody()))) {
			org.apache.poi.ss.usermodel.Sheet summary = book.getSheet("汇总");
			org.apache.poi.ss.usermodel.Row row = null;
			for (org.apache.poi.ss.usermodel.Row r : summary) {
				if (r.getCell(0) != null && "五项基本资料".equals(r.getCell(0).getStringCellValue())) {
					row = r;
				}
			}
			assertThat(row).as("the profile line of the summary").isNotNull();
			assertThat(row.getCell(1).getNumericCellValue()).isEqualTo(4.0);
			assertThat(row.getCell(2).getNumericCellValue()).isEqualTo(1.0);
			assertThat(row.getCell(3).getNumericCellValue()).isEqualTo(0.8);
			assertThat(row.getCell(4).getNumericCellValue()).isEqualTo(1.0);
			org.apache.poi.ss.usermodel.Sheet manager = book.getSheet("资料甲 prapim1");
			boolean found = false;
			for (org.apache.poi.ss.usermodel.Row r : manager) {
				if (r.getCell(0) != null && r.getCell(0).getStringCellValue().startsWith("资料完备率")) {
					assertThat(r.getCell(1).getNumericCellValue()).isEqualTo(1.0);
					found = true;
				}
			}
			assertThat(found).as("the manager's completeness").isTrue();
		} catch (java.io.IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> kpi(String user) {
		ResponseEntity<Map> kpi = http.withBasicAuth(user, Fixtures.PASSWORD).getForEntity("/api/kpi?team=prapi", Map.class);
		assertThat(kpi.getStatusCode()).isEqualTo(HttpStatus.OK);
		return kpi.getBody();
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> profileOf(Map<String, Object> kpi) {
		return (Map<String, Object>) kpi.get("profile");
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
