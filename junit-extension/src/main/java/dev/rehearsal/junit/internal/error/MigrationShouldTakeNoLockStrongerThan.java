package dev.rehearsal.junit.internal.error;

import dev.rehearsal.junit.LockMode;
import dev.rehearsal.junit.internal.Figures;
import dev.rehearsal.report.LockHold;
import dev.rehearsal.report.MigrationReport;
import dev.rehearsal.report.StatementTrace;
import org.assertj.core.error.ErrorMessageFactory;

/** "Expecting migration V3 to take no lock stronger than ShareUpdateExclusiveLock but statement at … took …". */
public final class MigrationShouldTakeNoLockStrongerThan extends RehearsalMessage {

    private MigrationShouldTakeNoLockStrongerThan(String message) {
        super(message);
    }

    public static ErrorMessageFactory migrationShouldTakeNoLockStrongerThan(MigrationReport migration, LockMode limit,
            StatementTrace statement, LockHold lock) {
        return new MigrationShouldTakeNoLockStrongerThan("Expecting migration " + migration.shortName()
                + " to take no lock stronger than " + limit.pgLocksName() + " but " + Figures.statement(statement)
                + " took " + lock.mode() + " on " + lock.relation() + " (held " + Figures.duration(lock.heldMs()) + ")");
    }
}
