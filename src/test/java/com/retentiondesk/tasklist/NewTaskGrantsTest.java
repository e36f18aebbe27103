package com.retentiondesk.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.retentiondesk.DeskTest;
import com.retentiondesk.Fixtures;
import com.retentiondesk.arrears.ArrearsCases;
import com.retentiondesk.casework.RetentionCase;
import com.retentiondesk.customer.Customers;

/** {@link NewTaskGrants}: a new task is granted to its assignee and team once each, as the engine does. */
@DeskTest
class NewTaskGrantsTest {

	@Autowired
	Customers customers;
	@Autowired
	ArrearsCases arrears;
	@Autowired
	TaskService tasks;
	@Autowired
	AuthorizationService authorizations;

	@Test
	void shouldGrantANewTaskToItsAssigneeAndTeamOnceEach() {
		customers.saveAndFlush(Fixtures.customer(Fixtures.prepaid("NTG01", "1.00", "manager1")));
		RetentionCase file = arrears.open(customers.findById("NTG01").orElseThrow());
		Task call = tasks.createTaskQuery().processInstanceId(file.getProcessInstanceId()).singleResult();

		List<Authorization> grants = authorizations.createAuthorizationQuery().resourceType(Resources.TASK)
				.resourceId(call.getId()).list();

		assertThat(grants).extracting(Authorization::getUserId).containsOnlyOnce("manager1");
		assertThat(grants).extracting(Authorization::getGroupId).containsOnlyOnce("team1");
		assertThat(grants).hasSize(2).allSatisfy(grant -> assertThat(grant.isPermissionGranted(Permissions.READ)).isTrue());

		// a task of an earlier command: the grant of a new assignee is looked up and created as before
		tasks.setAssignee(call.getId(), "manager2");
		tasks.setAssignee(call.getId(), "manager1");
		assertThat(authorizations.createAuthorizationQuery().resourceType(Resources.TASK).resourceId(call.getId())
				.userIdIn("manager1").count()).isOne();
		assertThat(authorizations.createAuthorizationQuery().resourceType(Resources.TASK).resourceId(call.getId())
				.userIdIn("manager2").count()).isOne();
	}
}
