package com.retentiondesk.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.retentiondesk.DeskTest;
import com.retentiondesk.Fixtures;
import com.retentiondesk.arrears.ArrearsCases;
import com.retentiondesk.casework.RetentionCase;
import com.retentiondesk.customer.Customers;

import com.retentiondesk.web.DeskGroups;

import com.retentiondesk.tasklist.TaskAuthorizationCheck;

/** Groups, demo users and the Chinese Tasklist filters that managers and supervisors see. */
@DeskTest
class IdentitySetupTest {

	@Autowired
	TestRestTemplate http;
	@Autowired
	IdentityService identity;
	@Autowired
	AuthorizationService authorizations;
	@Autowired
	IdentitySetup setup;
	@Autowired
	Customers customers;
	@Autowired
	ArrearsCases arrears;
	@Autowired
	TaskService tasks;
	@Autowired
	FilterService filters;
	@Autowired
	org.camunda.bpm.engine.RuntimeService runtime;
	@Autowired
	org.springframework.jdbc.core.JdbcTemplate jdbc;

	@Test
	void shouldShowManagersTheirThreeFiltersAndSupervisorsTheEscalationsToo() {
		long rewrites = TaskAuthorizationCheck.rewrites();
		assertThat(filterNamesSeenBy("manager1")).containsExactlyInAnyOrder("我的任务", "本组任务", "今日到期");
		// the filter list's grant check goes through TaskAuthorizationCheck too, count included
		assertThat(TaskAuthorizationCheck.rewrites()).isGreaterThan(rewrites);
		assertThat(((Number) http.withBasicAuth("manager1", Fixtures.PASSWORD)
				.getForEntity("/engine-rest/filter/count?resourceType=Task", Map.class).getBody().get("count")).intValue())
				.isEqualTo(3);
		assertThat(filterNamesSeenBy("manager8")).containsExactlyInAnyOrder("我的任务", "本组任务", "今日到期");
		assertThat(filterNamesSeenBy("supervisor2")).containsExactlyInAnyOrder("我的任务", "本组任务", "今日到期", "已升级");
	}

	@Test
	void shouldGiveTheSurveyorsTheirGroupTasklistAndTheSurveyFilterOnly() {
		assertThat(identity.createGroupQuery().groupId(DeskGroups.SURVEYORS).singleResult().getName()).isEqualTo("10000客服");
		assertThat(identity.createGroupQuery().groupMember("surveyor1").list()).extracting(g -> g.getId())
				.containsExactly(DeskGroups.SURVEYORS);
		assertThat(identity.createUserQuery().userId("surveyor1").singleResult())
				.satisfies(user -> assertThat(user.getLastName() + user.getFirstName()).isEqualTo("孙晓梅"));
		assertThat(filterNamesSeenBy("surveyor1")).containsExactlyInAnyOrder("我的任务", "满意度回访");
		assertThat(filterNamesSeenBy("manager1")).doesNotContain("满意度回访");
		assertThat(http.withBasicAuth("surveyor1", Fixtures.PASSWORD).getForEntity("/engine-rest/process-definition/key/"
				+ com.retentiondesk.survey.SurveyProcess.CUSTOMER_PROCESS_KEY, Map.class).getStatusCode().value()).isEqualTo(200);
		assertThat(http.withBasicAuth("surveyor1", Fixtures.PASSWORD).getForEntity("/engine-rest/process-definition/key/"
				+ "ArrearsReminderProcess", Map.class).getStatusCode().value()).isIn(403, 404);
	}

	@Test
	void shouldCreateTheDemoUsersInTheirTeams() {
		assertThat(identity.createUserQuery().memberOfGroup("team1").list()).extracting(u -> u.getId())
				.containsExactlyInAnyOrder("manager1", "manager2", "manager3", "manager4", "supervisor1");
		assertThat(identity.createUserQuery().memberOfGroup(DeskGroups.PHONE_MANAGERS).list()).extracting(u -> u.getId())
				.contains("manager1", "manager2", "manager3", "manager4", "manager5", "manager6", "manager7", "manager8")
				.doesNotContain("supervisor1", "billing", "admin");
		assertThat(identity.createUserQuery().userId("manager1").singleResult().getLastName()).isEqualTo("王");
		assertThat(identity.createUserQuery().memberOfGroup(DeskGroups.INTEGRATION).list()).extracting(u -> u.getId())
				.contains("billing");
		assertThat(identity.createGroupQuery().groupId("team2").singleResult().getType())
				.isEqualTo(DeskGroups.TEAM_TYPE);
	}

	@Test
	void shouldGiveManagersTasklistButNotCockpit() {
		assertThat(authorizations.isUserAuthorized("manager1", List.of(DeskGroups.PHONE_MANAGERS, "team1"),
				Permissions.ACCESS, Resources.APPLICATION, "tasklist")).isTrue();
		assertThat(authorizations.isUserAuthorized("manager1", List.of(DeskGroups.PHONE_MANAGERS, "team1"),
				Permissions.ACCESS, Resources.APPLICATION, "cockpit")).isFalse();
		assertThat(authorizations.isUserAuthorized("supervisor1", List.of(DeskGroups.SUPERVISORS, "team1"),
				Permissions.ACCESS, Resources.APPLICATION, "cockpit")).isTrue();
	}

	@Test
	void shouldMatchTheEscalationKeysLiterallyAndUpgradeTheFilterOfAnEarlierVersion() throws Exception {
		Filter escalated = filters.createFilterQuery().filterName(IdentitySetup.FILTER_ESCALATED).singleResult();
		TaskQueryImpl query = escalated.getQuery();
		assertThat(query.getKeyLike()).isEqualTo("Task\\_Escalat%");
		// as an earlier version stored it, with a sorting an administrator changed
		query.taskDefinitionKeyLike("Task_Escalat%");
		query.orderByTaskPriority().desc();
		filters.saveFilter(escalated.setQuery(query));

		setup.run(new DefaultApplicationArguments());

		TaskQueryImpl upgraded = filters.getFilter(escalated.getId()).getQuery();
		assertThat(upgraded.getKeyLike()).isEqualTo("Task\\_Escalat%");
		assertThat(upgraded.getOrderingProperties()).hasSize(2);
		assertThat(filters.createFilterQuery().filterName(IdentitySetup.FILTER_ESCALATED).count()).isEqualTo(1);
	}

	@Test
	void shouldChangeNothingWhenRunAgain() throws Exception {
		long grants = authorizations.createAuthorizationQuery().count();
		long groups = identity.createGroupQuery().count();

		setup.run(new DefaultApplicationArguments());

		assertThat(authorizations.createAuthorizationQuery().count()).isEqualTo(grants);
		assertThat(identity.createGroupQuery().count()).isEqualTo(groups);
	}

	@Test
	@SuppressWarnings("unchecked")
	void shouldShowManagersTheCustomerOfEachTaskInTheirFilterList() {
		customers.saveAndFlush(Fixtures.customer(Fixtures.prepaid("IDS001", "2.00", "manager1")));
		RetentionCase file = arrears.open(customers.findById("IDS001").orElseThrow());
		String taskId = tasks.createTaskQuery().processInstanceId(file.getProcessInstanceId()).singleResult().getId();
		String myTasks = filters.createFilterQuery().filterName(IdentitySetup.FILTER_MY_TASKS).singleResult().getId();
		HttpHeaders hal = new HttpHeaders();
		hal.setAccept(List.of(MediaType.parseMediaType("application/hal+json")));
		hal.setContentType(MediaType.APPLICATION_JSON);

		ResponseEntity<Map> list = http.withBasicAuth("manager1", Fixtures.PASSWORD).exchange(
				"/engine-rest/filter/" + myTasks + "/list?maxResults=1000", HttpMethod.POST,
				new HttpEntity<>("{}", hal), Map.class);

		List<Map<String, Object>> rows = (List<Map<String, Object>>) ((Map<String, Object>) list.getBody()
				.get("_embedded")).get("task");
		Map<String, Object> row = rows.stream().filter(t -> taskId.equals(t.get("id"))).findFirst().orElseThrow();
		List<Map<String, Object>> columns = (List<Map<String, Object>>) ((Map<String, Object>) row.get("_embedded"))
				.get("variable");
		assertThat(columns).extracting(c -> c.get("name") + "=" + c.get("value"))
				.containsExactlyInAnyOrder("customerName=测试客户IDS001", "serviceNo=13300000001", "starLevel=4");

		// the columns are read from the customer row when the list is shown (issue 32), not kept on the case
		assertThat(runtime.getVariables(file.getProcessInstanceId())).doesNotContainKeys("customerName", "serviceNo",
				"starLevel", "caseBrief");
		assertThat(tasks.getVariablesLocal(taskId)).isEmpty();
		jdbc.update("update customer set name = '改名客户', star_level = 5 where customer_no = 'IDS001'");
		ResponseEntity<Map> again = http.withBasicAuth("manager1", Fixtures.PASSWORD).exchange(
				"/engine-rest/filter/" + myTasks + "/list?maxResults=1000", HttpMethod.POST,
				new HttpEntity<>("{}", hal), Map.class);
		Map<String, Object> renamed = ((List<Map<String, Object>>) ((Map<String, Object>) again.getBody()
				.get("_embedded")).get("task")).stream().filter(t -> taskId.equals(t.get("id"))).findFirst().orElseThrow();
		assertThat((List<Map<String, Object>>) ((Map<String, Object>) renamed.get("_embedded")).get("variable"))
				.extracting(c -> c.get("name") + "=" + c.get("value"))
				.containsExactlyInAnyOrder("customerName=改名客户", "serviceNo=13300000001", "starLevel=5");
	}

	private List<String> filterNamesSeenBy(String user) {
		ResponseEntity<Map[]> answer = http.withBasicAuth(user, Fixtures.PASSWORD)
				.getForEntity("/engine-rest/filter?resourceType=Task", Map[].class);
		return Arrays.stream(answer.getBody()).map(f -> (String) f.get("name")).toList();
	}
}
