package db.flywayjava.onestring;

import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/** Adds a column, fills it and drops the old one, in one string: the UPDATE reads the table, nothing is validated. */
public class V3__Replace_orders_note extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        try (Statement statement = context.getConnection().createStatement()) {
            statement.execute("ALTER TABLE orders ADD COLUMN remark text; UPDATE orders SET remark = note;"
                    + " ALTER TABLE orders DROP COLUMN note");
        }
    }
}
