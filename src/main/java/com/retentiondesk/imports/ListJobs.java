package com.retentiondesk.imports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.web.server.ResponseStatusException;

/**
 * Long lists in the background (issue 23): a list over {@code desk.lists.background-above} rows is saved
 * to a temporary file, a {@code list_job} row is written (RUNNING) and the work runs on a bounded pool
 * ({@code desk.lists.workers} threads, {@code desk.lists.queue} waiting; beyond that the upload is answered
 * 503). The job's counts are written after every chunk and its report when it is done, so any node answers
 * its state.
 * <p>
 * A node that dies leaves its jobs RUNNING: every node touches the heartbeat of the jobs it runs every
 * {@value #HEARTBEAT_SECONDS} s, and a RUNNING job whose heartbeat is older than {@code desk.lists.stale-after}
 * (default 5 minutes) is marked FAILED, by the sweep every node runs each minute and by any read of the job.
 * The heartbeat uses the real clock (not the desk's, which tests move), as nodes' clocks agree closely.
 */
@Service
public class ListJobs implements DisposableBean {

	/** What a job runs; reports its progress through the tally and answers the report. */
	@FunctionalInterface
	public interface Work {
		ListReport run(Path file, ListTally tally) throws IOException;
	}

	/** The kinds of list and the path their state is read at. */
	public enum Kind {
		DISPATCH("/api/dispatches/"), CUSTOMER_IMPORT("/api/customers/imports/");

		final String path;

		Kind(String path) {
			this.path = path;
		}
	}

	/** A job as the database holds it. */
	public record Job(String id, Kind kind, String file, String state, int rowsTotal, int rowsRead, int opened, int skipped,
			int rejected, String report, String message) {

		public String location() {
			return kind.path + id;
		}
	}

	static final int HEARTBEAT_SECONDS = 30;
	private static final Logger log = LoggerFactory.getLogger(ListJobs.class);

	private final JdbcTemplate jdbc;
	private final ObjectMapper json;
	private final Clock realTime = Clock.systemDefaultZone();
	private final Duration staleAfter;
	private final int backgroundAbove;
	private final ThreadPoolExecutor pool;
	private final Set<String> running = ConcurrentHashMap.newKeySet();
	private final String node;

	ListJobs(JdbcTemplate jdbc, ObjectMapper json, @Value("${desk.lists.background-above:5000}") int backgroundAbove,
			@Value("${desk.lists.workers:2}") int workers, @Value("${desk.lists.queue:8}") int queue,
			@Value("${desk.lists.stale-after:PT5M}") Duration staleAfter) {
		this.jdbc = jdbc;
		this.json = json;
		this.backgroundAbove = backgroundAbove;
		this.staleAfter = staleAfter;
		AtomicInteger threads = new AtomicInteger();
		this.pool = new ThreadPoolExecutor(workers, workers, 60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(queue),
				runnable -> {
					Thread thread = new Thread(runnable, "list-job-" + threads.incrementAndGet());
					thread.setDaemon(true);
					return thread;
				});
		this.node = nodeName();
	}

	/** Lists with more data rows than this run in the background. */
	public int backgroundAbove() {
		return backgroundAbove;
	}

	/**
	 * Starts a job on a file this service now owns (deleted when the job ends).
	 *
	 * @throws ResponseStatusException 503 when the pool and its queue are full
	 */
	public Job start(Kind kind, String fileName, Path file, int rowsTotal, String user, Work work) {
		String id = UUID.randomUUID().toString();
		Timestamp now = now();
		jdbc.update("insert into list_job (id, kind, file_name, state, rows_total, rows_read, opened, skipped, "
				+ "rejected, node, created_by, created_at, heartbeat_at) values (?, ?, ?, 'RUNNING', ?, 0, 0, 0, 0, ?, ?, ?, ?)",
				id, kind.name(), shorten(fileName, 255), rowsTotal, node, shorten(user, 64), now, now);
		running.add(id);
		try {
			pool.execute(() -> run(id, kind, fileName, file, work));
		} catch (RejectedExecutionException full) {
			running.remove(id);
			delete(file);
			finish(id, "FAILED", null, null, "繁忙:后台任务已满,请稍后重新上传");
			throw new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE,
					"后台正在处理的名单已满(" + pool.getMaximumPoolSize() + "个处理中, " + pool.getQueue().size()
							+ "个排队),请稍后重新上传");
		}
		log.info("list job {} ({} {}) started in the background", id, kind, fileName);
		return find(kind, id).orElseThrow();
	}

	private void run(String id, Kind kind, String fileName, Path file, Work work) {
		ListTally tally = new ListTally();
		ProgressWriter progress = new ProgressWriter(id, tally);
		try {
			ListReport report = work.run(file, progress.tally());
			progress.write();
			finish(id, "DONE", tally.progress(), json.writeValueAsString(report), null);
			log.info("list job {} ({} {}) done: {} rows read", id, kind, fileName, report.rowsRead());
		} catch (IllegalArgumentException refused) {
			finish(id, "FAILED", tally.progress(), null, refused.getMessage());
			log.info("list job {} ({} {}) refused: {}", id, kind, fileName, refused.getMessage());
		} catch (IOException | RuntimeException | Error e) {
			finish(id, "FAILED", tally.progress(), null, "处理失败: " + e.getMessage());
			log.error("list job {} ({} {}) failed", id, kind, fileName, e);
		} finally {
			progress.stop();
			running.remove(id);
			delete(file);
		}
	}

	/** Writes the tally's counts to the job row every few seconds while the work goes on. */
	private final class ProgressWriter {

		private final String id;
		private final ListTally tally;
		private final Thread writer;
		private volatile boolean stopped;

		ProgressWriter(String id, ListTally tally) {
			this.id = id;
			this.tally = tally;
			this.writer = new Thread(() -> {
				while (!stopped) {
					try {
						Thread.sleep(2000);
						if (!stopped) {
							write();
						}
					} catch (InterruptedException e) {
						return;
					} catch (RuntimeException e) {
						log.warn("list job {}: progress not written ({})", id, e.getMessage());
					}
				}
			}, "list-job-progress-" + id.substring(0, 8));
			writer.setDaemon(true);
			writer.start();
		}

		ListTally tally() {
			return tally;
		}

		void write() {
			ListTally.Progress p = tally.progress();
			jdbc.update("update list_job set rows_read = ?, opened = ?, skipped = ?, rejected = ?, heartbeat_at = ? "
					+ "where id = ? and state = 'RUNNING'", p.rowsRead(), p.opened(), p.skipped(), p.rejected(), now(), id);
		}

		void stop() {
			stopped = true;
			writer.interrupt();
		}
	}

	private void finish(String id, String state, ListTally.Progress p, String report, String message) {
		if (p == null) {
			p = new ListTally.Progress(0, 0, 0, 0);
		}
		jdbc.update("update list_job set state = ?, rows_read = ?, opened = ?, skipped = ?, rejected = ?, report = ?, "
				+ "message = ?, heartbeat_at = ?, finished_at = ? where id = ?", state, p.rowsRead(), p.opened(),
				p.skipped(), p.rejected(), report, shorten(message, 1000), now(), now(), id);
	}

	/** The job of that kind, after marking it FAILED if it is RUNNING on a node that stopped beating. */
	public Optional<Job> find(Kind kind, String id) {
		failStale();
		return jdbc.query("select id, kind, file_name, state, rows_total, rows_read, opened, skipped, rejected, report, message "
				+ "from list_job where id = ? and kind = ?", (rs, n) -> new Job(rs.getString("id"),
						Kind.valueOf(rs.getString("kind")), rs.getString("file_name"), rs.getString("state"),
						rs.getInt("rows_total"), rs.getInt("rows_read"), rs.getInt("opened"), rs.getInt("skipped"), rs.getInt("rejected"),
						rs.getString("report"), rs.getString("message")),
				id, kind.name()).stream().findFirst();
	}

	/** The job's state as {@code GET} answers it: the report is included as JSON once DONE. */
	public Map<String, Object> state(Job job) {
		Map<String, Object> body = new java.util.LinkedHashMap<>();
		body.put("id", job.id());
		body.put("file", job.file());
		body.put("state", job.state());
		body.put("rowsTotal", job.rowsTotal());
		body.put("rowsRead", job.rowsRead());
		body.put("opened", job.opened());
		body.put("skipped", job.skipped());
		body.put("rejected", job.rejected());
		try {
			body.put("report", job.report() == null ? null : json.readTree(job.report()));
		} catch (JsonProcessingException e) {
			throw new IllegalStateException("report of list job " + job.id() + " is not JSON", e);
		}
		if (job.message() != null) {
			body.put("message", job.message());
		}
		return body;
	}

	/** Beats for this node's jobs and fails the RUNNING jobs of nodes that stopped beating. */
	@Scheduled(fixedDelay = HEARTBEAT_SECONDS * 1000L, initialDelay = 5000)
	void heartbeat() {
		for (String id : running) {
			jdbc.update("update list_job set heartbeat_at = ? where id = ? and state = 'RUNNING'", now(), id);
		}
		failStale();
	}

	/** @return how many jobs were marked FAILED */
	int failStale() {
		Timestamp before = Timestamp.valueOf(LocalDateTime.now(realTime).minus(staleAfter));
		int failed = jdbc.update("update list_job set state = 'FAILED', message = ?, finished_at = ? "
				+ "where state = 'RUNNING' and heartbeat_at < ?",
				"处理中断:处理该名单的节点已停止(重启或故障),请重新上传;已处理的行不会重复生效", now(), before);
		if (failed > 0) {
			log.warn("{} list job(s) RUNNING without a heartbeat since {} marked FAILED (their node stopped)", failed,
					before);
		}
		return failed;
	}

	@Override
	public void destroy() {
		pool.shutdownNow();
	}

	/** Copies an upload to a temporary file of the job (the upload's own file ends with the request). */
	public static Path save(java.io.InputStream in) {
		try {
			Path file = Files.createTempFile("desk-list-", ".upload");
			Files.copy(in, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
			return file;
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	public static void delete(Path file) {
		try {
			Files.deleteIfExists(file);
		} catch (IOException e) {
			log.warn("temporary list {} not deleted: {}", file, e.getMessage());
		}
	}

	private Timestamp now() {
		return Timestamp.valueOf(LocalDateTime.now(realTime).withNano(0));
	}

	private static String shorten(String text, int max) {
		return text == null || text.length() <= max ? text : text.substring(0, max);
	}

	private static String nodeName() {
		try {
			return InetAddress.getLocalHost().getHostName() + ":" + ProcessHandle.current().pid();
		} catch (IOException e) {
			return "pid " + ProcessHandle.current().pid();
		}
	}
}
