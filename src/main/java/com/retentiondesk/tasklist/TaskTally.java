package com.retentiondesk.tasklist;

import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The open tasks counted by candidate groups, task key and due day ({@code desk_task_tally}, see
 * {@link TallyRows}), so that the team filters' counts (本组任务, 今日到期, 已升级) need not read every link,
 * task and grant of the team. {@link RewritingInterceptor} answers such a count from here ({@link TallySums})
 * when the question allows it, and only while {@link #isReady()}.
 * <p>
 * <b>Kept up to date</b> by built-in listeners on every user task, in the transaction that changes the task
 * ({@link TallyChanges}): +1 when a task is created, -1 when it is completed or cancelled (built-in
 * listeners run even when a process instance is deleted with "skip custom listeners"), -1/+1 when its due
 * date moves. A transaction writes its changes as one batch of rows just before it commits.
 * <p>
 * <b>Corrected</b> by {@link #reconcile()} ({@link TallyReconciler}), at start and every
 * {@code desk.tasklist.tally-reconcile-seconds} (default 300) on each node. What the listeners do not see
 * is corrected there, and logged: candidate groups changed on an open task (the desk never does; an
 * administrator could through the REST API), a migration that moves open tasks to a task definition with
 * another key, or rows changed by hand.
 * <p>
 * {@code desk.tasklist.tally-enabled=false} turns it off: no rows, no reconciling, every count from the
 * database.
 */
@Component
@Order(0)
public class TaskTally extends AbstractProcessEnginePlugin implements ApplicationRunner, DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(TaskTally.class);

	private final DataSource dataSource;
	private final ZoneId zone;
	private final long reconcileSeconds;
	private volatile boolean reconciled;
	private volatile boolean recording;
	/** {@code desk.tasklist.tally-enabled=false}: no listeners' rows, no reconciling, every count from the database. */
	private final boolean enabled;
	private final TallyReconciler reconciler;
	private ScheduledExecutorService schedule;

	TaskTally(DataSource dataSource, Clock clock,
			@Value("${desk.tasklist.tally-reconcile-seconds:300}") long reconcileSeconds,
			@Value("${desk.tasklist.tally-enabled:true}") boolean enabled) {
		this.dataSource = dataSource;
		this.zone = clock.getZone();
		this.reconcileSeconds = reconcileSeconds;
		this.enabled = enabled;
		this.recording = enabled;
		this.reconciler = new TallyReconciler(dataSource, zone);
	}

	/** Counts answered from the tally since start (the benchmark prints it). */
	public static long countsAnswered() {
		return TallySums.COUNTS_ANSWERED.get();
	}

	/** The zone of the due days: a due-date condition is answered here only at a midnight of this zone. */
	ZoneId zone() {
		return zone;
	}

	/** Whether counts may be answered here: only once this node has reconciled the tally since it started. */
	boolean isReady() {
		return reconciled && recording;
	}

	/**
	 * Stops or resumes following the tasks, for measurements (the benchmark's cost of opening a case with and
	 * without the desk's Tasklist machinery). While stopped, this node leaves counts to the database; after
	 * resuming, the tally is stale until the next {@link #reconcile()}.
	 */
	public void setRecording(boolean on) {
		if (on != recording) {
			reconciled = false;
			recording = on;
		}
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		if (configuration.getCustomPostBPMNParseListeners() == null) {
			configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
		}
		TaskListener created = task -> {
			if (recording) {
				changes(task).created(task);
			}
		};
		TaskListener ended = task -> {
			if (recording) {
				changes(task).ended(task);
			}
		};
		TaskListener updated = task -> {
			if (recording) {
				changes(task).updated(task);
			}
		};
		configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
			@Override
			public void parseUserTask(Element userTask, ScopeImpl scope, ActivityImpl activity) {
				if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior behavior) {
					behavior.getTaskDefinition().addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, created);
					behavior.getTaskDefinition().addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, ended);
					behavior.getTaskDefinition().addBuiltInTaskListener(TaskListener.EVENTNAME_DELETE, ended);
					behavior.getTaskDefinition().addBuiltInTaskListener(TaskListener.EVENTNAME_UPDATE, updated);
				}
			}
		});
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!enabled) {
			log.info("task tally off (desk.tasklist.tally-enabled=false): team counts read the database");
			return;
		}
		// in the background, which the start-up need not wait for (seconds at volume); until it is
		// done, this node leaves the counts to the database
		schedule = Executors.newSingleThreadScheduledExecutor(runnable -> {
			Thread thread = new Thread(runnable, "task-tally");
			thread.setDaemon(true);
			return thread;
		});
		schedule.execute(this::reconcileAtStart);
		if (reconcileSeconds > 0) {
			schedule.scheduleWithFixedDelay(() -> {
				try {
					reconcile();
				} catch (RuntimeException e) {
					log.warn("task tally not reconciled, next try in {} s: {}", reconcileSeconds, e.toString());
				}
			}, reconcileSeconds, reconcileSeconds, TimeUnit.SECONDS);
		}
	}

	private void reconcileAtStart() {
		for (int attempt = 1;; attempt++) {
			try {
				reconcile();
				return;
			} catch (RuntimeException e) {
				log.warn("task tally not reconciled at start (attempt {}), counts stay with the database: {}", attempt,
						e.toString());
				try {
					Thread.sleep(Math.min(60_000, 1_000L * attempt));
				} catch (InterruptedException interrupted) {
					Thread.currentThread().interrupt();
					return;
				}
			}
		}
	}

	@Override
	public void destroy() {
		if (schedule != null) {
			schedule.shutdownNow();
		}
	}

	/**
	 * Replaces the tally's rows by the exact counts of the open tasks. Returns the number of tasks by
	 * which the tally was off (0 when it was right; compacting alone does not count).
	 */
	public long reconcile() {
		TallyReconciler.Result result = reconciler.reconcile(reconciled);
		reconciled = result.countable();
		return result.difference();
	}

	/** The changes of the current transaction, written just before it commits. */
	private TallyChanges changes(DelegateTask task) {
		return TallyChanges.of(task, dataSource, zone, () -> reconciled = false);
	}
}
