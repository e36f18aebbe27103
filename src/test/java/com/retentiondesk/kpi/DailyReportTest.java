package com.retentiondesk.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.stream.StreamSupport;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.retentiondesk.CaseTestKit;
import com.retentiondesk.DeskTest;
import com.retentiondesk.Fixtures;
import com.retentiondesk.arrears.ArrearsCases;
import com.retentiondesk.casework.ContactLog;
import com.retentiondesk.casework.RetentionCase;
import com.retentiondesk.contact.ContactAttempt;
import com.retentiondesk.contact.ContactChannel;

/**
 * The daily report (issue 30, point 2) and who gets which report: a manager their own (as JSON or .xlsx, the same
 * figures as {@code /api/kpi}, and the tasks due the next day), a supervisor their team's and its managers', never
 * another team's, administrators any; and the weekly and monthly reports as JSON too. In June 2026, a month no other
 * test writes calls in.
 */
@DeskTest
class DailyReportTest {

	/** Monday 8 June 2026, 10:00. */
	@RegisterExtension
	static final CaseTestKit kit = CaseTestKit.clockAt(ZonedDateTime.parse("2026-06-08T10:00:00+08:00[Asia/Shanghai]"));

	private static final ObjectMapper JSON = new ObjectMapper();

	@Autowired
	TestRestTemplate http;
	@Autowired
	ArrearsCases arrears;
	@Autowired
	ContactLog contacts;
	@Autowired
	TaskService tasks;

	@Test
	void shouldGiveAManagerTheirDayWithTheKpiFiguresAndTomorrowsTasks() throws Exception {
		RetentionCase file = arrears.open(kit.saveCustomer(Fixtures.prepaid("DRP90350001", "1.00", "manager4")));
		contacts.record(new ContactAttempt("DRP90350001", file.getId(), null, "manager4",
				LocalDateTime.parse("2026-06-08T09:30"), ContactChannel.PHONE, "REACHED", null));
		Task call = tasks.createTaskQuery().processInstanceId(file.getProcessInstanceId()).singleResult();
		call.setDueDate(CaseTestKit.at("2026-06-09T11:00"));
		tasks.saveTask(call);

		JsonNode own = json("manager4", "/api/reports/daily?date=2026-06-08", HttpStatus.OK);

		assertThat(own.path("managerId").asText()).isEqualTo("manager4");
		assertThat(own.path("figures").path("managers")).singleElement().satisfies(m -> {
			assertThat(m.path("managerId").asText()).isEqualTo("manager4");
			assertThat(m.path("calls").asLong()).isEqualTo(1);
			assertThat(m.path("reached").asLong()).isEqualTo(1);
		});
		assertThat(own.path("dueNext")).anySatisfy(task -> {
			assertThat(task.path("customerNo").asText()).isEqualTo("DRP90350001");
			assertThat(task.path("assigneeName").asText()).isEqualTo("刘洋");
		});
		JsonNode team = json("supervisor1", "/api/reports/daily?date=2026-06-08&team=team1", HttpStatus.OK);
		JsonNode kpi = JSON.readTree(http.withBasicAuth("supervisor1", Fixtures.PASSWORD)
				.getForObject("/api/kpi?from=2026-06-08&to=2026-06-08&team=team1", String.class));
		assertThat(team.path("figures").path("managers")).isEqualTo(kpi.path("managers"));

		ResponseEntity<byte[]> xlsx = http.withBasicAuth("manager4", Fixtures.PASSWORD)
				.getForEntity("/api/reports/daily?date=2026-06-08", byte[].class);
		assertThat(xlsx.getHeaders().getFirst("Content-Disposition")).contains("retention-daily-2026-06-08-manager4.xlsx");
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.getBody()))) {
			assertThat(book.getSheet("刘洋 manager4")).isNotNull();
			assertThat(book.getSheet("李娜 manager2")).as("not another manager's sheet").isNull();
			Sheet due = book.getSheet("明日到期");
			assertThat(StreamSupport.stream(due.spliterator(), false).map(row -> cell(row, 1))).contains("DRP90350001");
			// the case sheet lists only manager4's closed cases
			Sheet arrearsSheet = book.getSheet("欠费温馨提醒");
			assertThat(StreamSupport.stream(arrearsSheet.spliterator(), false).map(row -> cell(row, 1)))
					.noneMatch(manager -> manager.startsWith("manager") && !manager.equals("manager4"));
		}
	}

	@Test
	void shouldKeepEachReportToWhoMaySeeIt() throws Exception {
		json("manager4", "/api/reports/daily?manager=manager1", HttpStatus.FORBIDDEN);
		json("manager4", "/api/reports/weekly?team=team1", HttpStatus.FORBIDDEN);
		json("supervisor1", "/api/reports/daily?manager=manager5", HttpStatus.FORBIDDEN);
		json("supervisor1", "/api/reports/monthly?team=team2", HttpStatus.FORBIDDEN);
		json("billing", "/api/reports/daily", HttpStatus.FORBIDDEN);
		json("admin", "/api/reports/daily?manager=nobody", HttpStatus.NOT_FOUND);
		json("manager4", "/api/reports/daily?date=2026-02-30", HttpStatus.BAD_REQUEST);
		assertThat(json("supervisor1", "/api/reports/daily?manager=manager4", HttpStatus.OK).path("managerId").asText())
				.isEqualTo("manager4");
		assertThat(json("admin", "/api/reports/daily?manager=manager5", HttpStatus.OK).path("figures").path("managers"))
				.hasSize(1);
		JsonNode monthly = json("manager4", "/api/reports/monthly?month=2026-06", HttpStatus.OK);
		assertThat(monthly.path("figures").path("from").asText()).isEqualTo("2026-06-01");
		assertThat(monthly.path("dueNext").isNull()).as("only the daily report lists tomorrow's tasks").isTrue();
		assertThat(json("supervisor1", "/api/reports/weekly?week=2026-06-10", HttpStatus.OK).path("figures").path("team")
				.asText()).isEqualTo("team1");
	}

	private static String cell(Row row, int index) {
		return row.getCell(index) == null ? "" : row.getCell(index).toString();
	}

	private JsonNode json(String user, String path, HttpStatus expected) throws Exception {
		HttpHeaders headers = new HttpHeaders();
		headers.setAccept(java.util.List.of(MediaType.APPLICATION_JSON));
		ResponseEntity<String> answer = http.withBasicAuth(user, Fixtures.PASSWORD).exchange(path, HttpMethod.GET,
				new HttpEntity<>(headers), String.class);
		assertThat(answer.getStatusCode()).as(user + " " + path + ": " + answer.getBody()).isEqualTo(expected);
		return JSON.readTree(answer.getBody());
	}
}
