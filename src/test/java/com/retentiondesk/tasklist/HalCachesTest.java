package com.retentiondesk.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.rest.cache.Cache;
import org.camunda.bpm.engine.rest.hal.Hal;
import org.camunda.bpm.engine.rest.hal.cache.DefaultHalResourceCache;
import org.camunda.bpm.engine.rest.hal.processDefinition.HalProcessDefinition;
import org.camunda.bpm.engine.rest.hal.user.HalUser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.retentiondesk.DeskTest;
import com.retentiondesk.Fixtures;
import com.retentiondesk.arrears.ArrearsCases;
import com.retentiondesk.arrears.ArrearsProcess;
import com.retentiondesk.customer.Customers;

/** The users and process definitions embedded in Tasklist's pages come from the HAL caches. */
@DeskTest
class HalCachesTest {

	@Autowired
	TestRestTemplate http;
	@Autowired
	ArrearsCases arrears;
	@Autowired
	Customers customers;
	@Autowired
	TaskService tasks;

	@Test
	@SuppressWarnings({ "rawtypes", "unchecked" })
	void shouldEmbedTheAssigneeFromTheCacheOnTheNextPage() {
		customers.saveAndFlush(Fixtures.customer(Fixtures.prepaid("HAL001", "1.00", "manager4")));
		String instance = arrears.open(customers.findById("HAL001").orElseThrow()).getProcessInstanceId();
		String definition = tasks.createTaskQuery().processInstanceId(instance).singleResult().getProcessDefinitionId();
		DefaultHalResourceCache users = (DefaultHalResourceCache) Hal.getInstance().getHalRelationCache(HalUser.class);
		Cache definitions = Hal.getInstance().getHalRelationCache(HalProcessDefinition.class);
		users.remove("manager4");

		Map page = halPage("manager4");

		assertThat(users.get("manager4")).isNotNull();
		assertThat(definitions.get(definition)).isNotNull();
		List<Map> embedded = (List<Map>) ((Map) page.get("_embedded")).get("assignee");
		assertThat(embedded).extracting(user -> user.get("id")).containsExactly("manager4");
		// the next page takes the name from the cache and shows the same
		assertThat(halPage("manager4")).isEqualTo(page);
	}

	@SuppressWarnings("rawtypes")
	private Map halPage(String user) {
		HttpHeaders headers = new HttpHeaders();
		headers.setAccept(List.of(MediaType.parseMediaType("application/hal+json")));
		ResponseEntity<Map> answer = http.withBasicAuth(user, Fixtures.PASSWORD).exchange(
				"/engine-rest/task?assignee=" + user + "&processDefinitionKey=" + ArrearsProcess.PROCESS_KEY, HttpMethod.GET,
				new HttpEntity<>(headers), Map.class);
		assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
		return answer.getBody();
	}
}
