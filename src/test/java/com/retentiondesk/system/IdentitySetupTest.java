package com.retentiondesk.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;

import com.retentiondesk.DeskTest;
import com.retentiondesk.Fixtures;

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

	@Test
	void shouldShowManagersTheirThreeFiltersAndSupervisorsTheEscalationsToo() {
		assertThat(filterNamesSeenBy("manager1")).containsExactlyInAnyOrder("我的任务", "本组任务", "今日到期");
		assertThat(filterNamesSeenBy("manager8")).containsExactlyInAnyOrder("我的任务", "本组任务", "今日到期");
		assertThat(filterNamesSeenBy("supervisor2")).containsExactlyInAnyOrder("我的任务", "本组任务", "今日到期", "已升级");
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
	void shouldChangeNothingWhenRunAgain() throws Exception {
		long grants = authorizations.createAuthorizationQuery().count();
		long groups = identity.createGroupQuery().count();

		setup.run(new DefaultApplicationArguments());

		assertThat(authorizations.createAuthorizationQuery().count()).isEqualTo(grants);
		assertThat(identity.createGroupQuery().count()).isEqualTo(groups);
	}

	private List<String> filterNamesSeenBy(String user) {
		ResponseEntity<Map[]> answer = http.withBasicAuth(user, Fixtures.PASSWORD)
				.getForEntity("/engine-rest/filter?resourceType=Task", Map[].class);
		return Arrays.stream(answer.getBody()).map(f -> (String) f.get("name")).toList();
	}
}
