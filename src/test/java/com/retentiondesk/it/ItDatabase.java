package com.retentiondesk.it;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A database of its own for each reliability test, on the server of {@code DB_URL} (the mariadb
 * profile passes it: 127.0.0.1:3306, root): recreated at the start, so a test depends neither on the
 * others nor on {@code retention_desk_it}. The test reads and writes rows with plain JDBC.
 */
final class ItDatabase {

	private static final String OPTIONS = "?sendFractionalSeconds=false&rewriteBatchedStatements=true&characterEncoding=UTF-8";

	/**
	 * Case rows whose process instance does not exist. The engine creates its tables in utf8mb3, the
	 * desk's are utf8mb4: without the conversion MariaDB compares row by row instead of using the
	 * engine's primary key (minutes at 20,000 cases).
	 */
	static final String CASES_WITHOUT_PROCESS = "select count(*) from retention_case r where not exists "
			+ "(select 1 from ACT_RU_EXECUTION e where e.ID_ = convert(r.process_instance_id using utf8mb3))";

	private ItDatabase() {
	}

	/** Drops and creates the database; answers a JdbcTemplate on it. */
	static JdbcTemplate recreate(String database) {
		JdbcTemplate server = new JdbcTemplate(new DriverManagerDataSource(serverUrl() + "/" + OPTIONS, user(), password()));
		server.execute("DROP DATABASE IF EXISTS " + own(database));
		server.execute("CREATE DATABASE " + own(database) + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
		return new JdbcTemplate(new DriverManagerDataSource(url(database), user(), password()));
	}

	static String url(String database) {
		return serverUrl() + "/" + own(database) + OPTIONS;
	}

	/**
	 * The test's database name with the suffix of DB_URL's database: with {@code -Dit.db.url=...
	 * /retention_desk_it22} the two-node test uses {@code rd_rel_two22}, so that two runs on one server
	 * (two branches) do not drop each other's databases.
	 */
	static String own(String database) {
		String url = env("DB_URL", "jdbc:mysql://127.0.0.1:3306/retention_desk_it");
		String name = url.replaceFirst("^jdbc:[a-z]+://[^/]+/?", "").replaceFirst("[?;].*$", "");
		String suffix = name.startsWith("retention_desk_it") ? name.substring("retention_desk_it".length()) : "";
		return database + suffix.replaceAll("[^A-Za-z0-9_]", "");
	}

	static String user() {
		return env("DB_USER", "root");
	}

	static String password() {
		return env("DB_PASSWORD", "");
	}

	/** {@code jdbc:mysql://host:port} of DB_URL. */
	private static String serverUrl() {
		String url = env("DB_URL", "jdbc:mysql://127.0.0.1:3306/retention_desk_it");
		int slash = url.indexOf('/', "jdbc:mysql://".length());
		return slash < 0 ? url : url.substring(0, slash);
	}

	private static String env(String name, String otherwise) {
		String value = System.getenv(name);
		return value == null ? otherwise : value;
	}

	/**
	 * Inserts customers in batches: {@code <prefix>00001..}, spread over the managers, all due for an
	 * arrears reminder (postpaid, 3 months in arrears); with {@code tier1} CDMA tier-1 customers with an
	 * e-mail address (they get the automatic reminder), else PHS customers without one.
	 */
	static void insertArrearsCustomers(JdbcTemplate jdbc, String prefix, int count, List<String> managers,
			boolean tier1) {
		Timestamp now = Timestamp.valueOf(LocalDateTime.now());
		List<Object[]> rows = new ArrayList<>(count);
		for (int i = 1; i <= count; i++) {
			String no = String.format("%s%05d", prefix, i);
			rows.add(new Object[] { no, "客户" + i, String.format("189%08d", i), tier1 ? "CDMA" : "PHS",
					tier1 ? "CDMA_TIER1" : "MID_HIGH_END", 5, "POSTPAID", new BigDecimal("-120.50"), 3, "ACTIVE",
					tier1 ? no.toLowerCase() + "@example.cn" : null, managers.get(i % managers.size()), now, now });
		}
		for (int from = 0; from < rows.size(); from += 2000) {
			jdbc.batchUpdate("insert into customer (customer_no, name, service_no, network, segment, star_level, "
					+ "payment_type, balance, arrears_months, line_status, email, manager_id, created_at, updated_at, "
					+ "version) values (?,?,?,?,?,?,?,?,?,?,?,?,?,?,0)", rows.subList(from, Math.min(rows.size(), from + 2000)));
		}
	}

	static int count(JdbcTemplate jdbc, String sql, Object... args) {
		Integer n = jdbc.queryForObject(sql, Integer.class, args);
		return n == null ? 0 : n;
	}

	/** Polls until the query answers {@code expected} or the time is up; answers the last value. */
	static int awaitCount(JdbcTemplate jdbc, int expected, long timeoutMillis, String sql, Object... args) {
		long deadline = System.currentTimeMillis() + timeoutMillis;
		int n = count(jdbc, sql, args);
		while (n != expected && System.currentTimeMillis() < deadline) {
			DeskNode.sleep(250);
			n = count(jdbc, sql, args);
		}
		return n;
	}
}
