package com.retentiondesk.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Comment;
import org.camunda.bpm.engine.task.Task;
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

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.retentiondesk.DeskTest;
import com.retentiondesk.Fixtures;
import com.retentiondesk.TasklistSession;
import com.retentiondesk.arrears.ArrearsCases;
import com.retentiondesk.casework.RetentionCase;
import com.retentiondesk.customer.Customers;

/**
 * Every action Tasklist offers on a task, on both REST paths ({@code /engine-rest} with HTTP Basic and
 * Tasklist's own {@code /camunda/api/engine} with a session): it works for the task's manager (or, for a
 * take-over and a delegation, the teammate), and a manager of another team gets a 404 with a Chinese
 * message and changes nothing.
 */
@DeskTest
class TaskActionsTest {

	private static final String ENGINE_REST = "/engine-rest";
	private static final String WEBAPP = "/camunda/api/engine/engine/default";
	private static final AtomicInteger CUSTOMERS = new AtomicInteger();
	private static final ObjectMapper JSON = new ObjectMapper();

	@Autowired
	TestRestTemplate http;
	@Autowired
	ArrearsCases arrears;
	@Autowired
	Customers customers;
	@Autowired
	TaskService tasks;
	@Autowired
	HistoryService history;

	// claim, unclaim, take over

	@ParameterizedTest
	@ValueSource(strings = { ENGINE_REST, WEBAPP })
	void shouldLetTheManagerClaimAnUnassignedTask(String path) {
		Task task = openTaskOfManager1();
		tasks.setAssignee(task.getId(), null);

		ResponseEntity<String> answer = send(path, "manager1", HttpMethod.POST, "/task/" + task.getId() + "/claim",
				"{\"userId\":\"manager1\"}");

		assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(reload(task).getAssignee()).isEqualTo("manager1");
	}

	@ParameterizedTest
	@ValueSource(strings = { ENGINE_REST, WEBAPP })
	void shouldLetTheManagerUnclaim(String path) {
		Task task = openTaskOfManager1();

		ResponseEntity<String> answer = send(path, "manager1", HttpMethod.POST, "/task/" + task.getId() + "/unclaim", "");

		assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(reload(task).getAssignee()).isNull();
		assertThat(tasks.getTaskComments(task.getId())).as("one's own move leaves no trace").isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { ENGINE_REST, WEBAPP })
	void shouldLetATeammateTakeOverAsTasklistDoesIt(String path) {
		Task task = openTaskOfManager1();

		// the × next to the colleague's name, then 认领
		ResponseEntity<String> reset = send(path, "manager2", HttpMethod.POST, "/task/" + task.getId() + "/assignee",
				"{\"userId\":null}");
		ResponseEntity<String> claim = send(path, "manager2", HttpMethod.POST, "/task/" + task.getId() + "/claim",
				"{\"userId\":\"manager2\"}");

		assertThat(reset.getStatusCode()).as(reset.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(claim.getStatusCode()).as(claim.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(reload(task).getAssignee()).isEqualTo("manager2");
		assertThat(tasks.getTaskComments(task.getId())).singleElement().satisfies(trace -> {
			assertThat(trace.getUserId()).isEqualTo("manager2");
			assertThat(trace.getFullMessage()).matches("李娜 于 \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d 取消了 王芳 对此任务的认领");
		});
	}

	/** The desk's take-over (Tasklist's × asks first, then sets the assignee once): a comment names both. */
	@ParameterizedTest
	@ValueSource(strings = { ENGINE_REST, WEBAPP })
	void shouldLeaveACommentWhenATeammateTakesTheTaskOver(String path) {
		Task task = openTaskOfManager1();

		ResponseEntity<String> answer = send(path, "manager2", HttpMethod.POST, "/task/" + task.getId() + "/assignee",
				"{\"userId\":\"manager2\"}");

		assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(reload(task).getAssignee()).isEqualTo("manager2");
		assertThat(tasks.getTaskComments(task.getId())).singleElement().satisfies(trace -> {
			assertThat(trace.getUserId()).isEqualTo("manager2");
			assertThat(trace.getFullMessage()).matches("李娜 于 \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d 从 王芳 手中接手了此任务");
		});
	}

	@ParameterizedTest
	@ValueSource(strings = { ENGINE_REST, WEBAPP })
	void shouldLetTheManagerDelegateToATeammate(String path) {
		Task task = openTaskOfManager1();

		ResponseEntity<String> answer = send(path, "manager1", HttpMethod.POST, "/task/" + task.getId() + "/delegate",
				"{\"userId\":\"manager2\"}");

		assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
		Task delegated = reload(task);
		assertThat(delegated.getAssignee()).isEqualTo("manager2");
		assertThat(delegated.getOwner()).isEqualTo("manager1");
		assertThat(tasks.getTaskComments(task.getId())).as("one's own move leaves no trace").isEmpty();
	}

	// the dates: Tasklist sends the whole task back, one field changed

	@ParameterizedTest
	@ValueSource(strings = { ENGINE_REST, WEBAPP })
	void shouldLetTheManagerSetAFollowUpDateWithTheBodyTasklistSends(String path) throws Exception {
		Task task = openTaskOfManager1();
		ObjectNode body = taskAsTasklistReadsIt(path, "manager1", task);
		assertThat(body.has("camundaFormRef")).as("the field that broke the PUT is in the body").isTrue();
		body.put("followUp", "2030-01-15T10:00:00.000+0800");

		ResponseEntity<String> answer = send(path, "manager1", HttpMethod.PUT, "/task/" + task.getId(), body.toString());

		assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(reload(task).getFollowUpDate())
				.isEqualTo(Date.from(java.time.OffsetDateTime.parse("2030-01-15T10:00:00+08:00").toInstant()));
	}

	@ParameterizedTest
	@ValueSource(strings = { ENGINE_REST, WEBAPP })
	void shouldLetTheManagerClearTheDueDateWithTheBodyTasklistSends(String path) throws Exception {
		Task task = openTaskOfManager1();
		assertThat(task.getDueDate()).isNotNull();
		ObjectNode body = taskAsTasklistReadsIt(path, "manager1", task);
		body.putNull("due");

		ResponseEntity<String> answer = send(path, "manager1", HttpMethod.PUT, "/task/" + task.getId(), body.toString());

		assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(reload(task).getDueDate()).isNull();
	}

	@ParameterizedTest
	@ValueSource(strings = { ENGINE_REST, WEBAPP })
	void shouldLetTheManagerComment(String path) {
		Task task = openTaskOfManager1();

		ResponseEntity<String> answer = send(path, "manager1", HttpMethod.POST,
				"/task/" + task.getId() + "/comment/create", "{\"message\":\"客户要求周五下午再联系\"}");

		assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(HttpStatus.OK);
		assertThat(tasks.getTaskComments(task.getId())).extracting(Comment::getFullMessage, Comment::getUserId)
				.containsExactly(org.assertj.core.groups.Tuple.tuple("客户要求周五下午再联系", "manager1"));
	}

	@org.junit.jupiter.api.Test
	void shouldRefuseACommentThroughTasklistsPathWithoutTheCsrfToken() {
		Task task = openTaskOfManager1();
		HttpHeaders headers = new HttpHeaders();
		headers.putAll(TasklistSession.login(http, "manager1", Fixtures.PASSWORD));
		headers.remove("X-XSRF-TOKEN");
		headers.setContentType(MediaType.APPLICATION_JSON);

		ResponseEntity<String> answer = http.exchange(WEBAPP + "/task/" + task.getId() + "/comment/create",
				HttpMethod.POST, new HttpEntity<>("{\"message\":\"forged\"}", headers), String.class);

		assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(tasks.getTaskComments(task.getId())).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { ENGINE_REST, WEBAPP })
	void shouldListTheCommentsOfTheTaskForTheManager(String path) throws Exception {
		Task task = openTaskOfManager1();
		send(path, "manager1", HttpMethod.POST, "/task/" + task.getId() + "/comment/create", "{\"message\":\"第一条\"}");

		ResponseEntity<String> answer = send(path, "manager1", HttpMethod.GET, "/task/" + task.getId() + "/comment", null);

		assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(HttpStatus.OK);
		com.fasterxml.jackson.databind.JsonNode comments = JSON.readTree(answer.getBody());
		assertThat(comments).hasSize(1);
		assertThat(comments.get(0).path("message").asText()).isEqualTo("第一条");
		assertThat(comments.get(0).path("userId").asText()).isEqualTo("manager1");
		assertThat(comments.get(0).path("time").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}[+-]\\d{4}");
	}

	/** Tasklist's 保存 of a Camunda Form stays in the browser; through REST a save is the variables' update. */
	@ParameterizedTest
	@ValueSource(strings = { ENGINE_REST, WEBAPP })
	void shouldLetTheManagerSaveVariables(String path) {
		Task task = openTaskOfManager1();

		ResponseEntity<String> answer = send(path, "manager1", HttpMethod.POST, "/task/" + task.getId() + "/variables",
				"{\"modifications\":{\"callNotes\":{\"value\":\"草稿: 客户在开会\",\"type\":\"String\"}}}");

		assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(tasks.getVariable(task.getId(), "callNotes")).isEqualTo("草稿: 客户在开会");
	}

	@ParameterizedTest
	@ValueSource(strings = { ENGINE_REST, WEBAPP })
	void shouldLetTheManagerComplete(String path) {
		Task task = openTaskOfManager1();

		ResponseEntity<String> answer = send(path, "manager1", HttpMethod.POST, "/task/" + task.getId() + "/submit-form",
				"{\"variables\":{\"callOutcome\":{\"value\":\"NOT_REACHED\"},\"callNotes\":{\"value\":\"关机\"}}}");

		assertThat(answer.getStatusCode()).as(answer.getBody()).isIn(HttpStatus.OK, HttpStatus.NO_CONTENT);
		assertThat(tasks.createTaskQuery().taskId(task.getId()).count()).isZero();
	}

	// a manager of another team: 404, in Chinese, nothing changed

	@ParameterizedTest
	@ValueSource(strings = { ENGINE_REST, WEBAPP })
	void shouldAnswer404InChineseToAnotherTeamForEveryActionAndChangeNothing(String path) throws Exception {
		Task task = openTaskOfManager1();
		String id = task.getId();
		ObjectNode body = taskAsTasklistReadsIt(path, "manager1", task);
		body.put("followUp", "2030-01-15T10:00:00.000+0800");
		body.putNull("due");
		Map<String, String[]> actions = new java.util.LinkedHashMap<>();
		actions.put("read", new String[] { "GET", "/task/" + id, null });
		actions.put("claim", new String[] { "POST", "/task/" + id + "/claim", "{\"userId\":\"manager5\"}" });
		actions.put("unclaim", new String[] { "POST", "/task/" + id + "/unclaim", "" });
		actions.put("take over", new String[] { "POST", "/task/" + id + "/assignee", "{\"userId\":null}" });
		actions.put("delegate", new String[] { "POST", "/task/" + id + "/delegate", "{\"userId\":\"manager6\"}" });
		actions.put("dates", new String[] { "PUT", "/task/" + id, body.toString() });
		actions.put("comment", new String[] { "POST", "/task/" + id + "/comment/create", "{\"message\":\"x\"}" });
		actions.put("save", new String[] { "POST", "/task/" + id + "/variables",
				"{\"modifications\":{\"callNotes\":{\"value\":\"x\"}}}" });
		actions.put("complete", new String[] { "POST", "/task/" + id + "/submit-form",
				"{\"variables\":{\"callOutcome\":{\"value\":\"NOT_REACHED\"}}}" });

		for (Map.Entry<String, String[]> action : actions.entrySet()) {
			String[] call = action.getValue();
			ResponseEntity<String> answer = send(path, "manager5", HttpMethod.valueOf(call[0]), call[1], call[2]);

			assertThat(answer.getStatusCode()).as(action.getKey() + ": " + answer.getBody()).isEqualTo(HttpStatus.NOT_FOUND);
			assertThat(JSON.readTree(answer.getBody()).path("message").asText()).as(action.getKey())
					.isEqualTo(TaskAccess.NOT_FOUND_MESSAGE);
		}

		Task after = reload(task);
		assertThat(after.getAssignee()).isEqualTo("manager1");
		assertThat(after.getOwner()).isNull();
		assertThat(after.getDueDate()).isEqualTo(task.getDueDate());
		assertThat(after.getFollowUpDate()).isNull();
		assertThat(tasks.getTaskComments(id)).isEmpty();
		assertThat(tasks.getVariable(id, "callNotes")).isNull();
	}

	private Task openTaskOfManager1() {
		String customerNo = "TA" + String.format("%04d", CUSTOMERS.incrementAndGet());
		customers.saveAndFlush(Fixtures.customer(Fixtures.prepaid(customerNo, "1.00", "manager1")));
		RetentionCase file = arrears.open(customers.findById(customerNo).orElseThrow());
		Task task = tasks.createTaskQuery().processInstanceId(file.getProcessInstanceId()).singleResult();
		assertThat(task.getAssignee()).isEqualTo("manager1");
		return task;
	}

	private Task reload(Task task) {
		return tasks.createTaskQuery().taskId(task.getId()).singleResult();
	}

	/** The body of {@code GET /task/{id}}, as Tasklist holds it before it changes one field and PUTs it back. */
	private ObjectNode taskAsTasklistReadsIt(String path, String user, Task task) throws Exception {
		ResponseEntity<String> answer = send(path, user, HttpMethod.GET, "/task/" + task.getId(), null);
		assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(HttpStatus.OK);
		return (ObjectNode) JSON.readTree(answer.getBody());
	}

	private ResponseEntity<String> send(String path, String user, HttpMethod method, String resource, String body) {
		HttpHeaders headers = new HttpHeaders();
		if (path.equals(WEBAPP)) {
			headers.putAll(TasklistSession.login(http, user, Fixtures.PASSWORD));
		} else {
			headers.setBasicAuth(user, Fixtures.PASSWORD);
		}
		headers.setContentType(MediaType.APPLICATION_JSON);
		headers.setAccept(List.of(MediaType.APPLICATION_JSON));
		return http.exchange(path + resource, method, new HttpEntity<>(body, headers), String.class);
	}
}
