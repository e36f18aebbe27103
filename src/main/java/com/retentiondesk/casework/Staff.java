package com.retentiondesk.casework;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

import com.retentiondesk.customer.PhoneManagers;
import com.retentiondesk.web.DeskGroups;

/** Phone managers, their teams and supervisors, as the identity store (Camunda Admin) knows them. */
@Component
public class Staff implements PhoneManagers {

	/** The caller of what the desk does by itself (automatic reminders), shown as 系统. */
	public static final String SYSTEM = "system";

	private final IdentityService identity;

	Staff(IdentityService identity) {
		this.identity = identity;
	}

	@Override
	public Set<String> phoneManagerIds() {
		return identity.createUserQuery().memberOfGroup(DeskGroups.PHONE_MANAGERS).list().stream()
				.map(User::getId)
				.collect(Collectors.toUnmodifiableSet());
	}

	/** The members of a group who are also in another (e.g. the phone managers of a team). */
	public Set<String> membersOf(String group, String alsoIn) {
		Set<String> others = identity.createUserQuery().memberOfGroup(alsoIn).list().stream().map(User::getId)
				.collect(Collectors.toSet());
		return identity.createUserQuery().memberOfGroup(group).list().stream().map(User::getId)
				.filter(others::contains)
				.collect(Collectors.toUnmodifiableSet());
	}

	/** The team group of a phone manager (a group of type TEAM), which gets the manager's tasks as candidates. */
	public Optional<String> teamOf(String userId) {
		return teamsOf(userId).stream().findFirst();
	}

	/** Every team group (type TEAM) a user belongs to, by id; a supervisor's teams are the ones they lead. */
	public List<String> teamsOf(String userId) {
		List<Group> teams = identity.createGroupQuery().groupMember(userId).groupType(DeskGroups.TEAM_TYPE).list();
		return teams.stream().map(Group::getId).sorted().toList();
	}

	/** The supervisor of a team: a member of both the team and the supervisors group. */
	public Optional<String> supervisorOf(String team) {
		Set<String> supervisors = identity.createUserQuery().memberOfGroup(DeskGroups.SUPERVISORS).list().stream()
				.map(User::getId)
				.collect(Collectors.toSet());
		return identity.createUserQuery().memberOfGroup(team).orderByUserId().asc().list().stream()
				.map(User::getId)
				.filter(supervisors::contains)
				.findFirst();
	}

	public Optional<String> emailOf(String userId) {
		User user = identity.createUserQuery().userId(userId).singleResult();
		return Optional.ofNullable(user).map(User::getEmail).filter(e -> !e.isBlank());
	}

	/** A display name such as 王芳 (family name first, as Chinese names are written). */
	public String nameOf(String userId) {
		if (SYSTEM.equals(userId)) {
			return "系统";
		}
		User user = identity.createUserQuery().userId(userId).singleResult();
		if (user == null) {
			return userId;
		}
		return nullToEmpty(user.getLastName()) + nullToEmpty(user.getFirstName());
	}

	private static String nullToEmpty(String s) {
		return s == null ? "" : s;
	}
}
