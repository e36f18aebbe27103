package db.migration;

import java.sql.Statement;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * The outbox status takes the delivery outcomes of SMS (DELIVERED, UNKNOWN, OPTED_OUT...): the column widens
 * from 8 to 16 characters. A Java migration because H2 and MySQL/MariaDB change a column's type with
 * different statements.
 */
public class V21__sms_delivery_status extends BaseJavaMigration {

	@Override
	public void migrate(Context context) throws Exception {
		boolean h2 = context.getConnection().getMetaData().getDatabaseProductName().startsWith("H2");
		try (Statement statement = context.getConnection().createStatement()) {
			statement.execute(h2 ? "ALTER TABLE outbox_message ALTER COLUMN status VARCHAR(16) NOT NULL"
					: "ALTER TABLE outbox_message MODIFY status VARCHAR(16) NOT NULL");
		}
	}
}
