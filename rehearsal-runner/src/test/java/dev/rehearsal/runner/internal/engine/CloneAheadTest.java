package dev.rehearsal.runner.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rehearsal.runner.PostgresProviders;
import dev.rehearsal.runner.core.ErrorCode;
import dev.rehearsal.runner.core.RehearsalException;
import dev.rehearsal.runner.provision.PostgresServer;
import dev.rehearsal.runner.provision.ScratchDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The run's second scratch database, cloned on a thread of its own: nothing of it outlives the run. */
class CloneAheadTest {

    private static PostgresServer server;
    private static ScratchDatabase observer;

    @BeforeAll
    static void start() {
        server = PostgresProviders.embedded().start();
        observer = server.createDatabase("observer");
    }

    @AfterAll
    static void stop() {
        observer.close();
        server.close();
    }

    @Test
    void should_hand_over_a_database_cloned_while_the_caller_cloned_its_own() throws SQLException {
        // WHEN one database is cloned ahead while this thread clones another
        try (CloneAhead ahead = CloneAhead.start(() -> server.createDatabase("ahead"), "test")) {
            try (ScratchDatabase own = server.createDatabase("own"); ScratchDatabase taken = ahead.get()) {
                // THEN both exist, and the clone's thread has ended
                assertThat(databases()).contains(own.name(), taken.name());
                assertThat(cloneThreads()).isEmpty();
                try (Connection connection = taken.connect(); Statement statement = connection.createStatement()) {
                    statement.execute("CREATE TABLE t (id int)");
                }
            }
        }
        // AND both are gone once closed
        assertThat(databases()).containsExactly(observer.name());
    }

    @Test
    void should_drop_a_database_nobody_took() throws SQLException {
        // WHEN the run ends before it needed the database cloned ahead (a failed chain, say)
        List<String> names = new ArrayList<>();
        try (CloneAhead ahead = CloneAhead.start(() -> {
            ScratchDatabase database = server.createDatabase("unused");
            names.add(database.name());
            return database;
        }, "test")) {
            assertThat(ahead).isNotNull();
        }
        // THEN close waited for the clone and dropped it
        assertThat(names).hasSize(1);
        assertThat(databases()).doesNotContain(names.get(0)).containsExactly(observer.name());
        assertThat(cloneThreads()).isEmpty();
    }

    @Test
    void should_drop_a_taken_database_when_its_user_is_abandoned() throws SQLException {
        // GIVEN a database that was taken and is in use
        CloneAhead ahead = CloneAhead.start(() -> server.createDatabase("abandoned"), "test");
        ScratchDatabase taken = ahead.get();
        try (Connection user = taken.connect()) {
            // WHEN its user is abandoned
            ahead.discard();
            // THEN the database is gone, its session ended with it
            assertThat(databases()).doesNotContain(taken.name());
            assertThat(user.isValid(5)).isFalse();
        }
        ahead.close(); // closing after discard is harmless
        taken.close();
    }

    @Test
    void should_throw_the_clone_failure_to_whoever_takes_the_database() {
        RehearsalException failure = new RehearsalException(ErrorCode.DISK_FULL, "No space left on device");
        try (CloneAhead ahead = CloneAhead.start(() -> {
            throw failure;
        }, "test")) {
            assertThatThrownBy(ahead::get).isSameAs(failure);
        }
        assertThat(cloneThreads()).isEmpty();
    }

    private static List<String> databases() throws SQLException {
        List<String> names = new ArrayList<>();
        try (Connection connection = observer.connect(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(
                     "SELECT datname FROM pg_database WHERE datname LIKE 'rehearsal\\_%' ORDER BY datname")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }

    private static List<String> cloneThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(n -> n.startsWith("rehearsal-clone-")).toList();
    }
}
