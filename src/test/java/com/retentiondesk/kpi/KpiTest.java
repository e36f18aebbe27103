package com.retentiondesk.kpi;

import static com.retentiondesk.CaseTestKit.at;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import com.retentiondesk.DeskTest;
import com.retentiondesk.Fixtures;
import com.retentiondesk.arrears.ArrearsCases;
import com.retentiondesk.handover.PaymentBooking;
import com.retentiondesk.casework.CaseOutcome;
import com.retentiondesk.casework.CaseType;
import com.retentiondesk.casework.RetentionCase;
import com.retentiondesk.casework.RetentionCases;
import com.retentiondesk.contact.ContactAttempt;
import com.retentiondesk.casework.ContactLog;
import com.retentiondesk.contact.ContactChannel;
import com.retentiondesk.customer.Customers;
import com.retentiondesk.web.DeskGroups;

/** GET /api/kpi against a scenario with known counts, in a team of its own. */
@DeskTest
class KpiTest {

	private static boolean scenario;
	private static String onTimeTask;

	@Autowired
	TestRestTemplate http;
	@Autowired
	IdentityService identity;
	@Autowired
	Customers customers;
	@Autowired
	RetentionCases cases;
	@Autowired
	ContactLog contactLog;
	@Autowired
	ArrearsCases arrears;
	@Autowired
	PaymentBooking payments;
	@Autowired
	TaskService tasks;

	@BeforeEach
	void scenario() {
		if (scenario) {
			return;
		}
		scenario = true;
		team();
		// expiry: 3 closed in November (retained, retained, declined), 1 still open
		closed(CaseType.CONTRACT_EXPIRY, "KPI01", "kpim1", "2026-11-02T09:00", CaseOutcome.RETAINED, "2026-11-05T10:00");
		closed(CaseType.CONTRACT_EXPIRY, "KPI02", "kpim1", "2026-11-03T09:00", CaseOutcome.RETAINED, "2026-11-06T10:00");
		closed(CaseType.CONTRACT_EXPIRY, "KPI03", "kpim2", "2026-11-03T09:00", CaseOutcome.DECLINED, "2026-11-07T10:00");
		RetentionCase open = save(CaseType.CONTRACT_EXPIRY, "KPI04", "kpim2", "2026-11-20T09:00");
		// winback: 1 won back, 1 lost, 1 opened in October and closed in November (counts as closed, not opened)
		closed(CaseType.SUSPENDED_WINBACK, "KPI05", "kpim2", "2026-11-10T09:00", CaseOutcome.WON_BACK, "2026-11-10T15:00");
		closed(CaseType.SUSPENDED_WINBACK, "KPI06", "kpim2", "2026-11-11T09:00", CaseOutcome.LOST, "2026-11-20T15:00");
		closed(CaseType.SUSPENDED_WINBACK, "KPI07", "kpim1", "2026-10-28T09:00", CaseOutcome.EXPIRED, "2026-11-27T09:00");
		// usage warnings (issue 25): traffic decline 1 retained, 1 lost; package advice 1 retained, 1 still open
		closed(CaseType.TRAFFIC_DECLINE, "KPI20", "kpim1", "2026-11-03T09:00", CaseOutcome.RETAINED, "2026-11-04T10:00");
		closed(CaseType.TRAFFIC_DECLINE, "KPI21", "kpim2", "2026-11-03T09:00", CaseOutcome.LOST, "2026-11-05T10:00");
		closed(CaseType.PACKAGE_ADVICE, "KPI22", "kpim1", "2026-11-04T09:00", CaseOutcome.RETAINED, "2026-11-06T10:00");
		save(CaseType.PACKAGE_ADVICE, "KPI23", "kpim2", "2026-11-20T09:00");
		// calls: kpim1 4 calls, 3 reached; kpim2 2 calls, 0 reached; first contacts 1 h and 3 h after opening
		call("KPI01", "kpim1", "2026-11-02T10:00", "ACCEPTED");
		call("KPI02", "kpim1", "2026-11-03T12:00", "REACHED");
		call("KPI02", "kpim1", "2026-11-04T12:00", "NOT_REACHED");
		call("KPI07", "kpim1", "2026-11-05T12:00", "REACHED:WILL_PAY");
		call("KPI04", "kpim2", "2026-11-21T10:00", "UNREACHABLE");
		call("KPI04", "kpim2", "2026-11-22T10:00", "NOT_REACHED");
		assertThat(open.isOpen()).isTrue();
		// arrears through the real process: owed 120, paid 80 while open (case then ends paid)
		ClockUtil.setCurrentTime(at("2026-11-16T09:00"));
		customers.saveAndFlush(Fixtures.customer(Fixtures.postpaid("KPI10", 2, "kpim1")));
		RetentionCase debt = arrears.open(customers.findById("KPI10").orElseThrow());
		onTimeTask = tasks.createTaskQuery().processInstanceId(debt.getProcessInstanceId()).singleResult().getId();
		tasks.complete(onTimeTask, Map.of("callOutcome", "NOT_REACHED"));
		payments.book("KPI10", new BigDecimal("80.00"), java.time.OffsetDateTime.parse("2026-11-16T11:00:00+08:00"));
		// one arrears task finished late and one left overdue
		customers.saveAndFlush(Fixtures.customer(Fixtures.prepaid("KPI11", "1.00", "kpim2")));
		RetentionCase late = arrears.open(customers.findById("KPI11").orElseThrow());
		customers.saveAndFlush(Fixtures.customer(Fixtures.prepaid("KPI12", "1.00", "kpim2")));
		arrears.open(customers.findById("KPI12").orElseThrow());
		ClockUtil.setCurrentTime(at("2026-11-17T10:00"));
		tasks.complete(tasks.createTaskQuery().processInstanceId(late.getProcessInstanceId()).singleResult().getId(),
				Map.of("callOutcome", "NOT_REACHED"));
		ClockUtil.reset();
	}

	@AfterEach
	void resetClock() {
		ClockUtil.reset();
	}

	@Test
	void shouldCountTheScenarioPerCaseTypeManagerAndArrears() {
		ResponseEntity<Map> answer = kpi("kpisup", "from=2026-11-01&to=2026-11-30&team=kpiteam");

		assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
		Map<String, Map<String, Object>> types = byKey((List<Map<String, Object>>) answer.getBody().get("caseTypes"),
				"caseType");
		Map<String, Object> expiry = types.get("CONTRACT_EXPIRY");
		assertThat(expiry).containsEntry("opened", 4).containsEntry("openNow", 1).containsEntry("closed", 3)
				.containsEntry("retentionRate", 0.6667);
		assertThat((Map<String, Object>) expiry.get("outcomes")).containsEntry("RETAINED", 2).containsEntry("DECLINED", 1);
		// first contacts: KPI01 after 1 h, KPI02 after 3 h, KPI04 after 25 h: median 3 h
		assertThat(expiry).containsEntry("medianHoursToFirstContact", 3.0);
		Map<String, Object> winback = types.get("SUSPENDED_WINBACK");
		assertThat(winback).containsEntry("opened", 2).containsEntry("closed", 3).containsEntry("retentionRate", 0.3333);
		assertThat(types.get("TRAFFIC_DECLINE")).containsEntry("label", "话务下降保有").containsEntry("opened", 2)
				.containsEntry("closed", 2).containsEntry("retentionRate", 0.5)
				.containsEntry("outcomes", Map.of("RETAINED", 1, "LOST", 1));
		assertThat(types.get("PACKAGE_ADVICE")).containsEntry("label", "套餐预警保有").containsEntry("opened", 2)
				.containsEntry("openNow", 1).containsEntry("closed", 1).containsEntry("retentionRate", 1.0);
		Map<String, Object> arrearsFigures = types.get("ARREARS_REMINDER");
		assertThat(arrearsFigures).containsEntry("opened", 3).containsEntry("closed", 1);
		assertThat((Map<String, Object>) answer.getBody().get("arrears")).containsEntry("amountOwed", 120.0)
				.containsEntry("amountRecovered", 80.0).containsEntry("recoveryRate", 0.6667);

		Map<String, Map<String, Object>> managers = byKey((List<Map<String, Object>>) answer.getBody().get("managers"),
				"managerId");
		assertThat(managers).containsOnlyKeys("kpim1", "kpim2");
		// kpim1: 4 listed calls + the real arrears call (not reached), 3 reached
		assertThat(managers.get("kpim1")).containsEntry("calls", 5).containsEntry("reached", 3)
				.containsEntry("connectionRate", 0.6).containsEntry("tasksOnTime", 1).containsEntry("tasksLate", 0);
		assertThat(managers.get("kpim2")).containsEntry("calls", 3).containsEntry("reached", 0)
				.containsEntry("tasksLate", 1).containsEntry("openTasks", 1).containsEntry("overdueTasks", 1);
		assertThat(managers.get("kpim2").get("name")).isEqualTo("指标乙");
	}

	@Test
	void shouldWriteAMonthlyWorkbookWhoseTotalsEqualTheKpis() throws Exception {
		ResponseEntity<byte[]> report = http.withBasicAuth("kpisup", Fixtures.PASSWORD)
				.getForEntity("/api/reports/monthly?month=2026-11&team=kpiteam", byte[].class);
		Map<String, Object> kpi = kpi("kpisup", "from=2026-11-01&to=2026-11-30&team=kpiteam").getBody();

		assertThat(report.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(report.getHeaders().getFirst("Content-Disposition")).contains("retention-monthly-2026-11.xlsx");
		try (org.apache.poi.xssf.usermodel.XSSFWorkbook book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(
				new java.io.ByteArrayInputStream(report.getBody()))) {
			assertThat(book.getSheet("汇总")).isNotNull();
			org.apache.poi.ss.usermodel.Sheet expiry = book.getSheet("到期预警保有");
			Map<String, Object> expiryKpi = byKey((List<Map<String, Object>>) kpi.get("caseTypes"), "caseType")
					.get("CONTRACT_EXPIRY");
			assertThat(figure(expiry, "已结")).isEqualTo(((Number) expiryKpi.get("closed")).doubleValue()).isEqualTo(3.0);
			assertThat(figure(expiry, "新开")).isEqualTo(4.0);
			assertThat(figure(book.getSheet("话务下降保有"), "已结")).isEqualTo(2.0);
			assertThat(figure(book.getSheet("套餐预警保有"), "新开")).isEqualTo(2.0);
			org.apache.poi.ss.usermodel.Sheet manager = book.getSheet("指标甲 kpim1");
			assertThat(figure(manager, "外呼")).isEqualTo(5.0);
			assertThat(figure(manager, "接通")).isEqualTo(3.0);
			// every call of the month is listed below the figures
			long callRows = java.util.stream.StreamSupport.stream(manager.spliterator(), false)
					.filter(row -> row.getCell(2) != null && "PHONE".equals(row.getCell(2).getStringCellValue())).count();
			assertThat(callRows).isEqualTo(5);
			// 分析: the last 6 months' retention per case type as a table and a line chart (issue 30, point 4)
			org.apache.poi.xssf.usermodel.XSSFSheet analysis = book.getSheet("分析");
			assertThat(analysis.getDrawingPatriarch().getCharts()).singleElement()
					.satisfies(chart -> assertThat(chart.getTitleText().getString()).isEqualTo("近6个月保有率(按案件类型)"));
			org.apache.poi.ss.usermodel.Row expiryRow = java.util.stream.StreamSupport.stream(analysis.spliterator(), false)
					.filter(row -> row.getCell(0) != null && "到期预警保有".equals(row.getCell(0).getStringCellValue()))
					.findFirst().orElseThrow();
			assertThat(expiryRow.getCell(6).getNumericCellValue()).as("November, the last month")
					.isEqualTo(((Number) expiryKpi.get("retentionRate")).doubleValue());
		}
		assertThat(http.withBasicAuth("kpisup", Fixtures.PASSWORD)
				.getForEntity("/api/reports/weekly?week=2026-11-18", byte[].class).getStatusCode()).isEqualTo(HttpStatus.OK);
		// a manager gets their own monthly report (issue 30), never the team's
		assertThat(http.withBasicAuth("manager1", Fixtures.PASSWORD)
				.getForEntity("/api/reports/monthly", byte[].class).getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(http.withBasicAuth("manager1", Fixtures.PASSWORD)
				.getForEntity("/api/reports/monthly?team=kpiteam", byte[].class).getStatusCode())
				.isEqualTo(HttpStatus.FORBIDDEN);
	}

	private static double figure(org.apache.poi.ss.usermodel.Sheet sheet, String label) {
		for (org.apache.poi.ss.usermodel.Row row : sheet) {
			if (row.getCell(0) != null && label.equals(row.getCell(0).getStringCellValue())) {
				return row.getCell(1).getNumericCellValue();
			}
		}
		throw new AssertionError("no figure " + label + " in sheet " + sheet.getSheetName());
	}

	@Test
	void shouldRefuseManagersAndBadDates() {
		assertThat(kpi("manager1", "").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		ResponseEntity<Map> bad = kpi("kpisup", "from=2026-13-01");
		assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat((String) bad.getBody().get("message")).startsWith("from");
		assertThat(kpi("kpisup", "from=2026-11-30&to=2026-11-01").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
	}

	private ResponseEntity<Map> kpi(String user, String query) {
		return http.withBasicAuth(user, Fixtures.PASSWORD).getForEntity("/api/kpi?" + query, Map.class);
	}

	private void team() {
		Group team = identity.newGroup("kpiteam");
		team.setName("指标测试组");
		team.setType(DeskGroups.TEAM_TYPE);
		identity.saveGroup(team);
		user("kpim1", "指标", "甲");
		user("kpim2", "指标", "乙");
		// the team's supervisor: supervisors see their own team's figures only
		User supervisor = identity.newUser("kpisup");
		supervisor.setPassword(Fixtures.PASSWORD);
		identity.saveUser(supervisor);
		identity.createMembership("kpisup", DeskGroups.SUPERVISORS);
		identity.createMembership("kpisup", "kpiteam");
	}

	private void user(String id, String lastName, String firstName) {
		User user = identity.newUser(id);
		user.setLastName(lastName);
		user.setFirstName(firstName);
		user.setPassword(Fixtures.PASSWORD);
		identity.saveUser(user);
		identity.createMembership(id, DeskGroups.PHONE_MANAGERS);
		identity.createMembership(id, "kpiteam");
	}

	private RetentionCase save(CaseType type, String customerNo, String manager, String opened) {
		customers.saveAndFlush(Fixtures.customer(Fixtures.prepaid(customerNo, "50.00", manager)));
		return cases.saveAndFlush(new RetentionCase(type, customerNo, manager, LocalDateTime.parse(opened)));
	}

	private void closed(CaseType type, String customerNo, String manager, String opened, CaseOutcome outcome,
			String closedAt) {
		RetentionCase file = save(type, customerNo, manager, opened);
		file.close(outcome, LocalDateTime.parse(closedAt));
		cases.saveAndFlush(file);
	}

	private void call(String customerNo, String manager, String at, String outcome) {
		Long caseId = cases.findAll().stream().filter(c -> c.getCustomerNo().equals(customerNo)).findFirst()
				.orElseThrow().getId();
		contactLog.record(new ContactAttempt(customerNo, caseId, null, manager, LocalDateTime.parse(at),
				ContactChannel.PHONE, outcome, null));
	}

	private static Map<String, Map<String, Object>> byKey(List<Map<String, Object>> rows, String key) {
		Map<String, Map<String, Object>> map = new java.util.HashMap<>();
		rows.forEach(row -> map.put((String) row.get(key), row));
		return map;
	}
}
