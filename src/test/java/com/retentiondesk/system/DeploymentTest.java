package com.retentiondesk.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.Resource;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import com.retentiondesk.DeskTest;
import com.retentiondesk.Fixtures;
import com.retentiondesk.arrears.ArrearsCases;
import com.retentiondesk.casework.RetentionCase;
import com.retentiondesk.customer.Customers;

/** Everything in processes/ and forms/ is deployed together, once, and a task's form is served. */
@DeskTest
class DeploymentTest {

	@Autowired
	ProcessEngine engine;
	@Autowired
	RepositoryService repository;
	@Autowired
	TaskService tasks;
	@Autowired
	ArrearsCases arrears;
	@Autowired
	Customers customers;
	@Autowired
	TestRestTemplate http;
	@Autowired
	DeskDeployment deployment;

	@Test
	void shouldDeployEveryProcessAndFormUnderReadableNames() {
		Deployment desk = repository.createDeploymentQuery().deploymentName(DeskDeployment.DEPLOYMENT_NAME)
				.orderByDeploymentTime().desc().list().get(0);

		List<String> names = repository.getDeploymentResources(desk.getId()).stream().map(Resource::getName).toList();

		assertThat(names).contains("processes/arrears-reminder.bpmn", "processes/arrears-scan.bpmn",
				"forms/arrears-call.form", "forms/escalation-review.form");
		assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("ArrearsReminderProcess")
				.latestVersion().singleResult().getDeploymentId()).isEqualTo(desk.getId());
	}

	@Test
	void shouldNotDeployAgainWhenNothingChanged() {
		long before = repository.createDeploymentQuery().count();
		int version = repository.createProcessDefinitionQuery().processDefinitionKey("ArrearsReminderProcess")
				.latestVersion().singleResult().getVersion();

		deployment.postProcessEngineBuild(engine);

		assertThat(repository.createDeploymentQuery().count()).isEqualTo(before);
		assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("ArrearsReminderProcess")
				.latestVersion().singleResult().getVersion()).isEqualTo(version);
	}

	@Test
	void shouldServeTheDeployedFormOfACallTaskToItsManager() {
		customers.saveAndFlush(Fixtures.customer(Fixtures.prepaid("DEP001", "2.00", "manager1")));
		RetentionCase file = arrears.open(customers.findById("DEP001").orElseThrow());
		Task call = tasks.createTaskQuery().processInstanceId(file.getProcessInstanceId()).singleResult();

		ResponseEntity<String> form = http.withBasicAuth("manager1", Fixtures.PASSWORD)
				.getForEntity("/engine-rest/task/" + call.getId() + "/deployed-form", String.class);

		assertThat(form.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(form.getBody()).contains("\"id\": \"arrears-call\"").contains("是否接通").contains("callOutcome");
	}
}
