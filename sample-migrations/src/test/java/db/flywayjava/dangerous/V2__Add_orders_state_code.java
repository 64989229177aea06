package db.flywayjava.dangerous;

import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * A compact state code added and filled in one migration. Flyway runs it in one transaction, so the ADD COLUMN's
 * AccessExclusiveLock is held until every row is updated, by one UPDATE over the whole table.
 */
public class V2__Add_orders_state_code extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        try (Statement statement = context.getConnection().createStatement()) {
            statement.execute("SET lock_timeout = '2s'");
            statement.execute("ALTER TABLE orders ADD COLUMN state_code smallint");
            statement.executeUpdate("UPDATE orders SET state_code = CASE state WHEN 'open' THEN 1 WHEN 'paid' THEN 2"
                    + " WHEN 'shipped' THEN 3 ELSE 9 END");
        }
    }
}
