package com.retentiondesk.system;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

import com.zaxxer.hikari.HikariDataSource;

/**
 * On a MariaDB Galera cluster the desk starts only when every database node in the URL has the settings
 * Camunda 7.24 requires ({@link GaleraSettings#REQUIRED}) and the client connects in a supported mode
 * (failover or sequential, mysql-connector-j with {@code failOverReadOnly=false}). It asks the first host
 * that answers whether {@code wsrep_on} is ON; only then it asks every host of the URL, each on a
 * connection of its own, and refuses to start with a message naming the host and the setting. A host that
 * does not answer is logged and skipped: refusing would turn one database node under maintenance into a
 * desk that cannot restart. Runs as soon as the data source exists, before Flyway and the engine use it.
 */
@Component
class GaleraSettingsCheck implements BeanPostProcessor {

	private static final Logger log = LoggerFactory.getLogger(GaleraSettingsCheck.class);

	private static final String VARIABLES = "show global variables where Variable_name in ('wsrep_on', 'binlog_format', "
			+ "'default_storage_engine', 'innodb_autoinc_lock_mode', 'transaction_isolation', 'tx_isolation', "
			+ "'wsrep_causal_reads', 'wsrep_sync_wait')";

	private boolean checked;

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (!checked && bean instanceof HikariDataSource hikari && GaleraSettings.isMysqlUrl(hikari.getJdbcUrl())) {
			checked = true;
			Properties properties = new Properties();
			properties.putAll(hikari.getDataSourceProperties());
			check(hikari.getJdbcUrl(), hikari.getUsername(), hikari.getPassword(), properties);
		}
		return bean;
	}

	/**
	 * Throws {@link IllegalStateException} when the server is a Galera node and a host or the client lacks
	 * a required setting; does nothing on a server without Galera.
	 *
	 * @param properties the connection properties the pool passes to the driver (they win over the URL's)
	 */
	static void check(String url, String user, String password, Properties properties) {
		List<String> hosts = GaleraSettings.hosts(url);
		Map<String, Map<String, String>> byHost = new java.util.LinkedHashMap<>();
		List<String> unreachable = new ArrayList<>();
		for (String host : hosts) {
			try {
				byHost.put(host, variables(GaleraSettings.singleHost(url, host), user, password, properties));
			} catch (SQLException e) {
				unreachable.add(host + " (" + e.getMessage() + ")");
			}
			if (byHost.size() == 1 && !"ON".equalsIgnoreCase(byHost.values().iterator().next().get("wsrep_on"))) {
				return; // not Galera: a single server, MySQL, or MariaDB with wsrep off
			}
		}
		if (byHost.isEmpty()) {
			return; // no host answers: the pool reports that itself, with the driver's message
		}
		List<String> problems = new ArrayList<>();
		String failOverReadOnly = properties.getProperty("failOverReadOnly", urlOption(url, "failOverReadOnly"));
		GaleraSettings.clientProblems(url, failOverReadOnly).forEach(p -> problems.add("客户端: " + p));
		byHost.forEach((host, variables) -> GaleraSettings.serverProblems(variables)
				.forEach(p -> problems.add("节点 " + host + ": " + p)));
		if (!problems.isEmpty()) {
			throw new IllegalStateException("Galera 集群配置不符合 Camunda 7.24 的要求, 拒绝启动 (docs/galera.md): "
					+ String.join("; ", problems));
		}
		if (!unreachable.isEmpty()) {
			log.warn("Galera: cannot check {} node(s) of the URL: {}; checked {}", unreachable.size(), unreachable,
					byHost.keySet());
		}
		log.info("Galera: {} node(s) checked ({}), connections in {} mode, settings as Camunda requires",
				byHost.size(), byHost.keySet(), GaleraSettings.mode(url));
	}

	private static Map<String, String> variables(String url, String user, String password, Properties properties)
			throws SQLException {
		Properties connection = new Properties();
		connection.putAll(properties);
		if (user != null) {
			connection.setProperty("user", user);
		}
		if (password != null) {
			connection.setProperty("password", password);
		}
		connection.putIfAbsent("connectTimeout", "5000");
		Map<String, String> variables = new HashMap<>();
		try (Connection c = DriverManager.getConnection(url, connection);
				Statement statement = c.createStatement();
				ResultSet rows = statement.executeQuery(VARIABLES)) {
			while (rows.next()) {
				variables.put(rows.getString(1).toLowerCase(java.util.Locale.ROOT), rows.getString(2));
			}
		}
		return variables;
	}

	/** An option of the URL's query ({@code ?a=b&c=d}), or null. */
	static String urlOption(String url, String name) {
		int query = url.indexOf('?');
		if (query < 0) {
			return null;
		}
		for (String pair : url.substring(query + 1).split("&")) {
			int eq = pair.indexOf('=');
			if (eq > 0 && pair.substring(0, eq).equalsIgnoreCase(name)) {
				return pair.substring(eq + 1);
			}
		}
		return null;
	}
}
