package db.flywayjava.safe;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * The data change in a migration of its own, in batches of 1 000 keys that each commit (the migration runs outside a
 * transaction, so each UPDATE commits on its own): no row stays locked for long, and a rerun continues where it
 * stopped, because only rows still without a code are updated.
 */
public class V3__Backfill_orders_state_code extends BaseJavaMigration {

    private static final long BATCH = 1_000;

    @Override
    public boolean canExecuteInTransaction() {
        return false;
    }

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        long lastId;
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT coalesce(max(id), 0) FROM orders")) {
            rs.next();
            lastId = rs.getLong(1);
        }
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE orders SET state_code = CASE state WHEN 'open' THEN 1 WHEN 'paid' THEN 2"
                        + " WHEN 'shipped' THEN 3 ELSE 9 END"
                        + " WHERE id > ? AND id <= ? AND state_code IS NULL")) {
            for (long from = 0; from < lastId; from += BATCH) {
                update.setLong(1, from);
                update.setLong(2, from + BATCH);
                update.executeUpdate();
            }
        }
    }
}
