package dev.rehearsal.runner.internal.load;

import dev.rehearsal.runner.internal.seed.RowSink;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/** Binds a generated row to an INSERT's parameters, in column order. */
final class InsertValues implements RowSink {

    private final PreparedStatement statement;
    private int index = 1;

    InsertValues(PreparedStatement statement) {
        this.statement = statement;
    }

    @Override
    public void value(CharSequence text) {
        bind(text.toString());
    }

    @Override
    public void nullValue() {
        bind(null);
    }

    @Override
    public void endRow() {
        // the statement runs next
    }

    private void bind(String value) {
        try {
            LoadClient.bind(statement, index++, value);
        } catch (SQLException e) {
            throw new IllegalStateException("binding parameter " + (index - 1) + " failed: " + e.getMessage(), e);
        }
    }
}
