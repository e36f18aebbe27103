package com.retentiondesk.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * docker/ cannot be run here (no Docker engine), so this test keeps it in step with the application:
 * the variables the mysql profile needs, the port, the profile, the health check and the database.
 */
class DockerFilesTest {

	private static final String GALERA = "docker/compose-galera.yaml";
	private static final Pattern REQUIRED_VARIABLE = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)}");
	private static final Pattern ANY_VARIABLE = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(:[^}]*)?}");

	@Test
	void shouldGiveTheAppEveryVariableTheMysqlProfileRequires() throws IOException {
		Map<String, Object> app = service("app");
		Map<String, Object> environment = (Map<String, Object>) app.get("environment");

		Set<String> required = variables(Path.of("src/main/resources/application-mysql.yaml"), REQUIRED_VARIABLE);

		assertThat(required).contains("DB_URL", "DB_USER", "DB_PASSWORD", "DESK_ADMIN_USER", "DESK_ADMIN_PASSWORD");
		assertThat(environment).containsKeys(required.toArray(String[]::new));
		assertThat(environment).containsEntry("SPRING_PROFILES_ACTIVE", "mysql").containsKeys("MAIL_HOST", "MAIL_PORT");
		// every variable the application reads and compose sets is spelled as the application spells it
		Set<String> known = variables(Path.of("src/main/resources/application.yaml"), ANY_VARIABLE);
		known.addAll(variables(Path.of("src/main/resources/application-mysql.yaml"), ANY_VARIABLE));
		known.addAll(List.of("SPRING_PROFILES_ACTIVE", "TZ"));
		assertThat(known).containsAll(environment.keySet());
	}

	@Test
	void shouldPointTheAppAtTheComposeDatabaseAndPort() throws IOException {
		Map<String, Object> app = service("app");
		Map<String, Object> mysql = service("mysql");
		String url = (String) ((Map<String, Object>) app.get("environment")).get("DB_URL");
		String database = (String) ((Map<String, Object>) mysql.get("environment")).get("MYSQL_DATABASE");

		assertThat(url).startsWith("jdbc:mysql://mysql:3306/" + database);
		assertThat((List<String>) app.get("ports")).anyMatch(p -> p.endsWith(":8080"));
		assertThat((Map<String, Object>) app.get("depends_on")).containsKey("mysql");
		assertThat((List<String>) mysql.get("command")).contains("--collation-server=utf8mb4_bin");
	}

	@Test
	void shouldGiveTheGaleraVariantsAppTheSameVariablesAndEveryNodeInTheUrl() throws IOException {
		Map<String, Object> app = service(GALERA, "app");
		Map<String, Object> environment = (Map<String, Object>) app.get("environment");
		Map<String, Object> plainEnvironment = (Map<String, Object>) service("app").get("environment");

		// the same variables as the single-database compose file, so the profile gets all it needs
		assertThat(environment.keySet()).containsExactlyInAnyOrderElementsOf(plainEnvironment.keySet());
		String url = (String) environment.get("DB_URL");
		assertThat(url).startsWith("jdbc:mysql://galera1:3306,galera2:3306,galera3:3306/retention_desk?");
		assertThat(environment).containsEntry("DB_DIALECT", "org.hibernate.dialect.MariaDBDialect");
		assertThat((Map<String, Object>) app.get("depends_on")).containsKeys("galera1", "galera2", "galera3");
		for (String node : List.of("galera1", "galera2", "galera3")) {
			Map<String, Object> service = service(GALERA, node);
			assertThat((List<String>) service.get("volumes")).as(node).contains("./galera/galera.cnf:/etc/mysql/conf.d/galera.cnf:ro");
			assertThat((List<String>) service.get("command")).as(node).contains("--wsrep_node_name=" + node,
					"--wsrep_node_address=" + node);
			assertThat(((Map<String, Object>) service.get("environment")).get("MARIADB_DATABASE")).isEqualTo("retention_desk");
			assertThat(service.get("healthcheck").toString()).as(node).contains("Synced");
		}
		assertThat(service(GALERA, "galera1").get("entrypoint").toString()).contains("--wsrep-new-cluster");
		assertThat(service(GALERA, "galera2").get("entrypoint")).as("only the first node bootstraps").isNull();
	}

	@Test
	void shouldConfigureEveryGaleraNodeExactlyAsCamundaRequires() throws IOException {
		List<String> lines = Files.readAllLines(Path.of("docker/galera/galera.cnf")).stream().map(String::trim).toList();

		// Camunda 7.24 "MariaDB Galera Database Configuration"; the desk's start-up check asks for the same
		assertThat(lines).contains("[galera]", "binlog_format=row", "default_storage_engine=InnoDB",
				"innodb_autoinc_lock_mode=2", "transaction-isolation=READ-COMMITTED", "wsrep_on=ON", "wsrep_causal_reads=1",
				"wsrep_sync_wait=7", "wsrep_cluster_address=gcomm://galera1,galera2,galera3", "collation-server=utf8mb4_bin");
	}

	@Test
	void shouldListWhatTheGaleraVariantRequiresInTheEnvExample() throws IOException {
		Set<String> exampleKeys = new LinkedHashSet<>();
		for (String line : Files.readAllLines(Path.of("docker/.env.example"))) {
			if (line.matches("[A-Z_]+=.*")) {
				exampleKeys.add(line.substring(0, line.indexOf('=')));
			}
		}
		Matcher mandatory = Pattern.compile("\\$\\{([A-Z_]+):\\?").matcher(Files.readString(Path.of(GALERA)));
		while (mandatory.find()) {
			assertThat(exampleKeys).as(".env.example lists what compose-galera.yaml requires").contains(mandatory.group(1));
		}
	}

	@Test
	void shouldBuildANonRootImageWithTheMysqlProfileAndAHealthCheck() throws IOException {
		String dockerfile = Files.readString(Path.of("docker/Dockerfile"));

		assertThat(dockerfile).contains("EXPOSE 8080").contains("/actuator/health").contains("SPRING_PROFILES_ACTIVE=mysql")
				.contains("TZ=Asia/Shanghai").containsPattern("(?m)^USER (?!root)\\w+").contains("extract --layers");
		Set<String> exampleKeys = new LinkedHashSet<>();
		for (String line : Files.readAllLines(Path.of("docker/.env.example"))) {
			if (line.matches("[A-Z_]+=.*")) {
				exampleKeys.add(line.substring(0, line.indexOf('=')));
			}
		}
		Matcher mandatory = Pattern.compile("\\$\\{([A-Z_]+):\\?").matcher(Files.readString(Path.of("docker/compose.yaml")));
		while (mandatory.find()) {
			assertThat(exampleKeys).as(".env.example lists what compose.yaml requires").contains(mandatory.group(1));
		}
	}

	private static Map<String, Object> service(String name) throws IOException {
		return service("docker/compose.yaml", name);
	}

	private static Map<String, Object> service(String file, String name) throws IOException {
		try (Reader reader = Files.newBufferedReader(Path.of(file))) {
			Map<String, Object> compose = new Yaml().load(reader);
			return (Map<String, Object>) ((Map<String, Object>) compose.get("services")).get(name);
		}
	}

	private static Set<String> variables(Path file, Pattern pattern) throws IOException {
		Set<String> names = new LinkedHashSet<>();
		Matcher matcher = pattern.matcher(Files.readString(file));
		while (matcher.find()) {
			names.add(matcher.group(1));
		}
		return names;
	}
}
