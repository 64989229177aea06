package db.flywayjava.undo;

import java.sql.Statement;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * The undo of V2 as a Java class. Open-source Flyway's BaseJavaMigration accepts only V and R names, so an undo class
 * implements JavaMigration itself (Flyway Teams runs it with flyway undo).
 */
public class U2__Add_orders_note implements JavaMigration {

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("2");
    }

    @Override
    public String getDescription() {
        return "Add orders note";
    }

    @Override
    public Integer getChecksum() {
        return null;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws Exception {
        try (Statement statement = context.getConnection().createStatement()) {
            statement.execute("ALTER TABLE orders DROP COLUMN note");
        }
    }
}
