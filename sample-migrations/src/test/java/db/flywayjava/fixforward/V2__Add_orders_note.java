package db.flywayjava.fixforward;

import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/** A nullable column, shipped fix-forward: no undo script and no undo class. */
public class V2__Add_orders_note extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        try (Statement statement = context.getConnection().createStatement()) {
            statement.execute("SET lock_timeout = '2s'");
            statement.execute("ALTER TABLE orders ADD COLUMN note text");
        }
    }
}
