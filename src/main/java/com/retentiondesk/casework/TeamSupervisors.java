package com.retentiondesk.casework;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import com.retentiondesk.web.DeskGroups;

/**
 * The supervisors of each team as a group of their own ({@code team1-supervisors}, type
 * {@value DeskGroups#TEAM_SUPERVISORS_TYPE}): a case's escalation and review tasks are offered to it, so
 * a supervisor sees the escalations of their own team only (offered to {@code supervisors}, every team's
 * supervisor could read them). Its members are the users in both the team and {@code supervisors}: kept
 * so when a case first needs the group on a node, and every 5 minutes on every node (a supervisor an
 * administrator adds to a team in Admin gets the team's new escalations within minutes). Membership is
 * only added here; to move a supervisor out, an administrator removes them from both groups.
 */
@Component
public class TeamSupervisors {

	private static final Logger log = LoggerFactory.getLogger(TeamSupervisors.class);

	private final IdentityService identity;
	private final Set<String> synced = ConcurrentHashMap.newKeySet();
	/**
	 * Its own engine command and transaction: a clash with another node (or another job thread) creating the
	 * same group must not roll back the case that asked. (A Spring transaction of its own is not enough: called
	 * from a job, as a supervisor task's start listener is, the identity service would join the job's command
	 * context and flush the group with the job, which then fails on the duplicate and waits for its retry.)
	 */
	private final CommandExecutor ownCommand;

	TeamSupervisors(ProcessEngine engine) {
		this.identity = engine.getIdentityService();
		this.ownCommand = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
				.getCommandExecutorTxRequiresNew();
	}

	/** The group of the team's supervisors, created and filled on this node's first call for the team. */
	public String groupOf(String team) {
		if (!synced.contains(team)) {
			sync(team);
			synced.add(team);
		}
		return DeskGroups.supervisorsOf(team);
	}

	/** Every team's group and its members (at start, and every 5 minutes on every node). */
	@Scheduled(fixedDelay = 300_000, initialDelay = 300_000)
	public void syncAll() {
		for (Group team : identity.createGroupQuery().groupType(DeskGroups.TEAM_TYPE).list()) {
			sync(team.getId());
			synced.add(team.getId());
		}
	}

	void sync(String team) {
		String groupId = DeskGroups.supervisorsOf(team);
		try {
			ownCommand.execute(context -> {
				fill(team, groupId);
				return null;
			});
		} catch (RuntimeException anotherNodeWasFaster) {
			// two nodes creating the same group or membership: the other one's row is the same
			log.debug("group {}: {}", groupId, anotherNodeWasFaster.getMessage());
		}
	}

	private void fill(String team, String groupId) {
		if (identity.createGroupQuery().groupId(groupId).count() == 0) {
			Group group = identity.newGroup(groupId);
			Group teamGroup = identity.createGroupQuery().groupId(team).singleResult();
			group.setName((teamGroup == null || teamGroup.getName() == null ? team : teamGroup.getName()) + " 主管");
			group.setType(DeskGroups.TEAM_SUPERVISORS_TYPE);
			identity.saveGroup(group);
			log.info("created group {} for the supervisors of team {}", groupId, team);
		}
		Set<String> supervisors = ids(identity.createUserQuery().memberOfGroup(DeskGroups.SUPERVISORS).list());
		Set<String> members = ids(identity.createUserQuery().memberOfGroup(groupId).list());
		for (User user : identity.createUserQuery().memberOfGroup(team).list()) {
			if (supervisors.contains(user.getId()) && !members.contains(user.getId())) {
				identity.createMembership(user.getId(), groupId);
				log.info("supervisor {} added to {}", user.getId(), groupId);
			}
		}
	}

	private static Set<String> ids(List<User> users) {
		return users.stream().map(User::getId).collect(java.util.stream.Collectors.toSet());
	}
}
