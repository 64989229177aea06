package dev.rehearsal.runner.internal.engine;

import dev.rehearsal.report.StepFailure;
import dev.rehearsal.runner.core.ErrorCode;
import dev.rehearsal.runner.core.RehearsalException;
import dev.rehearsal.runner.provision.PostgresServer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Tells, after a migration step failed, whether the migration failed or the infrastructure did. A full disk is
 * the infrastructure, whether the statement met it (53100) or the server PANICked writing WAL and took the
 * connection with it. A lost connection is the infrastructure when the server is gone (killed, crashed, stopped),
 * and the migration's own doing when the server still answers: {@code pg_terminate_backend(pg_backend_pid())}
 * ends only the migration's session.
 */
final class ServerLoss {

    private static final long RECOVERY_WAIT_NANOS = 5_000_000_000L;
    static final String BESIDE_PARITY = ", with Flyway applying the whole chain beside it for the parity check";

    private ServerLoss() {
    }

    /**
     * @param failure the step's failure, or {@code null}
     * @param probe   connects to the server, to see whether it still answers
     * @param server  the server, asked whether a full disk stopped it
     * @param besideParity whether Flyway was applying the whole chain beside the step, in its own database: then
     *                     its writes may be what filled the disk, and the message must not blame the step alone
     * @throws RehearsalException {@link ErrorCode#DISK_FULL} or {@link ErrorCode#CONNECTION_LOST}
     */
    static void check(StepFailure failure, DataSource probe, PostgresServer server, boolean besideParity) {
        if (failure == null) {
            return;
        }
        String state = failure.sqlState() == null ? "" : failure.sqlState();
        String where = failure.script() + ":" + failure.line() + (besideParity ? BESIDE_PARITY : "");
        if (state.equals("53100")) {
            throw diskFull("while running " + where, failure.message() + " [SQLSTATE 53100]", null);
        }
        if ((state.startsWith("08") || state.startsWith("57P")) && !answers(probe)) {
            Optional<String> diskFull = server.diskFullEvidence();
            if (diskFull.isPresent()) {
                throw diskFull("while running " + where, failure.message() + " [SQLSTATE " + state
                        + "]; the server stopped: " + diskFull.get(), null);
            }
            throw new RehearsalException(ErrorCode.CONNECTION_LOST, "Lost PostgreSQL while running " + where + ": "
                    + failure.message() + " [SQLSTATE " + state + "], and the server no longer accepts connections: "
                    + "it was stopped, killed or crashed. Rehearse again; if it happens again, look for the cause "
                    + "in the system log (an out-of-memory kill, say).");
        }
    }

    /**
     * Whether the migration's statements ended the session they ran on ({@code pg_terminate_backend} of its own
     * backend, a Java migration closing its connection), so that the next migration needs a new one. A statement
     * fails when its session ends under it, so a step without a failure is not asked about (a round trip saved
     * per migration).
     */
    static boolean endedItsSession(StepResults results, Connection connection) throws SQLException {
        boolean failed = results.roundTrip().failure() != null || !results.downDeadlocks().isEmpty();
        return connection.isClosed() || failed && !connection.isValid(5);
    }

    /**
     * A lost connection found by any of Rehearsal's sessions (the catalog reader's, the seeder's, the history's),
     * told apart in the same way: when the server's disk filled up, the failure is {@link ErrorCode#DISK_FULL}.
     * Must be asked while the server's files still exist, before it is closed.
     *
     * @param migration    the up script being rehearsed, or {@code null} between migrations
     * @param besideParity whether Flyway was applying the whole chain beside the rehearsal, in its own database:
     *                     then a later migration applied there may be what filled the disk
     */
    static RehearsalException explain(RehearsalException failure, PostgresServer server, String migration,
            boolean besideParity) {
        String when = (migration == null ? "during the rehearsal" : "while rehearsing " + migration)
                + (besideParity ? BESIDE_PARITY : "");
        if (failure.code() == ErrorCode.DISK_FULL && !failure.getMessage().startsWith(DISK_FULL)) {
            return diskFull(when, failure.getMessage(), failure); // met by provisioning (a scratch database's clone)
        }
        if (failure.code() != ErrorCode.CONNECTION_LOST) {
            return failure;
        }
        Optional<String> diskFull = server.diskFullEvidence();
        if (diskFull.isEmpty()) {
            return failure;
        }
        return diskFull(when, diskFull.get(), failure);
    }

    private static final String DISK_FULL = "PostgreSQL ran out of disk space ";

    /**
     * The one disk-full message, whichever query met the full disk first: the migration's statement (53100 on a
     * data file), or Rehearsal's own query after the server PANICked writing WAL (the same fact, found later).
     *
     * @param when   "while running V2__fill.sql:1", "while rehearsing V2__fill.sql" or "during the rehearsal"
     * @param detail PostgreSQL's message with its SQLSTATE
     */
    static RehearsalException diskFull(String when, String detail, Throwable cause) {
        Path runs = Path.of(System.getProperty("java.io.tmpdir"), "rehearsal-runs");
        return new RehearsalException(ErrorCode.DISK_FULL, DISK_FULL + when + " ("
                + detail + "). Free space on the server's disk (an embedded server keeps its data under " + runs
                + "), or rehearse with fewer --rows; java -Djava.io.tmpdir=<dir> moves the embedded server to a "
                + "larger disk.", cause);
    }

    /** Whether the server accepts a connection; one recovering from a crashed backend gets a few seconds. */
    private static boolean answers(DataSource probe) {
        long deadline = System.nanoTime() + RECOVERY_WAIT_NANOS;
        while (true) {
            try (Connection connection = probe.getConnection(); Statement statement = connection.createStatement()) {
                statement.setQueryTimeout(10);
                statement.execute("SELECT 1");
                return true;
            } catch (SQLException e) {
                if (!"57P03".equals(e.getSQLState()) || System.nanoTime() > deadline) {
                    return false;
                }
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }
}
