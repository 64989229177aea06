package dev.rehearsal.runner.internal.engine;

import dev.rehearsal.runner.core.ErrorCode;
import dev.rehearsal.runner.core.RehearsalException;
import java.sql.SQLException;

/**
 * Errors of Rehearsal's own SQL (not the migrations'): a lost server is infrastructure, anything else a defect.
 * Migration errors never get here; they are results, reported with their file and line.
 */
final class SqlFailures {

    private SqlFailures() {
    }

    /**
     * @param migration the migration being rehearsed when the query failed (its up script), or {@code null}
     *                  between migrations
     * @param besideParity whether Flyway was applying the whole chain beside the rehearsal, in its own database:
     *                     then a later migration applied there may be what filled the disk
     */
    static RehearsalException duringRehearsal(SQLException e, String migration, boolean besideParity) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String when = migration == null ? "during the rehearsal" : "while rehearsing " + migration;
        if (state.equals("53100")) {
            return ServerLoss.diskFull(when + (besideParity ? ServerLoss.BESIDE_PARITY : ""),
                    e.getMessage() + " [SQLSTATE 53100]", e);
        }
        if (state.startsWith("08") || state.startsWith("57P")) {
            return new RehearsalException(ErrorCode.CONNECTION_LOST, "Lost the connection to PostgreSQL " + when
                    + " (" + e.getMessage() + "). The server stopped or was killed; rehearse again, with --verbose "
                    + "to see its log.", e);
        }
        return new RehearsalException(ErrorCode.INTERNAL_ERROR, "Rehearsal's own query failed: " + e.getMessage()
                + " [SQLSTATE " + state + "]. This is a defect in Rehearsal: please report it with the output of "
                + "--verbose.", e);
    }
}
