package com.retentiondesk.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.stream.StreamSupport;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.retentiondesk.CaseTestKit;
import com.retentiondesk.DeskTest;
import com.retentiondesk.Fixtures;
import com.retentiondesk.JsonRequests;
import com.retentiondesk.casework.RetentionCases;
import com.retentiondesk.survey.SurveyResponse;
import com.retentiondesk.survey.SurveyResponses;

/**
 * The appraisal figures of issue 29 (point 5) in {@code /api/kpi}, on the dashboard's data and in the monthly
 * workbook: per manager the inbound calls taken, called back and missed, and the satisfaction survey's answers with
 * their average score. In March 2026, a month no other test writes these rows in.
 */
@DeskTest
class InboundKpiTest {

	@RegisterExtension
	static final CaseTestKit kit = CaseTestKit.clockAt(ZonedDateTime.parse("2026-12-02T10:15:00+08:00[Asia/Shanghai]"))
			.callTasks(InboundProcess.TASK_CALLBACK);

	private static final ObjectMapper JSON = new ObjectMapper();

	@Autowired
	TestRestTemplate http;
	@Autowired
	RetentionCases cases;
	@Autowired
	SurveyResponses responses;
	@Autowired
	TaskService tasks;

	@Test
	void shouldCountInboundCallsAndSurveyAnswersPerManagerInTheKpisAndTheMonthlyWorkbook() throws Exception {
		String taken = customer("ICK90320001");
		String missed = customer("ICK90320002");
		String calledBack = customer("ICK90320003");
		post(taken, "MANAGER", "2026-03-10T10:00:00");
		post(missed, "FRONT_DESK", "2026-03-10T10:05:00");
		JsonNode callback = post(calledBack, "FRONT_DESK", "2026-03-10T10:10:00");
		tasks.complete(kit.call(kit.instanceOf(cases.findById(callback.path("caseId").asLong()).orElseThrow())).getId(),
				Map.of(InboundProcess.CALLBACK_RESULT, "REACHED", InboundProcess.CALL_NOTES, "已回电"));
		LocalDateTime answered = LocalDateTime.parse("2026-03-05T11:00");
		responses.saveAndFlush(new SurveyResponse("ICK90320001", "manager2", "2026-02", true, 5, null, answered));
		responses.saveAndFlush(new SurveyResponse("ICK90320002", "manager2", "2026-02", true, 4, "还行", answered));
		responses.saveAndFlush(new SurveyResponse("ICK90320003", "manager2", "2026-02", false, null, null, answered));

		JsonNode kpi = JSON.readTree(http.withBasicAuth("supervisor1", Fixtures.PASSWORD)
				.getForObject("/api/kpi?from=2026-03-01&to=2026-03-31&team=team1", String.class));
		JsonNode manager2 = StreamSupport.stream(kpi.path("managers").spliterator(), false)
				.filter(m -> m.path("managerId").asText().equals("manager2")).findFirst().orElseThrow();
		assertThat(manager2.path("inbound").path("taken").asLong()).isEqualTo(1);
		assertThat(manager2.path("inbound").path("calledBack").asLong()).isEqualTo(1);
		assertThat(manager2.path("inbound").path("missed").asLong()).isEqualTo(1);
		assertThat(manager2.path("survey").path("responses").asLong()).as("the unreached customer has no score").isEqualTo(2);
		assertThat(manager2.path("survey").path("averageScore").asDouble()).isEqualTo(4.5);
		JsonNode manager3 = StreamSupport.stream(kpi.path("managers").spliterator(), false)
				.filter(m -> m.path("managerId").asText().equals("manager3")).findFirst().orElseThrow();
		assertThat(manager3.path("survey").path("averageScore").isNull()).as("no answers, no average").isTrue();

		ResponseEntity<byte[]> report = http.withBasicAuth("supervisor1", Fixtures.PASSWORD)
				.getForEntity("/api/reports/monthly?month=2026-03&team=team1", byte[].class);
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(report.getBody()))) {
			Sheet sheet = book.getSheet("李娜 manager2");
			assertThat(figure(sheet, "来电:经理接听")).isEqualTo(1.0);
			assertThat(figure(sheet, "来电:前台接听后已回电")).isEqualTo(1.0);
			assertThat(figure(sheet, "来电:前台接听未回电")).isEqualTo(1.0);
			assertThat(figure(sheet, "满意度回访(份)")).isEqualTo(2.0);
			assertThat(figure(sheet, "满意度平均分(1-5)")).isEqualTo(4.5);
			// 分析: inbound against outbound (issue 30, point 4); the call-back is manager2's one outbound call
			Sheet analysis = book.getSheet("分析");
			assertThat(book.getSheetIndex(analysis)).as("the last sheet").isEqualTo(book.getNumberOfSheets() - 1);
			Row row = StreamSupport.stream(analysis.spliterator(), false)
					.filter(r -> r.getCell(0) != null && "李娜".equals(r.getCell(0).getStringCellValue())).findFirst()
					.orElseThrow();
			assertThat(row.getCell(4).getNumericCellValue()).as("外呼").isEqualTo(manager2.path("calls").asDouble());
			assertThat(row.getCell(5).getNumericCellValue()).as("呼入").isEqualTo(3.0);
		}
	}

	private String customer(String customerNo) {
		return kit.saveCustomer(Fixtures.postpaid(customerNo, 0, "manager2")).getServiceNo();
	}

	private JsonNode post(String number, String takenBy, String at) throws Exception {
		String body = JSON.writeValueAsString(Map.of("number", number, "takenBy", takenBy, "topic", "CONSULT", "at", at));
		ResponseEntity<String> answer = http.withBasicAuth("billing", Fixtures.PASSWORD).postForEntity("/api/inbound/calls",
				JsonRequests.json(body), String.class);
		assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(HttpStatus.CREATED);
		return JSON.readTree(answer.getBody());
	}

	private static double figure(Sheet sheet, String label) {
		for (Row row : sheet) {
			if (row.getCell(0) != null && label.equals(row.getCell(0).getStringCellValue())) {
				return row.getCell(1).getNumericCellValue();
			}
		}
		throw new AssertionError("no row " + label + " in " + sheet.getSheetName());
	}
}
