package dev.rehearsal.junit.internal.error;

import dev.rehearsal.report.MigrationReport;
import dev.rehearsal.report.RoundTrip;
import dev.rehearsal.report.StepFailure;
import dev.rehearsal.report.StepStatus;
import java.util.List;
import java.util.Optional;
import org.assertj.core.error.ErrorMessageFactory;

/** "Expecting migration V3 to be reversible but after down the schema differs from before up: …". */
public final class MigrationShouldBeReversible extends RehearsalMessage {

    private static final int DIFF_LINES = 10;

    private MigrationShouldBeReversible(String message) {
        super(message);
    }

    public static ErrorMessageFactory migrationShouldBeReversible(MigrationReport migration, String why) {
        return new MigrationShouldBeReversible("Expecting migration " + migration.shortName()
                + " to be reversible but " + why);
    }

    public static ErrorMessageFactory migrationsShouldBeReversible(List<String> reasons) {
        return new MigrationShouldBeReversible("Expecting every migration to be reversible but:\n  "
                + String.join("\n  ", reasons));
    }

    /** Why the round trip does not prove the migration reversible, or empty when it does. */
    public static Optional<String> whyNot(MigrationReport migration) {
        RoundTrip trip = migration.roundTrip();
        StepFailure failure = trip.failure();
        if (migration.skippedByPrecondition()) {
            return Optional.empty(); // the tool never applies it where the chain had reached: nothing to reverse
        }
        if (migration.needsUnrehearsedMigration()) {
            return Optional.of("it was not rehearsed: it needs a migration Rehearsal cannot run (see its "
                    + "NEEDS_UNREHEARSED_MIGRATION finding)");
        }
        if (trip.up() == StepStatus.NOT_RUN) {
            return Optional.of("it was not rehearsed: an earlier migration failed");
        }
        if (trip.up() == StepStatus.FAILED) {
            return Optional.of("its up step failed at " + at(failure));
        }
        if (trip.down() == StepStatus.MISSING) {
            return Optional.of("it has no down migration (no undo script next to " + file(migration.script()) + ")");
        }
        if (trip.down() == StepStatus.FAILED) {
            return Optional.of("its down step failed at " + at(failure));
        }
        if (Boolean.FALSE.equals(trip.schemaRestored())) {
            return Optional.of("after down the schema differs from before up:\n    " + lines(trip.diff()));
        }
        if (trip.reup() == StepStatus.FAILED) {
            return Optional.of("up failed when applied again after down, at " + at(failure));
        }
        if (Boolean.FALSE.equals(trip.reupMatches())) {
            return Optional.of("up applied again gives a different schema:\n    " + lines(trip.reupDiff()));
        }
        return Optional.empty();
    }

    private static String at(StepFailure failure) {
        if (failure == null) {
            return "(no failure recorded)";
        }
        return file(failure.script()) + ":" + failure.line() + ": " + failure.message()
                + (failure.sqlState() == null ? "" : " [SQLSTATE " + failure.sqlState() + "]");
    }

    private static String file(String path) {
        return path == null ? "?" : dev.rehearsal.junit.internal.Figures.fileName(path);
    }

    private static String lines(List<String> diff) {
        List<String> shown = diff.size() <= DIFF_LINES ? diff : diff.subList(0, DIFF_LINES);
        return String.join("\n    ", shown) + (diff.size() > DIFF_LINES
                ? "\n    … and " + (diff.size() - DIFF_LINES) + " more" : "");
    }
}
