package dev.rehearsal.runner.internal.seed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.rehearsal.runner.provision.ScratchDatabase;
import dev.rehearsal.runner.support.EmbeddedServer;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.postgresql.PGConnection;

/**
 * A COPY of many chunks: every row arrives, and a row the server refuses far into the stream fails the COPY with the
 * server's own error (the seeder decides by its SQLSTATE how to go on), leaving the session usable.
 */
class CopyStreamTest {

    private static final int ROWS = 200_000; // about 20 chunks of 256 KB

    @RegisterExtension
    static final EmbeddedServer server = new EmbeddedServer();

    @Test
    void should_send_every_chunk_in_order() throws SQLException {
        try (ScratchDatabase db = server.createDatabase("copy_chunks"); Connection c = db.connect()) {
            execute(c, "CREATE TABLE t (n int PRIMARY KEY, pad text)");

            long stored = stream(c, ROWS);

            assertThat(stored).isEqualTo(ROWS);
            assertThat(Sql.number(db, "SELECT count(*) FROM t")).isEqualTo(ROWS);
            assertThat(Sql.number(db, "SELECT sum(n) FROM t")).isEqualTo((long) ROWS * (ROWS + 1) / 2);
        }
    }

    @Test
    void should_fail_with_the_servers_error_when_a_late_row_is_refused() throws SQLException {
        try (ScratchDatabase db = server.createDatabase("copy_refused"); Connection c = db.connect()) {
            execute(c, "CREATE TABLE t (n int CHECK (n <> 170000), pad text)");
            c.setAutoCommit(false);

            SQLException refused = catchThrowableOfType(SQLException.class, () -> stream(c, ROWS));

            assertThat(refused.getSQLState()).isEqualTo("23514");
            c.rollback(); // the session goes on, as the seeder's does after a refused COPY
            assertThat(Sql.number(db, "SELECT count(*) FROM t")).isZero();
            execute(c, "SELECT 1");
        }
    }

    /** Rows 1..count, each with 40 characters of padding, through a CopyStream as the seeder writes them. */
    private static long stream(Connection c, int count) throws SQLException {
        return CopyStream.copy(c.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY t (n, pad) FROM STDIN (FORMAT text)"),
                sink -> {
                    for (int n = 1; n <= count; n++) {
                        sink.value(Integer.toString(n));
                        sink.value("padding padding padding padding padding ");
                        sink.endRow();
                    }
                });
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
