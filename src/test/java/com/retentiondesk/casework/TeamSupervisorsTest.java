package com.retentiondesk.casework;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.retentiondesk.DeskTest;
import com.retentiondesk.web.DeskGroups;

/**
 * A team's supervisors group is created the first time a case of the team needs it, which may be on several job
 * threads (or nodes) at once, inside their jobs' engine commands: the one that loses the race on the group's row
 * must not fail its job (it would wait minutes for the retry, as the SMTP outage IT found when ten escalations of
 * a new team fired together).
 */
@DeskTest
class TeamSupervisorsTest {

	private static final String TEAM = "tsrace";
	private static final int JOBS = 3;

	@Autowired
	private ProcessEngine engine;

	@Test
	void shouldNotFailTheJobsThatCreateANewTeamsSupervisorsGroupTogether() throws Exception {
		IdentityService identity = engine.getIdentityService();
		Group team = identity.newGroup(TEAM);
		team.setName("竞态组");
		team.setType(DeskGroups.TEAM_TYPE);
		identity.saveGroup(team);
		identity.saveUser(identity.newUser("tsracesup"));
		identity.createMembership("tsracesup", TEAM);
		identity.createMembership("tsracesup", DeskGroups.SUPERVISORS);
		// what a job runs in: a command of the engine's own, in a transaction of its own
		CommandExecutor job = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
				.getCommandExecutorTxRequiresNew();
		CyclicBarrier together = new CyclicBarrier(JOBS);
		ExecutorService threads = Executors.newFixedThreadPool(JOBS);
		List<Future<String>> results = new ArrayList<>();
		try {
			for (int i = 0; i < JOBS; i++) {
				String probe = "tsraceprobe" + i;
				// one TeamSupervisors per job, as on separate nodes (each remembers the teams it has synced)
				TeamSupervisors node = new TeamSupervisors(engine);
				results.add(threads.submit(() -> job.execute(context -> {
					await(together);
					String group = node.groupOf(TEAM);
					// the job's own work, committed only if the job does
					engine.getIdentityService().saveUser(engine.getIdentityService().newUser(probe));
					return group;
				})));
			}
			for (Future<String> result : results) {
				assertThat(result.get(60, TimeUnit.SECONDS)).isEqualTo("tsrace-supervisors");
			}
		} finally {
			threads.shutdownNow();
		}

		assertThat(identity.createUserQuery().userIdIn("tsraceprobe0", "tsraceprobe1", "tsraceprobe2").count())
				.as("every job committed").isEqualTo(JOBS);
		Group supervisors = identity.createGroupQuery().groupId("tsrace-supervisors").singleResult();
		assertThat(supervisors.getName()).isEqualTo("竞态组 主管");
		assertThat(supervisors.getType()).isEqualTo(DeskGroups.TEAM_SUPERVISORS_TYPE);
		assertThat(identity.createUserQuery().memberOfGroup("tsrace-supervisors").list())
				.extracting(user -> user.getId()).containsExactly("tsracesup");
	}

	private static void await(CyclicBarrier barrier) {
		try {
			barrier.await(30, TimeUnit.SECONDS);
		} catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}
}
