package dev.rehearsal.runner.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * What the embedded PostgreSQL of a rehearsal run is doing, read from its {@code pg_stat_activity}: a test that
 * signals or kills a run waits for the statement it means to interrupt instead of sleeping and hoping it started.
 * The server is found through the run directory that the owning process (this JVM or a spawned {@code rehearse})
 * locked, and its {@code postmaster.pid}, whose fourth line is the port.
 */
public final class ServerActivity {

    private ServerActivity() {
    }

    /**
     * Waits until a session other than the write load's, the monitor's or a long reader's (whose application names
     * start with {@code rehearsal-}) runs a statement matching {@code queryLike}
     * (a LIKE pattern) on the server of a run owned by {@code owner}.
     */
    public static void awaitRunning(long owner, String queryLike) throws Exception {
        Await.until("a statement like " + queryLike + " running on the server of process " + owner,
                () -> running(owner, queryLike), n -> n > 0);
    }

    private static long running(long owner, String queryLike) throws IOException {
        for (Path run : Leftovers.before().runDirectoriesOf(owner)) {
            Path pidFile = run.resolve("data/postmaster.pid");
            List<String> lines = Files.isReadable(pidFile) ? Files.readAllLines(pidFile) : List.of();
            if (lines.size() < 4) {
                continue; // not started yet
            }
            try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + lines.get(3).trim()
                    + "/postgres?connectTimeout=10", "postgres", "");
                 PreparedStatement query = c.prepareStatement("SELECT count(*) FROM pg_stat_activity WHERE state = "
                         + "'active' AND application_name NOT LIKE 'rehearsal-%' AND query LIKE ? AND pid <> pg_backend_pid()")) {
                query.setString(1, queryLike);
                try (ResultSet rs = query.executeQuery()) {
                    rs.next();
                    if (rs.getLong(1) > 0) {
                        return rs.getLong(1);
                    }
                }
            } catch (SQLException e) {
                // starting or stopping: look again
            }
        }
        return 0;
    }
}
