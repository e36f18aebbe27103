package com.retentiondesk.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
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
import com.retentiondesk.DeskTest;
import com.retentiondesk.Fixtures;
import com.retentiondesk.TasklistSession;
import com.retentiondesk.arrears.ArrearsCases;
import com.retentiondesk.casework.RetentionCase;
import com.retentiondesk.casework.RetentionCases;
import com.retentiondesk.casework.ShownBriefs;
import com.retentiondesk.customer.Customers;
import com.retentiondesk.customer.LineStatus;
import com.retentiondesk.winback.StopKind;
import com.retentiondesk.winback.WinbackCases;

/**
 * The case brief as Tasklist shows it (its form reads {@code /task/{id}/form-variables}): the other open case of
 * the same customer and who holds it, read when shown, and no raw codes.
 */
@DeskTest
class ShownBriefsTest {

	private static final ObjectMapper JSON = new ObjectMapper();

	@Autowired
	TestRestTemplate http;
	@Autowired
	ArrearsCases arrears;
	@Autowired
	WinbackCases winback;
	@Autowired
	Customers customers;
	@Autowired
	TaskService tasks;
	@Autowired
	RetentionCases cases;

	@ParameterizedTest
	@ValueSource(strings = { "/engine-rest", "/camunda/api/engine/engine/default" })
	void shouldNameTheOtherOpenCaseAndWhoHoldsItWhenTheTaskIsShown(String path) throws Exception {
		String customerNo = path.startsWith("/engine") ? "SB0001" : "SB0002";
		customers.saveAndFlush(Fixtures.customer(
				Fixtures.withLineStatus(Fixtures.prepaid(customerNo, "1.00", "manager1"), LineStatus.SINGLE_STOP)));
		RetentionCase arrearsCase = arrears.open(customers.findById(customerNo).orElseThrow());
		Task arrearsCall = tasks.createTaskQuery().processInstanceId(arrearsCase.getProcessInstanceId()).singleResult();
		RetentionCase winbackCase = winback.lineSuspended(customers.findById(customerNo).orElseThrow(), StopKind.SINGLE_STOP, LineStatus.ACTIVE)
				.orElseThrow();
		Task winbackCall = tasks.createTaskQuery().processInstanceId(winbackCase.getProcessInstanceId()).singleResult();
		// a teammate holds the win-back call now: the arrears brief says so, though it was written before
		tasks.setAssignee(winbackCall.getId(), "manager2");

		String shown = brief(path, "manager1", arrearsCall);

		assertThat(shown).contains("客户: 测试客户" + customerNo).endsWith("\n另有未结案件: 停机预警保有, 李娜 处理中");
		assertThat(brief(path, "manager2", winbackCall)).contains("\n另有未结案件: 欠费温馨提醒, 王芳 处理中");
		assertThat(cases.findById(arrearsCase.getId()).orElseThrow().getBrief()).as("the stored brief stays as written")
				.asString().doesNotContain("另有未结案件");
	}

	@Test
	void shouldWriteCodesInChinese() {
		assertThat(ShownBriefs.label("最近联系:\n  2026-12-01 10:00 王芳 REACHED:ACCEPTED: 好\n  2026-12-01 09:00 王芳 SENT"))
				.isEqualTo("最近联系:\n  2026-12-01 10:00 王芳 已接通:接受: 好\n  2026-12-01 09:00 王芳 已发送");
		assertThat(ShownBriefs.label("推荐方案: PREPAY_BONUS_STANDARD")).isEqualTo("推荐方案: 冻费送(标准)");
		assertThat(ShownBriefs.label("推荐方案: PREPAY_BONUS")).isEqualTo("推荐方案: 冻费送");
		assertThat(ShownBriefs.label("回访 VERIFY:NOT_YET")).isEqualTo("回访 回访:尚未开通");
		assertThat(ShownBriefs.label("客户 E2E0001 PHS CDMA")).isEqualTo("客户 E2E0001 PHS CDMA");
	}

	private String brief(String path, String user, Task task) throws Exception {
		HttpHeaders headers = new HttpHeaders();
		if (path.startsWith("/camunda")) {
			headers.putAll(TasklistSession.login(http, user, Fixtures.PASSWORD));
		} else {
			headers.setBasicAuth(user, Fixtures.PASSWORD);
		}
		headers.setAccept(List.of(MediaType.APPLICATION_JSON));
		ResponseEntity<String> answer = http.exchange(path + "/task/" + task.getId() + "/form-variables",
				HttpMethod.GET, new HttpEntity<>(headers), String.class);
		assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(HttpStatus.OK);
		JsonNode variables = JSON.readTree(answer.getBody());
		return variables.path("caseBrief").path("value").asText();
	}
}
