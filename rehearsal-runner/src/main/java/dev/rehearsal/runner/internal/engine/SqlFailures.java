package dev.rehearsal.runner.internal.engine;

import dev.rehearsal.runner.ErrorCode;
import dev.rehearsal.runner.RehearsalException;
import java.sql.SQLException;

/**
 * Errors of Rehearsal's own SQL (not the migrations'): a lost server is infrastructure, anything else a defect.
 * Migration errors never get here; they are results, reported with their file and line.
 */
final class SqlFailures {

    private SqlFailures() {
    }

    static RehearsalException duringRehearsal(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        if (state.startsWith("08") || state.startsWith("57P") || state.equals("53100")) {
            boolean diskFull = state.equals("53100");
            return new RehearsalException(diskFull ? ErrorCode.DISK_FULL : ErrorCode.CONNECTION_LOST,
                    (diskFull ? "PostgreSQL ran out of disk space" : "Lost the connection to PostgreSQL")
                            + " during the rehearsal (" + e.getMessage() + "). "
                            + (diskFull ? "Free space under the temporary directory and rehearse again."
                                    : "The server stopped or was killed; rehearse again, with --verbose to see its log."),
                    e);
        }
        return new RehearsalException(ErrorCode.INTERNAL_ERROR, "Rehearsal's own query failed: " + e.getMessage()
                + " [SQLSTATE " + state + "]. This is a defect in Rehearsal: please report it with the output of "
                + "--verbose.", e);
    }
}
