package db.flywayjava.safe;

import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * CONCURRENTLY builds the index under a ShareUpdateExclusiveLock, which lets writers through. It cannot run in a
 * transaction, so the migration says so with canExecuteInTransaction().
 */
public class V4__Index_orders_by_placed_at extends BaseJavaMigration {

    @Override
    public boolean canExecuteInTransaction() {
        return false;
    }

    @Override
    public void migrate(Context context) throws Exception {
        try (Statement statement = context.getConnection().createStatement()) {
            statement.execute("CREATE INDEX CONCURRENTLY orders_placed_at_idx ON orders (placed_at)");
        }
    }
}
