package com.retentiondesk.benchmark;

import org.junit.jupiter.api.Tag;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * {@link ThroughputBenchmark} on MariaDB/MySQL: needs DB_URL (an empty database of its own), DB_USER,
 * DB_PASSWORD, DB_DIALECT and DESK_ADMIN_* as for the mysql profile (docs/benchmarks.md). The
 * second JVM of the start-up measurement gets the same environment.
 */
@Tag("benchmark")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "camunda.bpm.job-execution.enabled=false", "desk.demo.enabled=true", "desk.demo.customers=false",
				"desk.demo.password=Retention#2026" })
@ActiveProfiles("mysql")
@Import(StatementCounter.Install.class)
class ThroughputMariaDbBenchmark extends ThroughputBenchmarkRun {
}
