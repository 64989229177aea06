package dev.rehearsal.runner.source;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * A decision the migration tool makes on the live database just before it applies a migration, which no script shows:
 * a Liquibase changeSet's preconditions. The rehearsal asks it at the same point of the chain, on the rehearsal's
 * database, and follows the answer as the tool would.
 */
public interface RunCondition {

    /**
     * Asks the condition on a session of the database the chain has reached. Give it a session of its own: the
     * condition may change the session's settings (Liquibase turns autocommit off) but does not close it.
     */
    Decision check(Connection connection) throws SQLException;

    /** What the tool does with the migration. */
    enum Outcome {
        /** Applies it (the condition held, or failed with a warning only). */
        RUN,
        /** Leaves it out, the chain going on (Liquibase's onFail CONTINUE or MARK_RAN). */
        SKIP,
        /** Stops the whole update (Liquibase's default onFail HALT). */
        HALT
    }

    /**
     * @param outcome what the tool does
     * @param reason  why, in the tool's words ({@code null} when the condition held)
     */
    record Decision(Outcome outcome, String reason) {

        public static final Decision RUN = new Decision(Outcome.RUN, null);
    }
}
