package com.retentiondesk.security;

import static com.retentiondesk.JsonRequests.json;
import static com.retentiondesk.JsonRequests.withJson;
import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import com.retentiondesk.DeskTest;
import com.retentiondesk.Fixtures;
import com.retentiondesk.TasklistSession;
import com.retentiondesk.web.DeskGroups;

/**
 * Issue 24, finding 2: a manager may change their own password (under the policy) and nothing else
 * about their identity, on both REST paths; administrators still manage users.
 */
@DeskTest
class OwnIdentityTest {

	private static final String RENAME = "{\"id\":\"%s\",\"firstName\":\"系统\",\"lastName\":\"管理员\",\"email\":\"x@example.cn\"}";

	@Autowired
	TestRestTemplate http;
	@Autowired
	IdentityService identity;

	@BeforeEach
	void managers() {
		for (String id : new String[] { "selfish1", "selfish2" }) {
			if (identity.createUserQuery().userId(id).count() == 0) {
				User user = identity.newUser(id);
				user.setFirstName("自");
				user.setLastName("己");
				user.setPassword(Fixtures.PASSWORD);
				identity.saveUser(user);
				identity.createMembership(id, DeskGroups.PHONE_MANAGERS);
			}
		}
	}

	@Test
	void shouldRefuseAManagerDeletingOrRenamingThemselvesOnTheEngineRest() {
		ResponseEntity<String> delete = http.withBasicAuth("selfish1", Fixtures.PASSWORD)
				.exchange("/engine-rest/user/selfish1", HttpMethod.DELETE, null, String.class);
		ResponseEntity<String> rename = http.withBasicAuth("selfish1", Fixtures.PASSWORD).exchange(
				"/engine-rest/user/selfish1/profile", HttpMethod.PUT, json(RENAME.formatted("selfish1")), String.class);

		assertThat(delete.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(delete.getBody()).contains("只能修改自己的密码");
		assertThat(rename.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		User stored = identity.createUserQuery().userId("selfish1").singleResult();
		assertThat(stored).isNotNull();
		assertThat(stored.getFirstName()).isEqualTo("自");
	}

	@Test
	void shouldRefuseAManagerDeletingOrRenamingThemselvesThroughTheWebappApi() {
		HttpHeaders session = TasklistSession.login(http, "selfish2", Fixtures.PASSWORD);

		ResponseEntity<String> rename = http.exchange("/camunda/api/engine/engine/default/user/selfish2/profile",
				HttpMethod.PUT, new HttpEntity<>(RENAME.formatted("selfish2"), withJson(session)), String.class);
		ResponseEntity<String> delete = http.exchange("/camunda/api/engine/engine/default/user/selfish2",
				HttpMethod.DELETE, new HttpEntity<>(withJson(session)), String.class);

		assertThat(rename.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(delete.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		User stored = identity.createUserQuery().userId("selfish2").singleResult();
		assertThat(stored).isNotNull();
		assertThat(stored.getLastName()).isEqualTo("己");
	}

	@Test
	void shouldLetAManagerChangeTheirOwnPasswordUnderThePolicy() {
		if (identity.createUserQuery().userId("pwchanger").count() == 0) {
			User user = identity.newUser("pwchanger");
			user.setPassword(Fixtures.PASSWORD);
			identity.saveUser(user);
			identity.createMembership("pwchanger", DeskGroups.PHONE_MANAGERS);
		}
		ResponseEntity<String> weak = http.withBasicAuth("pwchanger", Fixtures.PASSWORD).exchange(
				"/engine-rest/user/pwchanger/credentials", HttpMethod.PUT,
				json("{\"password\":\"123456\",\"authenticatedUserPassword\":\"" + Fixtures.PASSWORD + "\"}"), String.class);
		assertThat(weak.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);

		ResponseEntity<String> changed = http.withBasicAuth("pwchanger", Fixtures.PASSWORD).exchange(
				"/engine-rest/user/pwchanger/credentials", HttpMethod.PUT,
				json("{\"password\":\"Another#Pass2027\",\"authenticatedUserPassword\":\"" + Fixtures.PASSWORD + "\"}"),
				String.class);

		assertThat(changed.getStatusCode()).as(changed.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(identity.checkPassword("pwchanger", "Another#Pass2027")).isTrue();
	}

	@Test
	void shouldLetAnAdministratorChangeAManagersProfile() {
		ResponseEntity<String> rename = http.withBasicAuth("admin", Fixtures.PASSWORD).exchange(
				"/engine-rest/user/selfish1/profile", HttpMethod.PUT,
				json("{\"id\":\"selfish1\",\"firstName\":\"自\",\"lastName\":\"己\",\"email\":\"selfish1@example.cn\"}"),
				String.class);

		assertThat(rename.getStatusCode()).as(rename.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(identity.createUserQuery().userId("selfish1").singleResult().getEmail()).isEqualTo("selfish1@example.cn");
	}
}
