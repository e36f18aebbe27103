package com.retentiondesk.system;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What Camunda 7.24 requires of a MariaDB Galera cluster ("MariaDB Galera Database Configuration"), and
 * the hosts of a multi-host JDBC URL. Pure functions: {@link GaleraSettingsCheck} asks the servers.
 */
final class GaleraSettings {

	/**
	 * The server settings the Camunda page names, with the value each must have. {@code wsrep_causal_reads}
	 * is checked where the server still has it (MariaDB 10.11 does; it is the old name of bit 1 of
	 * {@code wsrep_sync_wait}, which 7 contains).
	 */
	static final Map<String, String> REQUIRED;

	static {
		Map<String, String> required = new LinkedHashMap<>();
		required.put("wsrep_on", "ON");
		required.put("binlog_format", "ROW");
		required.put("default_storage_engine", "InnoDB");
		required.put("innodb_autoinc_lock_mode", "2");
		required.put("transaction_isolation", "READ-COMMITTED");
		required.put("wsrep_causal_reads", "ON");
		required.put("wsrep_sync_wait", "7");
		REQUIRED = java.util.Collections.unmodifiableMap(required);
	}

	/** The URL forms Camunda supports on Galera: one host, failover (mysql-connector-j's plain list) or sequential. */
	private static final Pattern URL = Pattern.compile("^jdbc:(mysql|mariadb)(?::([a-z]+))?://([^/?]*)(.*)$");

	private GaleraSettings() {
	}

	/** Whether the URL is one of MySQL's or MariaDB's (the check has nothing to do on H2). */
	static boolean isMysqlUrl(String url) {
		return url != null && URL.matcher(url).matches();
	}

	/**
	 * The hosts of the URL as {@code host:port} (3306 when none is given), in order; a list in brackets
	 * ({@code [h1:p1,h2:p2]}) is read the same way.
	 */
	static List<String> hosts(String url) {
		Matcher m = matcher(url);
		String list = m.group(3);
		if (list.startsWith("[") && list.endsWith("]")) {
			list = list.substring(1, list.length() - 1);
		}
		List<String> hosts = new ArrayList<>();
		for (String host : list.split(",")) {
			String h = host.trim();
			if (h.isEmpty()) {
				continue;
			}
			if (h.startsWith("address=") || h.startsWith("(")) {
				throw new IllegalArgumentException("数据库地址的 address=(...) 写法不受支持,请写成 host:port,host:port: " + url);
			}
			hosts.add(h.contains(":") ? h : h + ":3306");
		}
		if (hosts.isEmpty()) {
			throw new IllegalArgumentException("数据库地址中没有主机: " + url);
		}
		return hosts;
	}

	/** The connection mode the URL names: {@code failover} for a plain list (mysql-connector-j), else its prefix. */
	static String mode(String url) {
		Matcher m = matcher(url);
		if (m.group(2) != null) {
			return m.group(2);
		}
		return "mariadb".equals(m.group(1)) ? "sequential" : "failover";
	}

	/** The same URL with one host only (its database and options kept), to ask that host itself. */
	static String singleHost(String url, String host) {
		Matcher m = matcher(url);
		return "jdbc:" + m.group(1) + "://" + host + m.group(4);
	}

	/**
	 * What is wrong with the client side: Camunda supports only failover and sequential connections, and
	 * mysql-connector-j opens the failover hosts read-only ({@code failOverReadOnly=true}) unless told
	 * otherwise, so every write after a failover would fail.
	 *
	 * @param failOverReadOnly the effective value of mysql-connector-j's property (null: not set)
	 */
	static List<String> clientProblems(String url, String failOverReadOnly) {
		List<String> problems = new ArrayList<>();
		String mode = mode(url);
		if (!mode.equals("failover") && !mode.equals("sequential")) {
			problems.add("连接方式 " + mode + ": 不受支持 (Galera 上 Camunda 只支持 failover 或 sequential)");
		}
		if (url.startsWith("jdbc:mysql:") && hosts(url).size() > 1 && !"false".equalsIgnoreCase(failOverReadOnly)) {
			problems.add("failOverReadOnly 是 " + (failOverReadOnly == null ? "true (默认)" : failOverReadOnly)
					+ ", 应为 false (否则切换到其他节点后写入全部失败)");
		}
		return problems;
	}

	/**
	 * The settings of one server that differ from {@link #REQUIRED}, each as "name 是 X, 应为 Y".
	 *
	 * @param variables the server's global variables by lower-case name; {@code tx_isolation} counts for
	 *                  {@code transaction_isolation} (MariaDB before 11.1 has only the old name)
	 */
	static List<String> serverProblems(Map<String, String> variables) {
		Map<String, String> values = new LinkedHashMap<>();
		variables.forEach((name, value) -> values.put(name.toLowerCase(Locale.ROOT), value));
		if (!values.containsKey("transaction_isolation") && values.containsKey("tx_isolation")) {
			values.put("transaction_isolation", values.get("tx_isolation"));
		}
		List<String> problems = new ArrayList<>();
		REQUIRED.forEach((name, wanted) -> {
			String actual = values.get(name);
			if (actual == null) {
				if (!name.equals("wsrep_causal_reads")) {
					problems.add(name + " 未设置, 应为 " + wanted);
				}
			} else if (!same(wanted, actual)) {
				problems.add(name + " 是 " + actual + ", 应为 " + wanted);
			}
		});
		return problems;
	}

	private static boolean same(String wanted, String actual) {
		String a = actual.trim();
		if (wanted.equals("ON")) {
			return a.equalsIgnoreCase("ON") || a.equals("1");
		}
		return a.equalsIgnoreCase(wanted);
	}

	private static Matcher matcher(String url) {
		Matcher m = URL.matcher(url == null ? "" : url);
		if (!m.matches()) {
			throw new IllegalArgumentException("不是 MySQL/MariaDB 的 JDBC 地址: " + url);
		}
		return m;
	}
}
