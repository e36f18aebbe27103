package com.retentiondesk.benchmark;

import org.junit.jupiter.api.Tag;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/** {@link TasklistBenchmark} on MariaDB/MySQL: needs DB_URL, DB_USER, DB_PASSWORD and DESK_ADMIN_* (docs/benchmarks.md). */
@Tag("benchmark")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "camunda.bpm.job-execution.enabled=false", "desk.demo.enabled=true", "desk.demo.customers=false",
				"desk.demo.password=Retention#2026" })
@ActiveProfiles("mysql")
@Import(StatementCounter.Install.class)
class TasklistMariaDbBenchmark extends TasklistBenchmarkRun {
}
