package db.flywayjava.codebug;

import java.sql.ResultSet;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/** Reads the variables, then throws whatever it read: the code's own defect, not the data's. */
public class V2__Variable_kind_check extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        try (Statement statement = context.getConnection().createStatement();
             ResultSet rows = statement.executeQuery("SELECT count(*) FROM variables")) {
            rows.next();
            throw new IllegalStateException("kind check is not implemented (" + rows.getLong(1) + " variables)");
        }
    }
}
