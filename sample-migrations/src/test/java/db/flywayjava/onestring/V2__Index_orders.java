package db.flywayjava.onestring;

import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/** Two index builds sent in one string, as Java migrations often do: each blocks writes while it builds. */
public class V2__Index_orders extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        try (Statement statement = context.getConnection().createStatement()) {
            statement.execute("CREATE INDEX orders_status_idx ON orders (status);"
                    + " CREATE INDEX orders_customer_idx ON orders (customer_id);");
        }
    }
}
