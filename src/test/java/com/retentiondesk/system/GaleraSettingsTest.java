package com.retentiondesk.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;

/**
 * The Galera start-up check's rules (issue #31); GaleraFailoverIT runs the check against a real cluster
 * and a desk that refuses to start.
 */
class GaleraSettingsTest {

	private static final String CLUSTER = "jdbc:mysql://db1:3311,db2,db3:3313/retention_desk?sendFractionalSeconds=false";

	@Test
	void shouldReadEveryHostOfAMultiHostUrlInOrder() {
		assertThat(GaleraSettings.hosts(CLUSTER)).containsExactly("db1:3311", "db2:3306", "db3:3313");
		assertThat(GaleraSettings.hosts("jdbc:mysql://[db1:3311,db2:3312]/x")).containsExactly("db1:3311", "db2:3312");
		assertThat(GaleraSettings.hosts("jdbc:mariadb:sequential://a:1,b:2/x")).containsExactly("a:1", "b:2");
		assertThat(GaleraSettings.hosts("jdbc:mysql://127.0.0.1:3306/retention_desk_it")).containsExactly("127.0.0.1:3306");
	}

	@Test
	void shouldAskOneHostWithTheDatabaseAndOptionsOfTheUrl() {
		assertThat(GaleraSettings.singleHost(CLUSTER, "db2:3306"))
				.isEqualTo("jdbc:mysql://db2:3306/retention_desk?sendFractionalSeconds=false");
		assertThat(GaleraSettings.singleHost("jdbc:mariadb:sequential://a:1,b:2/x", "b:2")).isEqualTo("jdbc:mariadb://b:2/x");
	}

	@Test
	void shouldAcceptOnlyFailoverAndSequentialAndRequireWritableFailoverHosts() {
		assertThat(GaleraSettings.clientProblems(CLUSTER, "false")).isEmpty();
		assertThat(GaleraSettings.clientProblems("jdbc:mariadb:sequential://a:1,b:2/x", null)).isEmpty();
		assertThat(GaleraSettings.clientProblems("jdbc:mysql://a:1/x", null)).as("one host: no failover").isEmpty();
		assertThat(GaleraSettings.clientProblems(CLUSTER, null)).singleElement().asString()
				.contains("failOverReadOnly 是 true (默认)").contains("应为 false");
		assertThat(GaleraSettings.clientProblems("jdbc:mysql:loadbalance://a:1,b:2/x", "false")).singleElement()
				.asString().contains("连接方式 loadbalance").contains("failover 或 sequential");
		assertThat(GaleraSettings.clientProblems("jdbc:mysql:replication://a:1,b:2/x", "false")).hasSize(1);
	}

	@Test
	void shouldAcceptTheSettingsOfCamundasGaleraPage() {
		assertThat(GaleraSettings.serverProblems(good())).isEmpty();
		// MariaDB before 11.1 names the isolation tx_isolation; a server without wsrep_causal_reads is fine
		Map<String, String> older = good();
		older.remove("transaction_isolation");
		older.put("tx_isolation", "READ-COMMITTED");
		older.remove("wsrep_causal_reads");
		assertThat(GaleraSettings.serverProblems(older)).isEmpty();
	}

	@Test
	void shouldNameEverySettingThatDiffers() {
		Map<String, String> bad = good();
		bad.put("wsrep_sync_wait", "0");
		bad.put("binlog_format", "MIXED");
		bad.put("innodb_autoinc_lock_mode", "1");
		bad.put("transaction_isolation", "REPEATABLE-READ");
		bad.put("wsrep_causal_reads", "OFF");
		bad.remove("default_storage_engine");

		assertThat(GaleraSettings.serverProblems(bad)).containsExactly(
				"binlog_format 是 MIXED, 应为 ROW",
				"default_storage_engine 未设置, 应为 InnoDB",
				"innodb_autoinc_lock_mode 是 1, 应为 2",
				"transaction_isolation 是 REPEATABLE-READ, 应为 READ-COMMITTED",
				"wsrep_causal_reads 是 OFF, 应为 ON",
				"wsrep_sync_wait 是 0, 应为 7");
	}

	@Test
	void shouldLeaveH2AndUnreachableServersToThePool() {
		assertThat(GaleraSettings.isMysqlUrl("jdbc:h2:file:./data/desk")).isFalse();
		assertThat(GaleraSettings.isMysqlUrl(CLUSTER)).isTrue();
		// nothing listens on ports 1 and 2: no host answers, the check stays out of the way (Hikari reports it)
		GaleraSettingsCheck.check("jdbc:mysql://127.0.0.1:1,127.0.0.1:2/x", "root", "", new Properties());
		assertThatThrownBy(() -> GaleraSettings.hosts("jdbc:mysql://address=(host=a)(port=1)/x"))
				.hasMessageContaining("host:port");
	}

	@Test
	void shouldTakeTheConnectionPropertiesOverTheUrlAsConnectorJDoes() {
		assertThat(GaleraSettingsCheck.urlOption(CLUSTER + "&failOverReadOnly=true", "failOverReadOnly")).isEqualTo("true");
		assertThat(GaleraSettingsCheck.urlOption(CLUSTER, "failOverReadOnly")).isNull();
	}

	private static Map<String, String> good() {
		Map<String, String> variables = new HashMap<>();
		variables.put("wsrep_on", "ON");
		variables.put("binlog_format", "ROW");
		variables.put("default_storage_engine", "InnoDB");
		variables.put("innodb_autoinc_lock_mode", "2");
		variables.put("transaction_isolation", "READ-COMMITTED");
		variables.put("wsrep_causal_reads", "ON");
		variables.put("wsrep_sync_wait", "7");
		return variables;
	}
}
