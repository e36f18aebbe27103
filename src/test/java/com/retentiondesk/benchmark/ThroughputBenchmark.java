package com.retentiondesk.benchmark;

import org.junit.jupiter.api.Tag;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * Issue #10 on H2: the arrears scan at 10,000 and 100,000 customers next to the bare engine and raw
 * JDBC, a storm of 10,000 due timers, then start-up time and heap of a second desk JVM with 100,000
 * waiting cases. One table of lines starting with {@code BENCHMARK}. H2 is a file database here (under
 * {@code target/benchmark-h2/}) so that the second JVM can open it once this one has let go of it.
 * Run with {@code mvn -o -DskipTests package && mvn -o -Pbenchmark test -Dtest=ThroughputBenchmark}
 * (sizes: see {@link ThroughputBenchmarkRun}).
 */
@Tag("benchmark")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "spring.datasource.url=jdbc:h2:file:./target/benchmark-h2/desk-${random.uuid};DB_CLOSE_ON_EXIT=FALSE")
@ActiveProfiles("test")
@Import(StatementCounter.Install.class)
class ThroughputBenchmark extends ThroughputBenchmarkRun {
}
