package com.retentiondesk.care;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
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
 * CareMessageApprovalProcess (processes/care-message-approval.bpmn) and the templates' API: a proposal goes to
 * the proposer's team supervisors; approval and rejection are kept with who and when; only approved texts are
 * looked up for sending.
 */
@DeskTest
class CareMessageApprovalProcessTest {

	private static final ZonedDateTime NOW = ZonedDateTime.parse("2026-12-03T10:00:00+08:00[Asia/Shanghai]");

	@RegisterExtension
	static final CaseTestKit kit = CaseTestKit.clockAt(NOW);

	@Autowired
	TestRestTemplate http;
	@Autowired
	TaskService tasks;
	@Autowired
	HistoryService history;
	@Autowired
	IdentityService identity;
	@Autowired
	CareTemplates templates;

	@Test
	@SuppressWarnings("unchecked")
	void shouldOfferAManagersProposalToTheTeamsSupervisorsAndKeepWhoApprovedItAndWhen() {
		Map<String, Object> proposed = propose("manager1", "WEATHER", "寒潮来袭,请注意保暖。您的电话经理", "2041-01-01", "2041-01-31")
				.getBody();

		assertThat(proposed).containsEntry("state", "PROPOSED").containsEntry("kind", "WEATHER")
				.containsEntry("proposedBy", "manager1").containsEntry("decidedBy", null);
		long id = ((Number) proposed.get("id")).longValue();
		Task approval = approvalTask(id);
		assertThat(approval.getTaskDefinitionKey()).isEqualTo(CareProcess.TASK_APPROVE);
		assertThat(tasks.getIdentityLinksForTask(approval.getId())).extracting(IdentityLink::getGroupId)
				.containsExactly("team1-supervisors");
		assertThat(tasks.getVariable(approval.getId(), CareProcess.TEMPLATE_SUMMARY).toString())
				.contains("天气提醒", "王芳", "2041-01-01", "寒潮来袭");
		assertThat(templates.newestApproved(CareKind.WEATHER, LocalDate.of(2041, 1, 10))).as("not yet approved").isEmpty();

		kit.moveClockTo("2026-12-03T11:30");
		identity.setAuthentication("supervisor1", List.of("supervisors", "team1", "team1-supervisors"));
		try {
			tasks.complete(approval.getId(), Map.of(CareProcess.APPROVED, true));
		} finally {
			identity.clearAuthentication();
		}

		assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(approval.getProcessInstanceId())
				.activityId(CareProcess.END_APPROVED).count()).isOne();
		CareTemplate template = templates.list(CareKind.WEATHER, CareTemplate.State.APPROVED).stream()
				.filter(t -> t.getId() == id).findFirst().orElseThrow();
		assertThat(template.getDecidedBy()).isEqualTo("supervisor1");
		assertThat(template.getDecidedAt()).isEqualTo(LocalDateTime.of(2026, 12, 3, 11, 30));
		assertThat(templates.newestApproved(CareKind.WEATHER, LocalDate.of(2041, 1, 10))).get()
				.satisfies(t -> assertThat(t.id()).isEqualTo(id));
		assertThat(templates.newestApproved(CareKind.WEATHER, LocalDate.of(2041, 2, 1))).as("after validTo").isEmpty();
		assertThat(templates.newestApproved(CareKind.HOLIDAY, LocalDate.of(2041, 1, 10))).as("other kind").isEmpty();

		ResponseEntity<List> listed = http.withBasicAuth("manager2", Fixtures.PASSWORD)
				.getForEntity("/api/care/templates?kind=WEATHER&state=APPROVED", List.class);
		assertThat(listed.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(listed.getBody()).anySatisfy(t -> assertThat((Map<String, Object>) t).containsEntry("id", (int) id)
				.containsEntry("decidedBy", "supervisor1").containsEntry("decidedAt", "2026-12-03T11:30"));
	}

	@Test
	void shouldRejectWithAReasonOnlyAndNeverSendARejectedText() {
		long id = ((Number) propose("billing", "WEEKEND", "周末愉快!", "2042-03-01", "2042-03-31").getBody().get("id"))
				.longValue();
		Task approval = approvalTask(id);
		assertThat(tasks.getIdentityLinksForTask(approval.getId())).as("10000's proposal: no team, every supervisor")
				.extracting(IdentityLink::getGroupId).containsExactly("supervisors");

		assertThatThrownBy(() -> tasks.complete(approval.getId(), Map.of(CareProcess.APPROVED, false)))
				.isInstanceOf(FormRejectedException.class).hasMessageContaining("驳回时请填写“审批意见”");
		assertThatThrownBy(() -> tasks.complete(approval.getId(), Map.of()))
				.isInstanceOf(FormRejectedException.class).hasMessageContaining("是否批准");
		tasks.setAssignee(approval.getId(), "supervisor2");
		tasks.complete(approval.getId(), Map.of(CareProcess.APPROVED, false, CareProcess.DECISION_NOTE, "内容过短"));

		assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(approval.getProcessInstanceId())
				.activityId(CareProcess.END_REJECTED).count()).isOne();
		assertThat(templates.list(CareKind.WEEKEND, CareTemplate.State.REJECTED)).anySatisfy(t -> {
			assertThat(t.getId()).isEqualTo(id);
			assertThat(t.getDecidedBy()).as("the assignee when no one is logged in").isEqualTo("supervisor2");
			assertThat(t.getDecisionNote()).isEqualTo("内容过短");
		});
		assertThat(templates.newestApproved(CareKind.WEEKEND, LocalDate.of(2042, 3, 10))).isEmpty();
	}

	@Test
	void shouldAnswerBadProposalsWith400NamingTheFieldAndOtherRolesWith403() {
		assertThat(propose("manager1", "WEEKEND", " ", "2042-03-01", "2042-03-31")).satisfies(r -> {
			assertThat(r.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
			assertThat(r.getBody().toString()).contains("text: 请填写短信内容");
		});
		assertThat(propose("manager1", "EASTER", "复活节快乐", "2042-03-01", "2042-03-31").getBody().toString())
				.contains("kind: 类型无效");
		assertThat(propose("manager1", "WEEKEND", "周末愉快", "2042-03-31", "2042-03-01").getBody().toString())
				.contains("validTo: 失效日期 2042-03-01 早于生效日期 2042-03-31");
		assertThat(propose("manager1", "WEEKEND", "周末愉快", "2042-02-30", "2042-03-01").getStatusCode())
				.isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(http.withBasicAuth("manager1", Fixtures.PASSWORD)
				.getForEntity("/api/care/templates?state=DONE", Map.class).getBody().toString()).contains("state: 状态无效");
		assertThat(http.withBasicAuth("surveyor1", Fixtures.PASSWORD)
				.getForEntity("/api/care/templates", String.class).getStatusCode()).isIn(HttpStatus.FORBIDDEN,
						HttpStatus.UNAUTHORIZED);
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private ResponseEntity<Map<String, Object>> propose(String user, String kind, String text, String from, String to) {
		return http.withBasicAuth(user, Fixtures.PASSWORD).postForEntity("/api/care/templates",
				JsonRequests.json("{\"kind\":\"" + kind + "\",\"text\":\"" + text + "\",\"validFrom\":\"" + from
						+ "\",\"validTo\":\"" + to + "\"}"), (Class) Map.class);
	}

	private Task approvalTask(long templateId) {
		return tasks.createTaskQuery().processInstanceBusinessKey(String.valueOf(templateId))
				.processDefinitionKey(CareProcess.APPROVAL_KEY).singleResult();
	}
}
