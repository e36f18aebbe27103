package com.retentiondesk.system;

import javax.sql.DataSource;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Our own migrations on the engine's tables ({@code db/engine}), run once the engine has created or
 * updated its schema: Flyway's main run ({@code db/migration}) comes before the engine, when those
 * tables may not exist yet. A separate history table keeps the two apart; Flyway's lock makes nodes
 * that start together apply each migration once.
 */
@Component
class EngineIndexes extends AbstractProcessEnginePlugin {

	static final String HISTORY_TABLE = "desk_engine_schema_history";
	private static final Logger log = LoggerFactory.getLogger(EngineIndexes.class);

	private final DataSource dataSource;

	EngineIndexes(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	@Override
	public void postProcessEngineBuild(ProcessEngine engine) {
		MigrateResult result = Flyway.configure()
				.dataSource(dataSource)
				.locations("classpath:db/engine")
				.table(HISTORY_TABLE)
				// the schema is not empty (our tables, the engine's): start the history at version 0
				.baselineOnMigrate(true)
				.baselineVersion("0")
				.load()
				.migrate();
		if (result.migrationsExecuted > 0) {
			log.info("applied {} migration(s) to the engine's tables, now at version {}", result.migrationsExecuted,
					result.targetSchemaVersion);
		}
	}
}
