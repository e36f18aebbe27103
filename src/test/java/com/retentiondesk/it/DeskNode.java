package com.retentiondesk.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * One desk node for the reliability tests: the application jar that {@code mvn package} built, started
 * as a JVM of its own with the {@code mysql} profile on a database of the test, so that two nodes
 * share a database as in production (two Spring contexts in one JVM would share Camunda's static
 * engine registry, and with it the REST API). Its output goes to {@code target/it-nodes/<name>.log}.
 */
final class DeskNode implements AutoCloseable {

	static final String ADMIN = "itadmin";
	static final String ADMIN_PASSWORD = "It-Admin#2026";

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final String name;
	private final String database;
	private final List<String> properties;
	private final int port;
	private final Path log;
	/** The JDBC URL of the database (null: {@link ItDatabase#url} of the database on DB_URL's server). */
	private String url;
	/** The size of the log when this run of the node started. */
	private long logStart;
	private Process process;

	/**
	 * @param properties Spring properties for this node, e.g. {@code camunda.bpm.job-execution.lock-time-in-millis=15000}
	 */
	DeskNode(String name, String database, String... properties) {
		this.name = name;
		this.database = database;
		this.properties = List.of(properties);
		this.port = freePort();
		this.log = Paths.get("target", "it-nodes", name + ".log");
	}

	/** Connects the node to this JDBC URL (a Galera cluster's hosts, say) instead of DB_URL's server. */
	DeskNode url(String jdbcUrl) {
		this.url = jdbcUrl;
		return this;
	}

	/** Starts the JVM (again, after a kill: same name, port and database). */
	DeskNode start() {
		List<String> command = new ArrayList<>(List.of(
				Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
				"-Xmx512m", "-XX:+UseSerialGC", "-Duser.timezone=Asia/Shanghai", "-Dfile.encoding=UTF-8",
				"-jar", jar().toString(),
				"--spring.profiles.active=mysql",
				"--server.port=" + port,
				// the job log and the metrics name the node
				"--camunda.bpm.generic-properties.properties.hostname=" + name,
				// an idle job executor looks for due jobs every second (default: backs off to 60 s)
				"--camunda.bpm.job-execution.wait-time-in-millis=1000",
				"--camunda.bpm.job-execution.max-wait=2000",
				"--logging.level.org.camunda.bpm.engine.jobexecutor=WARN"));
		properties.forEach(p -> command.add("--" + p));
		ProcessBuilder builder = new ProcessBuilder(command);
		Map<String, String> env = builder.environment();
		env.put("DB_URL", url != null ? url : ItDatabase.url(database));
		env.put("DB_USER", ItDatabase.user());
		env.put("DB_PASSWORD", ItDatabase.password());
		env.put("DB_DIALECT", "org.hibernate.dialect.MariaDBDialect");
		env.put("DESK_ADMIN_USER", ADMIN);
		env.put("DESK_ADMIN_PASSWORD", ADMIN_PASSWORD);
		env.put("DESK_SECURE_COOKIES", "false");
		env.put("DB_POOL_SIZE", "12");
		env.put("TZ", "Asia/Shanghai");
		try {
			Files.createDirectories(log.getParent());
			// the log is appended to (a restarted node keeps its first run's lines): this run's part starts here
			logStart = Files.exists(log) ? Files.size(log) : 0;
			builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
			process = builder.start();
			// no node outlives the test JVM, whatever ends it
			Process started = process;
			Runtime.getRuntime().addShutdownHook(new Thread(started::destroyForcibly));
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return this;
	}

	/** Waits until {@code /actuator/health} answers UP. */
	DeskNode awaitUp(Duration within) {
		long deadline = System.nanoTime() + within.toNanos();
		while (System.nanoTime() < deadline) {
			if (!process.isAlive()) {
				throw new IllegalStateException(name + " died at start-up; see " + log.toAbsolutePath());
			}
			try {
				HttpResponse<String> health = HTTP.send(HttpRequest.newBuilder(uri("/actuator/health"))
						.timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
				if (health.statusCode() == 200 && health.body().contains("UP")) {
					return this;
				}
			} catch (IOException e) {
				// not listening yet
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(e);
			}
			sleep(500);
		}
		throw new IllegalStateException(name + " did not start within " + within + "; see " + log.toAbsolutePath());
	}

	/** Waits until the node's engine has been built (its tables exist), e.g. before a second node starts. */
	void awaitEngine(Duration within) {
		long deadline = System.nanoTime() + within.toNanos();
		while (System.nanoTime() < deadline) {
			if (!process.isAlive()) {
				throw new IllegalStateException(name + " died at start-up; see " + log.toAbsolutePath());
			}
			try {
				if (thisRunsLog().contains("ENGINE-00001")) {
					return;
				}
			} catch (IOException e) {
				throw new UncheckedIOException(e);
			}
			sleep(500);
		}
		throw new IllegalStateException(name + " built no engine within " + within);
	}

	/**
	 * What this run of the node has logged so far: an earlier run's "engine built" (a previous build's, or
	 * before a restart) must not count, or the second node of a test would start while the first still
	 * creates the schema (seen: both nodes creating the engine's tables, one failing on "already exists").
	 */
	private String thisRunsLog() throws IOException {
		if (!Files.exists(log)) {
			return "";
		}
		// only the new part: the file keeps every earlier build's lines (tens of MB for a busy node)
		try (SeekableByteChannel channel = Files.newByteChannel(log)) {
			channel.position(Math.min(logStart, channel.size()));
			return new String(Channels.newInputStream(channel).readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	/** This run's log so far. */
	String logSoFar() {
		try {
			return thisRunsLog();
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** kill -9: no shutdown hook, no graceful job executor stop, open transactions die with the connections. */
	void kill() {
		process.destroyForcibly();
		waitFor();
	}

	@Override
	public void close() {
		if (process != null && process.isAlive()) {
			process.destroy();
			try {
				if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
					process.destroyForcibly();
				}
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				process.destroyForcibly();
			}
		}
	}

	String name() {
		return name;
	}

	long pid() {
		return process.pid();
	}

	/** An HTTP call with HTTP Basic of the given user; answers status and body. */
	HttpResponse<String> call(String method, String path, String user, String password, String json) {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(120))
				.header("Authorization", "Basic " + Base64.getEncoder()
						.encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
		if (json == null) {
			request.method(method, HttpRequest.BodyPublishers.noBody());
		} else {
			request.header("Content-Type", "application/json")
					.method(method, HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
		}
		try {
			return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		} catch (HttpTimeoutException e) {
			// a request the desk did not answer in 2 minutes: what its threads were doing goes to its log
			threadDump();
			throw new UncheckedIOException(method + " " + path + " on " + name + ": no answer in 120 s; thread dump in "
					+ log.toAbsolutePath(), e);
		} catch (IOException e) {
			throw new UncheckedIOException(method + " " + path + " on " + name + ": " + e + (process.isAlive() ? ""
					: " (the node has exited with " + process.exitValue() + "; see " + log.toAbsolutePath() + ")"), e);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	/** An HTTP call as the desk's administrator that must succeed (2xx). */
	String admin(String method, String path, String json) {
		HttpResponse<String> response = call(method, path, ADMIN, ADMIN_PASSWORD, json);
		if (response.statusCode() / 100 != 2) {
			throw new IllegalStateException(method + " " + path + " on " + name + ": " + response.statusCode() + " "
					+ response.body());
		}
		return response.body();
	}

	/** Phone managers {@code <prefix>01..} in a new team with a supervisor, created through the engine REST API. */
	void createTeam(String team, String prefix, int managers, String password) {
		admin("POST", "/engine-rest/group/create", "{\"id\":\"" + team + "\",\"name\":\"" + team + "\",\"type\":\"TEAM\"}");
		for (int i = 1; i <= managers + 1; i++) {
			String id = i <= managers ? String.format("%s%02d", prefix, i) : prefix + "sup";
			admin("POST", "/engine-rest/user/create", "{\"profile\":{\"id\":\"" + id + "\",\"firstName\":\"测试\","
					+ "\"lastName\":\"" + id + "\",\"email\":\"" + id + "@example.cn\"},\"credentials\":{\"password\":\""
					+ password + "\"}}");
			admin("PUT", "/engine-rest/group/" + team + "/members/" + id, null);
			admin("PUT", "/engine-rest/group/" + (i <= managers ? "phone-managers" : "supervisors") + "/members/" + id,
					null);
		}
	}

	private URI uri(String path) {
		return URI.create("http://127.0.0.1:" + port + path);
	}

	private void waitFor() {
		try {
			process.waitFor();
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	/** {@code jcmd <pid> Thread.print} into the node's log (best effort). */
	private void threadDump() {
		if (process == null || !process.isAlive()) {
			return;
		}
		try {
			Process jcmd = new ProcessBuilder(Paths.get(System.getProperty("java.home"), "bin", "jcmd").toString(),
					Long.toString(process.pid()), "Thread.print").redirectErrorStream(true)
					.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
			jcmd.waitFor(60, TimeUnit.SECONDS);
		} catch (IOException e) {
			// the failure is reported anyway
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	/** The jar that {@code package} built (failsafe runs after it); -Dit.app.jar overrides. */
	static Path jar() {
		String configured = System.getProperty("it.app.jar");
		if (configured != null && !configured.isBlank()) {
			return Paths.get(configured);
		}
		try (Stream<Path> files = Files.list(Paths.get("target"))) {
			return files.filter(p -> p.getFileName().toString().matches("retention-desk-.*\\.jar"))
					.filter(p -> !p.getFileName().toString().endsWith("-plain.jar"))
					.findFirst()
					.orElseThrow(() -> new IllegalStateException("no target/retention-desk-*.jar: run mvn package first"));
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
