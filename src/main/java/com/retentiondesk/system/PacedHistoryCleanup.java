package com.retentiondesk.system;

import java.util.ArrayList;
import java.util.Date;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.jobexecutor.historycleanup.HistoryCleanupJobHandler;
import org.camunda.bpm.engine.impl.jobexecutor.historycleanup.HistoryCleanupRemovalTime;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The engine's nightly history cleanup, paced (issue 32): while there is a backlog the engine runs its cleanup
 * job back to back (every run that removes a full batch from a table is due again at once), which on a small
 * database server takes a core from whatever else runs in the window (a late phone manager's Tasklist, the
 * scans, timers). Here a run that would be due again at once is due after a pause instead, so that the cleanup
 * works {@code desk.history.cleanup-duty} of the time (0.02 unless set: a pause of 49 times the run's length)
 * and is as thorough as before, only slower: measured on MariaDB (2 cores), 0.1 moved Tasklist's p95 by up to 2.2
 * times; at 0.02 the p95 of single calls moved within the benchmark's own noise and their sum by 2%
 * (docs/benchmarks.md), and 0.02 still removes about 530 rows a second, 7 million in the four-hour window, where
 * a case leaves some 30 rows. A duty of 1 is the engine's own behaviour. Only the
 * removal-time strategy (the engine's default, which the desk uses) is paced.
 */
@Component
class PacedHistoryCleanup extends AbstractProcessEnginePlugin {

	private static final Logger log = LoggerFactory.getLogger(PacedHistoryCleanup.class);

	private final double duty;

	PacedHistoryCleanup(@Value("${desk.history.cleanup-duty:0.02}") double duty) {
		if (!(duty > 0 && duty <= 1)) {
			throw new IllegalStateException("desk.history.cleanup-duty must be more than 0 and at most 1 (the share of "
					+ "the time the history cleanup may work), not " + duty);
		}
		this.duty = duty;
	}

	/** The pause after a run of {@code runMillis} that leaves a backlog, for the cleanup to work {@code duty}. */
	static long pauseMillis(long runMillis, double duty) {
		return Math.round(runMillis * (1 - duty) / duty);
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		if (duty >= 1) {
			return;
		}
		if (configuration.getCustomJobHandlers() == null) {
			configuration.setCustomJobHandlers(new ArrayList<>());
		}
		// registered after the engine's own handlers, it takes the place of the one for "history-cleanup"
		configuration.getCustomJobHandlers().add(new Handler(duty));
	}

	static class Handler extends HistoryCleanupJobHandler {

		private final double duty;

		Handler(double duty) {
			this.duty = duty;
		}

		@Override
		protected HistoryCleanupRemovalTime getTimeBasedHandler() {
			return new Run(duty);
		}
	}

	/** One run of the cleanup job: its deletes are flushed with the job, and it is rescheduled once committed. */
	static class Run extends HistoryCleanupRemovalTime {

		private final double duty;
		private long started;

		Run(double duty) {
			this.duty = duty;
		}

		@Override
		public void performCleanup() {
			started = System.nanoTime();
			super.performCleanup();
		}

		/** After the job's transaction committed: the engine reschedules the job, then a backlog waits its pause. */
		@Override
		public void execute(CommandContext commandContext) {
			super.execute(commandContext);
			if (started == 0) {
				return; // no run in this job (outside the window): the engine scheduled the next window
			}
			long runMillis = (System.nanoTime() - started) / 1_000_000;
			long pause = pauseMillis(runMillis, duty);
			commandExecutor.execute(context -> {
				if (!shouldRescheduleNow()) {
					return null; // the backlog is gone: the engine's own growing delays
				}
				JobEntity job = context.getJobManager().findJobById(jobId);
				Date now = ClockUtil.getCurrentTime();
				if (job != null && job.getDuedate() != null && !job.getDuedate().after(now)) {
					context.getJobManager().reschedule(job, new Date(now.getTime() + pause));
					log.debug("history cleanup: a run of {} ms left a backlog; the next in {} ms", runMillis, pause);
				}
				return null;
			});
		}
	}
}
