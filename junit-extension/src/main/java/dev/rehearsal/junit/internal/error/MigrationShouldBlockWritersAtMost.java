package dev.rehearsal.junit.internal.error;

import dev.rehearsal.junit.internal.Figures;
import dev.rehearsal.report.MigrationReport;
import dev.rehearsal.report.StatementTrace;
import java.time.Duration;
import org.assertj.core.error.ErrorMessageFactory;

/** "Expecting migration V4 to block writers at most 100 ms but statement at … blocked a writer for 812 ms …". */
public final class MigrationShouldBlockWritersAtMost extends RehearsalMessage {

    private MigrationShouldBlockWritersAtMost(String message) {
        super(message);
    }

    public static ErrorMessageFactory migrationShouldBlockWritersAtMost(MigrationReport migration, Duration limit,
            StatementTrace statement) {
        return new MigrationShouldBlockWritersAtMost("Expecting migration " + migration.shortName()
                + " to block writers at most " + Figures.duration(limit.toNanos() / 1e6) + " but "
                + Figures.statement(statement) + " blocked a writer for "
                + Figures.duration(statement.writers().blockedMaxMs()) + " ("
                + Figures.count((int) statement.writers().waits(), "writer request") + " waited, "
                + Figures.duration(statement.writers().blockedTotalMs()) + " in total)");
    }
}
