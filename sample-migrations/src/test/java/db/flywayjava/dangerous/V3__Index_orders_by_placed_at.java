package db.flywayjava.dangerous;

import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Reports list recent orders. A plain CREATE INDEX holds a ShareLock on orders until the build ends: reads go on,
 * every INSERT, UPDATE and DELETE waits.
 */
public class V3__Index_orders_by_placed_at extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        try (Statement statement = context.getConnection().createStatement()) {
            statement.execute("CREATE INDEX orders_placed_at_idx ON orders (placed_at);");
        }
    }
}
