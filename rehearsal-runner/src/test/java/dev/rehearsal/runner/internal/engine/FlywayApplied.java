package dev.rehearsal.runner.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.runner.config.RehearsalConfig;
import dev.rehearsal.runner.provision.PostgresServer;
import dev.rehearsal.runner.provision.ScratchDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;

/** What Flyway itself makes of a chain: the witness the tests hold a rehearsal against. */
final class FlywayApplied {

    private FlywayApplied() {
    }

    /**
     * Applies the chain of {@code config} with Flyway to a fresh database of {@code server}, which must succeed, and
     * answers {@code query} there: the first column of its one row, as text.
     */
    static String answer(PostgresServer server, RehearsalConfig config, String query) throws SQLException {
        try (ScratchDatabase database = server.createDatabase("flyway_witness");
             Connection connection = database.connect()) {
            assertThat(FlywayParity.apply(database, config, null).problems()).isEmpty();
            try (ResultSet rs = connection.createStatement().executeQuery(query)) {
                rs.next();
                return rs.getString(1);
            }
        }
    }
}
