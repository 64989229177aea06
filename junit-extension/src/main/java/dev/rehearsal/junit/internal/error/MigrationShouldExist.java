package dev.rehearsal.junit.internal.error;

import dev.rehearsal.report.MigrationReport;
import dev.rehearsal.report.Report;
import org.assertj.core.error.ErrorMessageFactory;

/** "Expecting the rehearsal to contain migration V9 but it has V1, V2". */
public final class MigrationShouldExist extends RehearsalMessage {

    private MigrationShouldExist(String message) {
        super(message);
    }

    public static ErrorMessageFactory migrationShouldExist(Report report, String version) {
        String have = String.join(", ", report.migrations().stream().map(MigrationReport::shortName).toList());
        return new MigrationShouldExist("Expecting the rehearsal to contain migration V" + version + " but it has "
                + (have.isEmpty() ? "no migration" : have));
    }
}
