package dev.rehearsal.runner.internal.provision;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.runner.provision.ScratchDatabase;
import dev.rehearsal.runner.support.EmbeddedServer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Dropping a scratch database waits a moment for sessions that are ending already, and still ends a session someone
 * left open: the wait is bounded, and the drop never fails because of a session.
 */
class ScratchDatabaseDropTest {

    @RegisterExtension
    static final EmbeddedServer server = new EmbeddedServer();

    @Test
    void should_drop_a_database_whose_sessions_were_closed_a_moment_before() throws SQLException {
        // GIVEN sessions closed by their clients right before the drop (their backends may still be exiting)
        ScratchDatabase database = server.createDatabase("drop_closed");
        for (int i = 0; i < 3; i++) {
            database.connect().close();
        }

        // WHEN
        database.close();

        // THEN
        assertThat(exists(database.name())).isFalse();
    }

    @Test
    void should_end_a_session_left_open_and_drop_the_database() throws SQLException {
        // GIVEN a session its client never closes
        ScratchDatabase database = server.createDatabase("drop_open");
        try (Connection leftOpen = database.connect()) {
            // WHEN
            database.close();

            // THEN the session was ended and the database is gone
            assertThat(leftOpen.isValid(2)).isFalse();
            assertThat(exists(database.name())).isFalse();
        }
    }

    private static boolean exists(String name) throws SQLException {
        try (ScratchDatabase other = server.createDatabase("drop_lookup");
             Connection connection = other.connect();
             PreparedStatement query = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            query.setString(1, name);
            try (ResultSet rs = query.executeQuery()) {
                return rs.next();
            }
        }
    }
}
