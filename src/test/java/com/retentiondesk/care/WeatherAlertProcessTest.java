package com.retentiondesk.care;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import com.retentiondesk.CaseTestKit;
import com.retentiondesk.DeskTest;
import com.retentiondesk.Fixtures;
import com.retentiondesk.JsonRequests;
import com.retentiondesk.casework.FormRejectedException;

/**
 * WeatherAlertProcess (processes/weather-alert.bpmn): a supervisor starts it for their own teams only, the
 * managers of those teams confirm or skip, the send waits for calling hours (rest days too), and managers who
 * do not answer in time are sent as selected.
 */
@DeskTest
class WeatherAlertProcessTest {

	/** Saturday 5 December 2026, 21:00: after calling hours. */
	private static final ZonedDateTime NOW = ZonedDateTime.parse("2026-12-05T21:00:00+08:00[Asia/Shanghai]");
	private static final String TEXT = "寒潮来袭,明起降温8度,请注意保暖。您的电话经理";
	private static final String OURS = "WA28";

	@RegisterExtension
	static final CaseTestKit kit = CaseTestKit.clockAt(NOW);

	@Autowired
	RuntimeService runtime;
	@Autowired
	HistoryService history;
	@Autowired
	TaskService tasks;
	@Autowired
	IdentityService identity;
	@Autowired
	CareTestData data;
	@Autowired
	TestRestTemplate http;

	@Autowired
	AuthorizationService authorizations;

	private static Long template;

	/**
	 * The supervisors' CREATE on process instances, which IdentitySetup grants at start: TeamCaseBoundaryTest removes
	 * every process-instance grant of the shared context to imitate an older database.
	 */
	@BeforeEach
	void supervisorsMayStartProcesses() {
		if (authorizations.createAuthorizationQuery().groupIdIn("supervisors").resourceType(Resources.PROCESS_INSTANCE)
				.resourceId("*").hasPermission(Permissions.CREATE).count() == 0) {
			Authorization grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
			grant.setGroupId("supervisors");
			grant.setResource(Resources.PROCESS_INSTANCE);
			grant.setResourceId("*");
			grant.addPermission(Permissions.CREATE);
			authorizations.saveAuthorization(grant);
		}
	}

	private long template() {
		if (template == null) {
			template = data.approved(CareKind.WEATHER, TEXT, LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 31));
		}
		return template;
	}

	@Test
	void shouldAskTheTeamsManagersOnlyAndSendInTheNextCallingHoursAfterTheirAnswers() {
		long templateId = template();
		String confirmed = data.phs("WA28101", "manager1");
		String skipped = data.cdma("WA28102", "manager2");
		String otherTeam = data.phs("WA28103", "manager5");

		ResponseEntity<Map> started = alert("supervisor1", "COLD_WAVE", "team1", templateId);

		assertThat(started.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		String instanceId = (String) started.getBody().get("processInstanceId");
		long batchId = ((Number) runtime.getVariable(instanceId, CareProcess.BATCH_ID)).longValue();
		data.onlyOurs(batchId, OURS);
		List<Task> confirms = tasks.createTaskQuery().processInstanceId(instanceId).list();
		assertThat(confirms).extracting(Task::getTaskDefinitionKey).containsOnly(CareProcess.TASK_CONFIRM_WEATHER);
		assertThat(confirms).extracting(Task::getAssignee).as("team1's managers only").contains("manager1", "manager2")
				.allMatch(List.of("manager1", "manager2", "manager3", "manager4")::contains);
		assertThat(runtime.getVariable(instanceId, CareProcess.STARTED_BY)).isEqualTo("supervisor1");
		assertThat(data.recipientStates(batchId, OURS)).as("team2's customer is not in the batch")
				.containsOnlyKeys("SELECTED");

		for (Task task : confirms) {
			boolean send = !"manager2".equals(task.getAssignee());
			tasks.complete(task.getId(), send ? Map.of(CareProcess.SEND, true)
					: Map.of(CareProcess.SEND, false, CareProcess.CONFIRM_NOTE, "公司已发过寒潮提醒"));
		}

		assertThat(runtime.createExecutionQuery().processInstanceId(instanceId).activityId(CareProcess.TIMER_CALLING_HOURS)
				.count()).as("waiting for calling hours").isOne();
		assertThat(runtime.getVariable(instanceId, CareProcess.SEND_AT)).as("Sunday 09:00: rest days too, not at night")
				.isEqualTo(CaseTestKit.at("2026-12-06T09:00"));
		data.runJobs(instanceId);
		assertThat(data.outbox(confirmed)).isEmpty();

		kit.moveClockTo("2026-12-06T09:00");
		data.runJobs(instanceId);

		assertThat(data.outbox(confirmed)).singleElement().satisfies(row -> assertThat(row)
				.containsEntry("STATUS", "SENT").containsEntry("BODY", TEXT + "回复TD退订"));
		assertThat(data.smsContacts(confirmed)).singleElement().satisfies(row -> assertThat(row.get("NOTES").toString())
				.startsWith("天气提醒短信(模板#" + templateId + ",批次 WEATHER-" + instanceId + ")"));
		assertThat(data.outbox(skipped)).isEmpty();
		assertThat(data.outbox(otherTeam)).isEmpty();
		assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(instanceId)
				.activityId(CareProcess.END_WEATHER_SENT).count()).isOne();
	}

	@Test
	void shouldRejectOtherTeamsOtherRolesAndUnapprovedTemplatesWithAClearMessage() {
		long templateId = template();
		data.phs("WA28201", "manager5");

		ResponseEntity<Map> otherTeam = alert("supervisor1", "TYPHOON", "team1,team2", templateId);
		assertThat(otherTeam.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(otherTeam.getBody().toString()).contains("teams: 只能为本班组发起天气提醒; team2 不是你的班组 (你的班组: team1)");
		assertThat(alert("manager1", "TYPHOON", "team1", templateId).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(alert("supervisor1", "SNOW", "team1", templateId).getBody().toString()).contains("weatherKind: 请选择天气类型");
		assertThat(alert("supervisor1", "TYPHOON", "", templateId).getBody().toString()).contains("teams: 请填写班组编号");
		assertThat(alert("supervisor1", "TYPHOON", "team1", 999999).getBody().toString())
				.contains("templateId: 没有编号为 999999 的短信模板");
		long weekend = data.approved(CareKind.WEEKEND, "周末愉快", LocalDate.of(2040, 1, 1), LocalDate.of(2040, 1, 2));
		assertThat(alert("supervisor1", "TYPHOON", "team1", weekend).getBody().toString())
				.contains("是周末问候模板,不是天气提醒模板");

		// Tasklist's start form and the engine REST API start with the supervisor's engine authentication
		identity.setAuthentication("supervisor1", List.of("supervisors", "team1", "team1-supervisors"));
		try {
			assertThatThrownBy(() -> runtime.startProcessInstanceByKey(CareProcess.WEATHER_KEY, Map.of(
					CareProcess.WEATHER_KIND, "TYPHOON", CareProcess.TEAMS, "team2", CareProcess.TEMPLATE_ID, templateId)))
					.isInstanceOf(FormRejectedException.class).hasMessageContaining("team2 不是你的班组");
		} finally {
			identity.clearAuthentication();
		}
	}

	@Test
	void shouldSendToManagersWhoDidNotAnswerWhenTheConfirmationTimeRunsOut() {
		long templateId = template();
		kit.moveClockTo("2026-12-07T10:00");
		String customer = data.phs("WA28301", "manager6");

		identity.setAuthentication("supervisor2", List.of("supervisors", "team2", "team2-supervisors"));
		ProcessInstance run;
		try {
			run = runtime.startProcessInstanceByKey(CareProcess.WEATHER_KEY, Map.of(CareProcess.WEATHER_KIND, "RAINSTORM",
					CareProcess.TEAMS, "team2", CareProcess.TEMPLATE_ID, templateId));
		} finally {
			identity.clearAuthentication();
		}
		data.onlyOurs(((Number) runtime.getVariable(run.getId(), CareProcess.BATCH_ID)).longValue(), OURS);
		assertThat(runtime.getVariable(run.getId(), CareProcess.STARTED_BY)).isEqualTo("supervisor2");
		Task manager6 = tasks.createTaskQuery().processInstanceId(run.getId()).taskAssignee("manager6").singleResult();
		assertThat(manager6.getDueDate()).isEqualTo(CaseTestKit.at("2026-12-07T12:00"));

		kit.moveClockTo("2026-12-07T12:00");
		data.runJobs(run.getId());
		assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(run.getId())
				.activityId(CareProcess.BOUNDARY_WEATHER_CONFIRM_DUE).count()).isOne();
		assertThat(runtime.getVariable(run.getId(), CareProcess.SEND_AT)).as("12:00 ends the morning window")
				.isEqualTo(CaseTestKit.at("2026-12-07T14:00"));
		assertThat(data.outbox(customer)).isEmpty();

		kit.moveClockTo("2026-12-07T14:00");
		data.runJobs(run.getId());
		assertThat(data.outbox(customer)).singleElement().satisfies(row -> assertThat(row).containsEntry("STATUS", "SENT"));
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private ResponseEntity<Map> alert(String user, String kind, String teams, long templateId) {
		return http.withBasicAuth(user, Fixtures.PASSWORD).postForEntity("/api/care/weather-alerts", JsonRequests.json(
				"{\"weatherKind\":\"" + kind + "\",\"teams\":\"" + teams + "\",\"templateId\":" + templateId + "}"),
				(Class) Map.class);
	}
}
