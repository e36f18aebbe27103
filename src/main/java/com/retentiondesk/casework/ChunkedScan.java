package com.retentiondesk.casework;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Predicate;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutorContext;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Runs a daily scan that opens cases, in chunks: each chunk is one engine command in a new
 * transaction (case rows and process starts commit together), so a long scan commits as it goes, a
 * crash loses at most one chunk, and a rerun continues where the last one stopped. A chunk that fails
 * (a scan on another node opened one of its cases first) is redone key by key, each in its own
 * transaction; the database's one-open-case rule makes sure nothing is opened twice.
 * <p>
 * Chunks run on {@code desk.scan.workers} threads (default 2): while one chunk waits for the database,
 * another builds its cases, and the next page of keys is read meanwhile. Chunks hold disjoint keys, so
 * they do not wait for each other (the KPI day rows they share are written last, in key order).
 * <p>
 * A scan run by the job executor (the daily scan's async service task) can take longer than the job
 * lock ({@code camunda.bpm.job-execution.lock-time-in-millis}): while it runs, it moves its job's
 * lock expiry on every third of the lock time, so that no node (this one included) takes the running
 * scan for a crashed one and starts it a second time. If the node dies, the lock runs out within one
 * lock time and another node (or this one, restarted) runs the scan again, which goes on where the
 * last one stopped.
 */
@Component
public class ChunkedScan {

	/** What a scan, or one chunk of it, did. */
	public record Result(int opened, int skipped, int failed) {

		public static final Result NONE = new Result(0, 0, 0);

		Result plus(Result other) {
			return new Result(opened + other.opened, skipped + other.skipped, failed + other.failed);
		}
	}

	private static final Logger log = LoggerFactory.getLogger(ChunkedScan.class);

	private final CommandExecutor ownTransaction;
	private final ProcessEngineConfigurationImpl engineConfiguration;

	private final int workers;

	ChunkedScan(ProcessEngineConfigurationImpl engineConfiguration, @Value("${desk.scan.workers:2}") int workers) {
		this.engineConfiguration = engineConfiguration;
		this.ownTransaction = engineConfiguration.getCommandExecutorTxRequiresNew();
		this.workers = Math.max(1, workers);
	}

	/**
	 * @param name        for the log
	 * @param nextPage    the next keys in ascending order after the given one (null at the start)
	 * @param openChunk   opens the cases that are due among the keys, counting opened and skipped
	 * @param openedByNow whether a case for a key exists now (a key that failed alone is then skipped)
	 */
	public <K> Result run(String name, Function<K, List<K>> nextPage, Function<List<K>, Result> openChunk,
			Predicate<K> openedByNow) {
		JobEntity job = currentJob();
		ScheduledExecutorService heartbeat = keepLockedWhileRunning(name, job);
		try {
			return runChunks(name, nextPage, openChunk, openedByNow);
		} finally {
			if (heartbeat != null) {
				heartbeat.shutdown(); // no interrupt: an extension under way finishes its transaction
			}
		}
	}

	private <K> Result runChunks(String name, Function<K, List<K>> nextPage, Function<List<K>, Result> openChunk,
			Predicate<K> openedByNow) {
		Progress progress = new Progress(name);
		ExecutorService pool = Executors.newFixedThreadPool(workers, new NamedThreads(name));
		// at most one chunk per worker in flight: the next page is read while they run, no further ahead
		Semaphore inFlight = new Semaphore(workers);
		List<Future<?>> running = new ArrayList<>();
		try {
			K after = null;
			while (true) {
				List<K> page = nextPage.apply(after);
				if (page.isEmpty()) {
					break;
				}
				after = page.get(page.size() - 1);
				K last = after;
				inFlight.acquireUninterruptibly();
				running.add(pool.submit(() -> {
					try {
						progress.add(last, chunk(name, page, last, openChunk, openedByNow));
					} finally {
						inFlight.release();
					}
				}));
				running.removeIf(chunk -> chunk.isDone() && finished(chunk));
			}
			running.forEach(ChunkedScan::finished);
		} finally {
			pool.shutdown();
		}
		Result total = progress.total();
		log.info("{} done: {} cases opened, {} skipped (open case or no longer due), {} failed", name, total.opened(),
				total.skipped(), total.failed());
		return total;
	}

	/** One chunk in a transaction of its own; if it fails, its keys one by one. */
	private <K> Result chunk(String name, List<K> page, K last, Function<List<K>, Result> openChunk,
			Predicate<K> openedByNow) {
		try {
			return ownTransaction.execute(context -> openChunk.apply(page));
		} catch (RuntimeException e) {
			log.warn("{}: chunk up to {} failed ({}); opening its cases one by one", name, last, e.getMessage());
			return oneByOne(name, page, openChunk, openedByNow);
		}
	}

	/** Waits for a chunk; what went wrong in it (an Error: a RuntimeException was handled) stops the scan. */
	private static boolean finished(Future<?> chunk) {
		try {
			chunk.get();
			return true;
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("scan interrupted", e);
		} catch (ExecutionException e) {
			if (e.getCause() instanceof Error error) {
				throw error;
			}
			throw new IllegalStateException(e.getCause());
		}
	}

	/** The running totals of a scan, logged after every chunk. */
	private static final class Progress {

		private final String name;
		private Result total = Result.NONE;

		Progress(String name) {
			this.name = name;
		}

		synchronized void add(Object after, Result chunk) {
			total = total.plus(chunk);
			log.info("{}: up to {}: {} opened, {} skipped, {} failed so far", name, after, total.opened(),
					total.skipped(), total.failed());
		}

		synchronized Result total() {
			return total;
		}
	}

	/** Worker threads named after the scan, so the log tells whose chunk it is. */
	private static final class NamedThreads implements ThreadFactory {

		private final String name;
		private final AtomicInteger count = new AtomicInteger();

		NamedThreads(String name) {
			this.name = name.replace(' ', '-');
		}

		@Override
		public Thread newThread(Runnable runnable) {
			Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		}
	}

	/** The job this scan runs in, when the job executor runs it (not when a test or a request does). */
	private static JobEntity currentJob() {
		JobExecutorContext context = Context.getJobExecutorContext();
		return context == null ? null : context.getCurrentJob();
	}

	/**
	 * While a scan runs in a job, a thread of its own moves the job's lock expiry on every third of the
	 * lock time, however long a chunk takes (the first one, on a cold and busy node, can take a minute).
	 */
	private ScheduledExecutorService keepLockedWhileRunning(String name, JobEntity job) {
		if (job == null || job.getLockOwner() == null || engineConfiguration.getJobExecutor() == null) {
			return null;
		}
		long every = Math.max(1_000, engineConfiguration.getJobExecutor().getLockTimeInMillis() / 3);
		ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor(runnable -> {
			Thread thread = new Thread(runnable, "scan-lock-" + job.getId());
			thread.setDaemon(true);
			return thread;
		});
		heartbeat.scheduleWithFixedDelay(() -> {
			try {
				keepLocked(name, job);
			} catch (RuntimeException e) {
				log.warn("{}: cannot extend the lock of job {}: {}", name, job.getId(), e.getMessage());
			}
		}, 0, every, TimeUnit.MILLISECONDS);
		return heartbeat;
	}

	/**
	 * Moves the lock expiry of the scan's job one lock time on. Only LOCK_EXP_TIME_ changes, not the
	 * revision, so the job's own completion (which deletes the row by id and revision) still matches.
	 */
	private void keepLocked(String name, JobEntity job) {
		Timestamp until = new Timestamp(
				ClockUtil.getCurrentTime().getTime() + engineConfiguration.getJobExecutor().getLockTimeInMillis());
		String sql = "update " + engineConfiguration.getDatabaseTablePrefix()
				+ "ACT_RU_JOB set LOCK_EXP_TIME_ = ? where ID_ = ? and LOCK_OWNER_ = ?";
		int updated = ownTransaction.execute(context -> {
			try (PreparedStatement update = context.getDbSqlSession().getSqlSession().getConnection()
					.prepareStatement(sql)) {
				update.setTimestamp(1, until);
				update.setString(2, job.getId());
				update.setString(3, job.getLockOwner());
				return update.executeUpdate();
			} catch (SQLException e) {
				throw new ProcessEngineException("cannot extend the lock of job " + job.getId(), e);
			}
		});
		if (updated == 0) {
			log.warn("{}: job {} is no longer locked by this node ({}); another run may have started", name,
					job.getId(), job.getLockOwner());
		}
	}

	private <K> Result oneByOne(String name, List<K> keys, Function<List<K>, Result> openChunk,
			Predicate<K> openedByNow) {
		Result total = Result.NONE;
		for (K key : keys) {
			try {
				total = total.plus(ownTransaction.execute(context -> openChunk.apply(List.of(key))));
			} catch (RuntimeException e) {
				if (openedByNow.test(key)) {
					total = total.plus(new Result(0, 1, 0));
				} else {
					total = total.plus(new Result(0, 0, 1));
					log.error("{}: cannot open a case for {}: {}", name, key, e.getMessage());
				}
			}
		}
		return total;
	}
}
