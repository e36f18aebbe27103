package com.retentiondesk.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.retentiondesk.DeskTest;

/**
 * Issue 32: the history cleanup works a share of the time while there is a backlog ({@code desk.history.cleanup-duty},
 * 0.02) instead of back to back, and removes as much per run as the engine's own.
 */
@DeskTest
class PacedHistoryCleanupTest {

	@Autowired
	HistoryService history;
	@Autowired
	ManagementService management;
	@Autowired
	ProcessEngineConfigurationImpl engine;
	@Autowired
	JdbcTemplate jdbc;

	@Test
	void shouldPauseAfterARunThatLeftABacklogAndRemoveItAllInBatches() {
		assertThat(engine.getJobHandlers().get("history-cleanup")).isInstanceOf(PacedHistoryCleanup.Handler.class);
		// 501 closed cases due for removal since yesterday: one more than a batch
		Timestamp ended = Timestamp.valueOf(LocalDateTime.now().minusDays(181));
		Timestamp removal = Timestamp.valueOf(LocalDateTime.now().minusDays(1));
		List<Object[]> rows = new ArrayList<>();
		for (int i = 0; i < 501; i++) {
			String id = "paced-cleanup-" + i;
			rows.add(new Object[] { id, id, id, ended, ended, removal });
		}
		jdbc.batchUpdate("insert into ACT_HI_PROCINST (ID_, PROC_INST_ID_, ROOT_PROC_INST_ID_, PROC_DEF_ID_, PROC_DEF_KEY_, "
				+ "START_TIME_, END_TIME_, STATE_, REMOVAL_TIME_) values (?, ?, ?, 'old:1:1', 'OldProcess', ?, ?, 'COMPLETED', ?)",
				rows);

		Job job = history.cleanUpHistoryAsync(true);
		management.executeJob(job.getId());
		Date afterFirstRun = ClockUtil.getCurrentTime();

		assertThat(left()).as("a batch of 500 removed").isEqualTo(1);
		// the engine would have made it due again at once; the desk pauses 49 times the run's length
		assertThat(dueDate(job)).isAfter(afterFirstRun);

		management.executeJob(job.getId());

		assertThat(left()).isZero();
		assertThat(dueDate(job)).as("no backlog: the engine's own delay").isAfter(new Date(ClockUtil.getCurrentTime()
				.getTime() + 5_000));
	}

	@Test
	void shouldPauseForTheRestOfItsShareAndRefuseADutyOutsideZeroToOne() {
		assertThat(PacedHistoryCleanup.pauseMillis(100, 0.1)).isEqualTo(900);
		assertThat(PacedHistoryCleanup.pauseMillis(100, 0.5)).isEqualTo(100);
		assertThat(PacedHistoryCleanup.pauseMillis(100, 1)).isZero();
		assertThatThrownBy(() -> new PacedHistoryCleanup(0)).hasMessageContaining("desk.history.cleanup-duty");
		assertThatThrownBy(() -> new PacedHistoryCleanup(1.5)).hasMessageContaining("desk.history.cleanup-duty");
	}

	private int left() {
		return jdbc.queryForObject("select count(*) from ACT_HI_PROCINST where ID_ like 'paced-cleanup-%'", Integer.class);
	}

	private Date dueDate(Job job) {
		return management.createJobQuery().jobId(job.getId()).singleResult().getDuedate();
	}
}
