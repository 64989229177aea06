package dev.rehearsal.report.render;

import dev.rehearsal.report.Finding;
import dev.rehearsal.report.FindingType;
import dev.rehearsal.report.MigrationReport;
import dev.rehearsal.report.Phase;
import java.util.Objects;
import java.util.Optional;

/**
 * Which step of a migration's round trip a finding belongs to. Findings carry a script and line, not a step:
 * the undo script means down; codes about the catalog comparisons name their step; a failed step claims its
 * MIGRATION_FAILED finding; APP_VERSION_BROKEN belongs to the app-version checks, not to a step;
 * everything else concerns the first application of the up script.
 */
final class FindingSteps {

    private FindingSteps() {
    }

    /** The step, or empty for a finding about the app-version checks. */
    static Optional<Phase> stepOf(MigrationReport migration, Finding finding) {
        if (FindingType.APP_VERSION_BROKEN.code().equals(finding.code())) {
            return Optional.empty();
        }
        return Optional.of(step(migration, finding));
    }

    private static Phase step(MigrationReport migration, Finding finding) {
        String code = finding.code();
        if (FindingType.MISSING_DOWN.code().equals(code) || FindingType.DOWN_NOT_RESTORING.code().equals(code)) {
            return Phase.DOWN;
        }
        if (FindingType.REUP_DIFFERS.code().equals(code) || FindingType.COLUMN_ORDER_CHANGED.code().equals(code)) {
            return Phase.REUP;
        }
        if (FindingType.MIGRATION_FAILED.code().equals(code) && migration.roundTrip().failure() != null) {
            return migration.roundTrip().failure().phase();
        }
        if (finding.script() != null && Objects.equals(finding.script(), migration.undoScript())) {
            return Phase.DOWN;
        }
        return Phase.UP;
    }
}
