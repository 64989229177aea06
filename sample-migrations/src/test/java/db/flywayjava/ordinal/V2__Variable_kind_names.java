package db.flywayjava.ordinal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Stores each variable's type by name instead of by position, as real histories do: it reads the positions and
 * looks each one up in the enum, which throws on any position the application never wrote.
 */
public class V2__Variable_kind_names extends BaseJavaMigration {

    enum Kind { STRING, OBJECT }

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        try (Statement statement = connection.createStatement();
             PreparedStatement update = connection.prepareStatement("UPDATE variables SET kind = ? WHERE id = ?")) {
            statement.execute("ALTER TABLE variables ALTER COLUMN kind TYPE varchar(255)");
            try (ResultSet rows = statement.executeQuery("SELECT id, kind FROM variables")) {
                while (rows.next()) {
                    update.setString(1, Kind.values()[rows.getInt("kind")].name());
                    update.setLong(2, rows.getLong("id"));
                    update.addBatch();
                }
            }
            update.executeBatch();
        }
    }
}
