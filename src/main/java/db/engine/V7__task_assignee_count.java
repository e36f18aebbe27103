package db.engine;

import java.sql.Statement;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * 我的任务's count read from the index alone: {@code DESK_IDX_TASK_ASSIGNEE_DUE} (V3) also carries the two
 * columns the count checks besides the assignee, the tenant and the process definition. Without them the
 * count read each of the manager's task rows (16 ms for 3,000 tasks at 100,000 open tasks on MariaDB with a
 * 128 MB buffer pool, 1 ms from the index). The page still walks the index in due-date order. A Java
 * migration because H2 and MySQL/MariaDB drop an index with different statements.
 */
public class V7__task_assignee_count extends BaseJavaMigration {

	@Override
	public void migrate(Context context) throws Exception {
		boolean h2 = context.getConnection().getMetaData().getDatabaseProductName().startsWith("H2");
		try (Statement statement = context.getConnection().createStatement()) {
			statement.execute(h2 ? "DROP INDEX DESK_IDX_TASK_ASSIGNEE_DUE"
					: "DROP INDEX DESK_IDX_TASK_ASSIGNEE_DUE ON ACT_RU_TASK");
			statement.execute("CREATE INDEX DESK_IDX_TASK_ASSIGNEE_DUE ON ACT_RU_TASK (ASSIGNEE_, DUE_DATE_, TENANT_ID_, "
					+ "PROC_DEF_ID_)");
		}
	}
}
