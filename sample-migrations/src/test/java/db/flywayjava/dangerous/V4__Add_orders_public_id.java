package db.flywayjava.dangerous;

import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Orders get a public identifier for links in e-mails. A volatile default needs a value per existing row: PostgreSQL
 * rewrites the whole table under an AccessExclusiveLock.
 */
public class V4__Add_orders_public_id extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        try (Statement statement = context.getConnection().createStatement()) {
            statement.execute("SET lock_timeout = '2s'");
            statement.execute("ALTER TABLE orders ADD COLUMN public_id uuid DEFAULT gen_random_uuid()");
        }
    }
}
