package com.retentiondesk.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A {@code mariadbd} of the test's own (Debian's mariadb-server 10.11), on a loopback port with its data
 * directory, socket and configuration under {@code target/mariadb/<name>/}: a node of a Galera cluster
 * (Debian's galera-4, state transfers with mariadb-backup) or a plain server. Never the machine's own
 * server on 3306. As root (CI) it runs with {@code user=root}; the SST runs as that user too (rsync SST
 * would not: its daemon drops root to nobody, who cannot write the joiner's data directory).
 * <p>
 * The settings are those Camunda's "MariaDB Galera Database Configuration" page requires, the same on the
 * plain server (without wsrep), so that the two compare.
 */
final class LocalMariaDb implements AutoCloseable {

	static final Path GALERA_PROVIDER = Paths.get("/usr/lib/galera/libgalera_smm.so");
	private static final String MARIADBD = "/usr/sbin/mariadbd";
	private static final Pattern RECOVERED = Pattern.compile("WSREP: Recovered position: (\\S+:-?\\d+)");

	private final String name;
	private final int port;
	/** Galera's group communication port (IST: +10, SST: +20); 0 for a plain server. */
	private final int galeraPort;
	private final String clusterAddress;
	private final Path dir;
	private Process process;

	private LocalMariaDb(String name, int port, int galeraPort, String clusterAddress) {
		this.name = name;
		this.port = port;
		this.galeraPort = galeraPort;
		this.clusterAddress = clusterAddress;
		this.dir = Paths.get("target", "mariadb", name).toAbsolutePath();
	}

	/** A plain server (no wsrep). */
	static LocalMariaDb plain(String name, int port) {
		return new LocalMariaDb(name, port, 0, null);
	}

	/**
	 * A Galera node; {@code clusterAddress} lists every node's group port ({@code gcomm://127.0.0.1:4571,...}).
	 */
	static LocalMariaDb galera(String name, int port, int galeraPort, String clusterAddress) {
		return new LocalMariaDb(name, port, galeraPort, clusterAddress);
	}

	/** Fails with the packages to install when the machine lacks them (.ci/run installs them). */
	static void requirePackages() {
		List<String> missing = new ArrayList<>();
		if (!Files.isExecutable(Paths.get(MARIADBD))) {
			missing.add("mariadb-server");
		}
		if (!Files.exists(GALERA_PROVIDER)) {
			missing.add("galera-4");
		}
		if (!Files.isExecutable(Paths.get("/usr/bin/mariabackup"))) {
			missing.add("mariadb-backup");
		}
		if (!Files.isExecutable(Paths.get("/usr/bin/socat"))) {
			missing.add("socat");
		}
		if (!missing.isEmpty()) {
			throw new IllegalStateException("the Galera test needs Debian's " + missing + ": apt-get install -y " + String.join(" ", missing));
		}
	}

	/** A fresh data directory: {@code mariadb-install-db} (the first Galera node and plain servers; joiners get theirs by SST). */
	LocalMariaDb fresh(boolean install) {
		deleteDir();
		try {
			Files.createDirectories(dir.resolve("data"));
			Files.writeString(dir.resolve("my.cnf"), config(), StandardCharsets.UTF_8);
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		if (install) {
			run(List.of("/usr/bin/mariadb-install-db", "--no-defaults", "--user=" + System.getProperty("user.name"),
					"--datadir=" + dir.resolve("data"), "--auth-root-authentication-method=normal", "--skip-test-db"),
					dir.resolve("install.log"), 120);
		}
		return this;
	}

	/** Starts the server; {@code --wsrep-new-cluster} for the first node of a new cluster. */
	LocalMariaDb start(String... options) {
		for (int p : galeraPort > 0 ? new int[] { port, galeraPort, galeraPort + 10, galeraPort + 20 } : new int[] { port }) {
			if (!portFree(p)) {
				throw new IllegalStateException(name + ": port " + p + " is taken (another run of the test?)");
			}
		}
		List<String> command = new ArrayList<>(List.of(MARIADBD, "--defaults-file=" + dir.resolve("my.cnf")));
		command.addAll(List.of(options));
		try {
			process = new ProcessBuilder(command).redirectErrorStream(true)
					.redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("mariadbd.out").toFile())).start();
			Process started = process;
			Runtime.getRuntime().addShutdownHook(new Thread(started::destroyForcibly));
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return this;
	}

	/**
	 * Starts a node again after a kill: {@code --wsrep-recover} reads the last committed position from
	 * InnoDB (the kill left {@code seqno: -1} in grastate.dat), and the node starts from it, so that it
	 * needs only the write sets it missed (IST from a donor's gcache) instead of a whole copy (SST).
	 */
	LocalMariaDb restart() {
		Path recover = dir.resolve("recover.log");
		run(List.of(MARIADBD, "--defaults-file=" + dir.resolve("my.cnf"), "--wsrep-recover", "--log-error=" + recover), null, 120);
		String position = null;
		try {
			Matcher m = RECOVERED.matcher(Files.readString(recover));
			while (m.find()) {
				position = m.group(1);
			}
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return position == null ? start() : start("--wsrep-start-position=" + position);
	}

	/** SIGKILL: no shutdown, open transactions die with their connections. */
	void kill() {
		if (process != null) {
			process.destroyForcibly();
			waitFor(60);
		}
	}

	@Override
	public void close() {
		if (process != null && process.isAlive()) {
			process.destroy();
			if (!waitFor(60)) {
				process.destroyForcibly();
				waitFor(30);
			}
		}
	}

	/**
	 * Deletes the stopped server's data (gigabytes after the test: gcache, redo log, tables), keeping its
	 * logs ({@code *.log}, {@code *.out}, {@code my.cnf}) for whoever reads a failed run.
	 */
	void deleteData() {
		if (isAlive()) {
			return;
		}
		Path data = dir.resolve("data");
		if (!Files.exists(data)) {
			return;
		}
		try (Stream<Path> files = Files.walk(data)) {
			files.sorted(Comparator.reverseOrder())
					.filter(p -> !p.getFileName().toString().endsWith(".log") && !p.equals(data))
					.forEach(p -> p.toFile().delete());
		} catch (IOException | UncheckedIOException e) {
			// best effort: target/ goes with the next clean
		}
	}

	boolean isAlive() {
		return process != null && process.isAlive();
	}

	long pid() {
		return process.pid();
	}

	String name() {
		return name;
	}

	String host() {
		return "127.0.0.1:" + port;
	}

	/** A JDBC URL of this server alone, with the options the reliability tests use. */
	String url(String database) {
		return "jdbc:mysql://" + host() + "/" + database
				+ "?sendFractionalSeconds=false&rewriteBatchedStatements=true&characterEncoding=UTF-8&connectTimeout=5000";
	}

	JdbcTemplate jdbc(String database) {
		return new JdbcTemplate(new DriverManagerDataSource(url(database), "root", ""));
	}

	/** Waits until the server answers SQL (and, on a Galera node, is Synced); answers the seconds it took. */
	double awaitReady(long timeoutMillis) {
		long start = System.nanoTime();
		long deadline = System.currentTimeMillis() + timeoutMillis;
		String last = "no answer";
		while (System.currentTimeMillis() < deadline) {
			if (!isAlive()) {
				throw new IllegalStateException(name + " died; see " + dir.resolve("data/error.log"));
			}
			try {
				String state = galeraPort == 0 ? "Synced" : status("wsrep_local_state_comment");
				if ("Synced".equals(state)) {
					return (System.nanoTime() - start) / 1e9;
				}
				last = state;
			} catch (RuntimeException e) {
				last = e.getMessage();
			}
			DeskNode.sleep(300);
		}
		throw new IllegalStateException(name + " not ready within " + timeoutMillis + " ms (" + last + "); see "
				+ dir.resolve("data/error.log"));
	}

	/** A status variable of the server ({@code wsrep_cluster_size}, ...). */
	String status(String variable) {
		return jdbc("").queryForObject("select VARIABLE_VALUE from information_schema.GLOBAL_STATUS where VARIABLE_NAME = ?",
				String.class, variable.toUpperCase(java.util.Locale.ROOT));
	}

	private String config() {
		StringBuilder cnf = new StringBuilder();
		cnf.append("[mysqld]\n")
				.append("user=").append(System.getProperty("user.name")).append('\n')
				.append("datadir=").append(dir.resolve("data")).append('\n')
				.append("socket=").append(dir.resolve("mysqld.sock")).append('\n')
				.append("pid-file=").append(dir.resolve("mysqld.pid")).append('\n')
				.append("log-error=").append(dir.resolve("data/error.log")).append('\n')
				.append("port=").append(port).append('\n')
				.append("bind-address=127.0.0.1\n")
				.append("character-set-server=utf8mb4\n")
				.append("collation-server=utf8mb4_bin\n")
				.append("max_connections=200\n")
				.append("innodb_buffer_pool_size=256M\n")
				.append("innodb_log_file_size=96M\n")
				// the same on both: the cluster's durability is the other nodes', the plain server's the OS cache's
				.append("innodb_flush_log_at_trx_commit=2\n")
				// Camunda's "MariaDB Galera Database Configuration", exactly
				.append("binlog_format=row\n")
				.append("default_storage_engine=InnoDB\n")
				.append("innodb_autoinc_lock_mode=2\n")
				.append("transaction-isolation=READ-COMMITTED\n");
		if (galeraPort > 0) {
			cnf.append("wsrep_on=ON\n")
					.append("wsrep_causal_reads=1\n")
					.append("wsrep_sync_wait=7\n")
					.append("wsrep_provider=").append(GALERA_PROVIDER).append('\n')
					.append("wsrep_cluster_name=retention_desk_it\n")
					.append("wsrep_cluster_address=").append(clusterAddress).append('\n')
					.append("wsrep_node_name=").append(name).append('\n')
					.append("wsrep_node_address=127.0.0.1:").append(galeraPort).append('\n')
					.append("wsrep_provider_options=\"gmcast.listen_addr=tcp://127.0.0.1:").append(galeraPort)
					.append(";ist.recv_addr=127.0.0.1:").append(galeraPort + 10).append(";gcache.size=256M\"\n")
					.append("wsrep_sst_receive_address=127.0.0.1:").append(galeraPort + 20).append('\n')
					.append("wsrep_sst_method=mariabackup\n")
					.append("wsrep_sst_auth=root:\n")
					.append("wsrep_slave_threads=2\n");
		}
		return cnf.toString();
	}

	private void deleteDir() {
		if (!Files.exists(dir)) {
			return;
		}
		try (Stream<Path> files = Files.walk(dir)) {
			files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private boolean waitFor(long seconds) {
		try {
			return process.waitFor(seconds, TimeUnit.SECONDS);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	private static void run(List<String> command, Path output, long seconds) {
		try {
			ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
			builder.redirectOutput(output == null ? ProcessBuilder.Redirect.DISCARD : ProcessBuilder.Redirect.to(output.toFile()));
			Process p = builder.start();
			if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
				p.destroyForcibly();
				throw new IllegalStateException(command.get(0) + " did not finish within " + seconds + " s");
			}
			if (p.exitValue() != 0) {
				throw new IllegalStateException(command + " failed with " + p.exitValue() + (output == null ? "" : "; see " + output));
			}
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	private static boolean portFree(int port) {
		try (ServerSocket socket = new ServerSocket(port, 1, java.net.InetAddress.getLoopbackAddress())) {
			return true;
		} catch (IOException e) {
			return false;
		}
	}
}
