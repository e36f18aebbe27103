package com.retentiondesk.usage;

import static com.retentiondesk.JsonRequests.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;

import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import com.retentiondesk.CaseTestKit;
import com.retentiondesk.DeskTest;
import com.retentiondesk.Fixtures;
import com.retentiondesk.casework.CaseType;
import com.retentiondesk.casework.RetentionCase;
import com.retentiondesk.casework.RetentionCases;
import com.retentiondesk.customer.CustomerData;
import com.retentiondesk.customer.LineStatus;
import com.retentiondesk.packageadvice.PackageAdviceProcess;
import com.retentiondesk.trafficdecline.TrafficDeclineProcess;

/**
 * UsageWarningScanProcess (processes/usage-warning-scan.bpmn) on the feed of known histories of issue 25:
 * which customers get which case, what a second scan does, and the scan day.
 */
@DeskTest
class UsageWarningScanTest {

	/** Wednesday 2 December 2026, 09:00: the month's second working day; the scan compares October and November. */
	private static final ZonedDateTime SCAN_DAY = ZonedDateTime.parse("2026-12-02T09:00:00+08:00[Asia/Shanghai]");

	@RegisterExtension
	static final CaseTestKit kit = CaseTestKit.clockAt(SCAN_DAY);

	@Autowired
	TestRestTemplate http;
	@Autowired
	RuntimeService runtime;
	@Autowired
	HistoryService history;
	@Autowired
	RetentionCases cases;
	@Autowired
	com.retentiondesk.customer.Customers customers;

	@Test
	void shouldOpenTheCasesOfTheKnownHistoriesOnceAndReadTheirVariablesThroughEngineRest() {
		customer(Fixtures.postpaid("UWS01", 0, "manager1")); // 100 -> 60
		customer(Fixtures.postpaid("UWS02", 0, "manager1")); // 100 -> 80
		customer(Fixtures.postpaid("UWS03", 0, "manager1")); // 100 -> 70, exactly -30%
		customer(Fixtures.postpaid("UWS04", 0, "manager1")); // 100 -> 60 with 0 calls
		customer(Fixtures.cdmaTier1("UWS05", "50", "manager1", null)); // 普1 100 -> 95
		customer(Fixtures.postpaid("UWS06", 0, "manager1")); // 0 -> 0
		customer(Fixtures.withLineStatus(Fixtures.postpaid("UWS07", 0, "manager1"), LineStatus.CLOSED));
		customer(Fixtures.withLineStatus(Fixtures.postpaid("UWS08", 0, "manager1"), LineStatus.SINGLE_STOP));
		customer(Fixtures.postpaid("UWS09", 0, "manager1")); // in a win-back case
		cases.saveAndFlush(new RetentionCase(CaseType.SUSPENDED_WINBACK, "UWS09", "manager1", LocalDateTime.now()));
		customer(Fixtures.postpaid("UWS10", 0, "manager1")); // PKG_59, over 59 three months running
		ResponseEntity<Map> feed = http.withBasicAuth("billing", Fixtures.PASSWORD).postForEntity(
				"/api/billing/monthly-usage", json("[" + String.join(",",
						row("UWS01", "2026-10", "100", 40, null), row("UWS01", "2026-11", "60", 12, null),
						row("UWS02", "2026-10", "100", 40, null), row("UWS02", "2026-11", "80", 30, null),
						row("UWS03", "2026-10", "100", 40, null), row("UWS03", "2026-11", "70", 30, null),
						row("UWS04", "2026-10", "100", 40, null), row("UWS04", "2026-11", "60", 0, null),
						row("UWS05", "2026-10", "100", 40, null), row("UWS05", "2026-11", "95", 38, null),
						row("UWS06", "2026-10", "0", 0, null), row("UWS06", "2026-11", "0", 5, null),
						row("UWS07", "2026-10", "100", 40, null), row("UWS07", "2026-11", "60", 12, null),
						row("UWS08", "2026-10", "100", 40, null), row("UWS08", "2026-11", "60", 12, null),
						row("UWS09", "2026-10", "100", 40, null), row("UWS09", "2026-11", "60", 12, null),
						row("UWS10", "2026-09", "66", 30, "PKG_59"), row("UWS10", "2026-10", "70", 30, "PKG_59"),
						row("UWS10", "2026-11", "75", 30, "PKG_59"),
						"{\"customerNo\":\"UWS10\",\"month\":\"2026-11\",\"amount\":\"lots\",\"calls\":1}") + "]"),
				Map.class);
		assertThat(feed.getBody()).containsEntry("created", 21).containsEntry("rejectedCount", 1);

		long decisionsBefore = history.createHistoricDecisionInstanceQuery()
				.decisionDefinitionKey(PackageAdviceProcess.DECISION_KEY).count();

		ProcessInstance first = runScan(Map.of(UsageScanProcess.SCAN_FORCE, true));

		assertThat(stage("UWS01")).isEqualTo("STAGE_1");
		assertThat(stage("UWS02")).isEqualTo("STAGE_2");
		assertThat(stage("UWS03")).isEqualTo("STAGE_2");
		assertThat(stage("UWS05")).isEqualTo("TIER1");
		for (String none : List.of("UWS04", "UWS06", "UWS07", "UWS08", "UWS09", "UWS10")) {
			assertThat(stage(none)).as(none).isNull();
		}
		Map<String, Object> adviceVariables = variables(PackageAdviceProcess.PROCESS_KEY, "UWS10");
		assertThat(adviceVariables).containsEntry("adviceType", Map.of("type", "String", "value", "NEXT_TIER",
				"valueInfo", Map.of())).containsEntry("recommendedPackage",
						Map.of("type", "String", "value", "PKG_89", "valueInfo", Map.of()));
		assertThat(variables(TrafficDeclineProcess.PROCESS_KEY, "UWS01")).containsEntry("usageMonth",
				Map.of("type", "String", "value", "2026-11", "valueInfo", Map.of()));
		assertThat(cases.findOpen("UWS01", CaseType.PACKAGE_ADVICE)).as("no package, spends 60: advised to join one")
				.isPresent();
		assertThat((Integer) variable(first, UsageScanProcess.SCAN_OPENED)).isGreaterThanOrEqualTo(6);
		assertThat(history.createHistoricDecisionInstanceQuery().decisionDefinitionKey(PackageAdviceProcess.DECISION_KEY)
				.count()).as("the scan asks PackageAdvice for every customer without a history row each").isEqualTo(decisionsBefore);
		long before = cases.count();

		ProcessInstance second = runScan(Map.of(UsageScanProcess.SCAN_FORCE, true));

		assertThat((Integer) variable(second, UsageScanProcess.SCAN_OPENED)).isZero();
		assertThat(cases.count()).isEqualTo(before);
	}

	@Test
	void shouldOpenCasesOnlyOnTheSecondWorkingDayUnlessForced() {
		customer(Fixtures.postpaid("UWS20", 0, "manager2"));
		http.withBasicAuth("billing", Fixtures.PASSWORD).postForEntity("/api/billing/monthly-usage",
				json("[" + row("UWS20", "2026-10", "100", 40, null) + "," + row("UWS20", "2026-11", "50", 12, null) + "]"),
				Map.class);
		kit.moveClockTo("2026-12-03T08:30");

		runScan(Map.of());
		assertThat(cases.findOpen("UWS20", CaseType.TRAFFIC_DECLINE)).isEmpty();

		kit.moveClockTo("2026-12-02T08:30");
		runScan(Map.of());
		assertThat(cases.findOpen("UWS20", CaseType.TRAFFIC_DECLINE)).get()
				.satisfies(file -> assertThat(file.getUsageMonth()).isEqualTo("2026-11"));
	}

	@Test
	void shouldScanAnotherMonthWhenToldWhich() {
		customer(Fixtures.postpaid("UWS30", 0, "manager2"));
		http.withBasicAuth("billing", Fixtures.PASSWORD).postForEntity("/api/billing/monthly-usage",
				json("[" + row("UWS30", "2026-08", "100", 40, null) + "," + row("UWS30", "2026-09", "50", 12, null) + "]"),
				Map.class);

		runScan(Map.of(UsageScanProcess.SCAN_FORCE, true, UsageScanProcess.SCAN_MONTH, "2026-10"));

		assertThat(cases.findOpen("UWS30", CaseType.TRAFFIC_DECLINE)).get()
				.satisfies(file -> assertThat(file.getUsageMonth()).isEqualTo("2026-09"));
	}

	private ProcessInstance runScan(Map<String, Object> variables) {
		ProcessInstance instance = runtime.startProcessInstanceByKey(UsageScanProcess.PROCESS_KEY, variables);
		execute(job(UsageScanProcess.SERVICE_OPEN_CASES, instance));
		return instance;
	}

	private Object variable(ProcessInstance instance, String name) {
		return history.createHistoricVariableInstanceQuery().processInstanceId(instance.getId()).variableName(name)
				.singleResult().getValue();
	}

	/** The declineStage of the customer's traffic-decline case, read as the developers do: through /engine-rest. */
	private String stage(String customerNo) {
		Map<String, Object> variables = variables(TrafficDeclineProcess.PROCESS_KEY, customerNo);
		return variables == null ? null : (String) ((Map<String, Object>) variables.get("declineStage")).get("value");
	}

	private Map<String, Object> variables(String processKey, String customerNo) {
		ResponseEntity<List> instances = http.withBasicAuth("admin", Fixtures.PASSWORD).getForEntity(
				"/engine-rest/process-instance?processDefinitionKey=" + processKey + "&businessKey=" + customerNo, List.class);
		assertThat(instances.getStatusCode()).isEqualTo(HttpStatus.OK);
		if (instances.getBody().isEmpty()) {
			return null;
		}
		String id = (String) ((Map<String, Object>) instances.getBody().get(0)).get("id");
		return http.withBasicAuth("admin", Fixtures.PASSWORD)
				.getForEntity("/engine-rest/process-instance/" + id + "/variables", Map.class).getBody();
	}

	private void customer(CustomerData data) {
		customers.saveAndFlush(Fixtures.customer(data));
	}

	private static String row(String customerNo, String month, String amount, int calls, String packageCode) {
		return "{\"customerNo\":\"" + customerNo + "\",\"month\":\"" + month + "\",\"amount\":" + amount + ",\"calls\":"
				+ calls + ",\"minutes\":" + calls * 5 + (packageCode == null ? "" : ",\"packageCode\":\"" + packageCode + "\"")
				+ "}";
	}
}
