package com.retentiondesk.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.retentiondesk.DeskTest;
import com.retentiondesk.ExpressionCanary;
import com.retentiondesk.Fixtures;

/**
 * Issue 24, finding 9: a stored filter runs its expressions on the server each time someone refreshes
 * it, so only the desk's own few expressions may be stored, whoever stores them.
 */
@DeskTest
class StoredFilterExpressionTest {

	@Autowired
	TestRestTemplate http;
	@Autowired
	FilterService filters;
	@Autowired
	TaskService tasks;
	@Autowired
	ExpressionCanary canary;

	@AfterEach
	void removeTestFilters() {
		filters.createFilterQuery().filterNameLike("测试过滤器%").list().forEach(f -> filters.deleteFilter(f.getId()));
	}

	@ParameterizedTest
	@ValueSource(strings = { "${canary.touch()}", "${''.getClass().forName('java.lang.Runtime')}",
			"${currentUser()}${canary.touch()}", "${currentUser()} ", "x${currentUser()}", "#{currentUser()}",
			"${currentUser(canary.touch())}", "${currentUser().concat(canary.touch())}",
			"${dateTime().plusDays(canary.touch()).toDate()}", "${dateTime().toDate().getClass()}",
			"${dateTime().plusDays(1)}", "${dateTime().toString().toDate()}", "${dateTime().plusDays(1+1).toDate()}",
			"${dateTime().plusWeeks(1).toDate()}", "${canary.dateTime().toDate()}", "${dateTime.toDate()}",
			"${now() == null ? currentUser() : canary.touch()}", "${currentUser" })
	void shouldRefuseAFilterWithAnyOtherExpression(String expression) throws Exception {
		int before = canary.touched();
		String query = new ObjectMapper().writeValueAsString(java.util.Map.of("assigneeExpression", expression));

		ResponseEntity<String> created = create("测试过滤器-坏", query);

		assertThat(created.getStatusCode()).as(created.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(created.getBody()).contains("过滤器");
		assertThat(filters.createFilterQuery().filterName("测试过滤器-坏").count()).isZero();
		assertThat(canary.touched()).isEqualTo(before);
	}

	@Test
	void shouldRefuseTheBadExpressionInAnOrQueryAndFromJavaToo() {
		ResponseEntity<String> created = create("测试过滤器-或",
				"{\"orQueries\":[{\"candidateGroupsExpression\":\"${canary.touch()}\"}]}");
		assertThat(created.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);

		assertThatThrownBy(() -> filters.saveFilter(filters.newTaskFilter("测试过滤器-java")
				.setQuery(tasks.createTaskQuery().taskAssigneeExpression("${canary.touch()}"))))
				.isInstanceOf(BadUserRequestException.class);
		assertThat(filters.createFilterQuery().filterNameLike("测试过滤器%").count()).isZero();
	}

	@Test
	void shouldAcceptTheDesksOwnExpressions() {
		ResponseEntity<String> created = create("测试过滤器-好", "{\"assigneeExpression\":\"${currentUser()}\","
				+ "\"candidateGroupsExpression\":\"${currentUserGroups()}\","
				+ "\"dueBeforeExpression\":\"${dateTime().withTimeAtStartOfDay().plusDays(1).minusHours(2).toDate()}\","
				+ "\"followUpAfterExpression\":\"${dateTime().minusDays(3).plusHours(12).toDate()}\","
				+ "\"createdBeforeExpression\":\"${now()}\","
				+ "\"dueAfterExpression\":\"${dateTime().toDate()}\"}");

		assertThat(created.getStatusCode()).as(created.getBody()).isEqualTo(HttpStatus.OK);
		String id = filters.createFilterQuery().filterName("测试过滤器-好").singleResult().getId();
		assertThat(http.withBasicAuth("admin", Fixtures.PASSWORD)
				.getForEntity("/engine-rest/filter/" + id + "/count", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
	}

	private ResponseEntity<String> create(String name, String query) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		String body = "{\"resourceType\":\"Task\",\"name\":\"" + name + "\",\"query\":" + query + "}";
		return http.withBasicAuth("admin", Fixtures.PASSWORD).postForEntity("/engine-rest/filter/create",
				new HttpEntity<>(body, headers), String.class);
	}
}
