package dev.rehearsal.junit.internal;

import dev.rehearsal.report.Finding;
import dev.rehearsal.report.MigrationReport;
import dev.rehearsal.report.Phase;
import dev.rehearsal.report.PhaseCheck;
import java.util.List;
import java.util.Objects;

/** Which step of a migration a finding belongs to, so that the step's dynamic test can fail with it. */
final class StepFindings {

    private StepFindings() {
    }

    /** The step a finding belongs to; {@code null} for app-version findings, which belong to their check. */
    static Phase stepOf(Finding finding, MigrationReport migration) {
        return switch (finding.code()) {
            case "APP_VERSION_BROKEN" -> null;
            case "MIGRATION_FAILED" -> migration.roundTrip().failure() == null ? Phase.UP
                    : migration.roundTrip().failure().phase();
            case "REUP_DIFFERS" -> Phase.REUP;
            case "MISSING_DOWN", "DOWN_NOT_RESTORING", "COLUMN_ORDER_CHANGED" -> Phase.DOWN;
            default -> finding.script() != null && finding.script().equals(migration.undoScript()) ? Phase.DOWN
                    : Phase.UP;
        };
    }

    static List<Finding> of(MigrationReport migration, Phase step) {
        return migration.findings().stream().filter(f -> stepOf(f, migration) == step).toList();
    }

    /** The APP_VERSION_BROKEN finding written for this check, if any. */
    static List<Finding> of(MigrationReport migration, PhaseCheck check) {
        String title = "App version " + check.app() + " fails " + check.name();
        return migration.findings().stream()
                .filter(f -> f.code().equals("APP_VERSION_BROKEN") && Objects.equals(f.title(), title)).toList();
    }

    /** A finding as an assertion message shows it: code, place, title, measured evidence and the fix. */
    static String describe(Finding finding) {
        StringBuilder text = new StringBuilder(finding.code()).append(" (").append(finding.severity().json())
                .append(")");
        if (finding.script() != null) {
            text.append(" at ").append(finding.script());
            if (finding.line() != null) {
                text.append(':').append(finding.line());
            }
        }
        if (finding.relation() != null) {
            text.append(" on ").append(finding.relation());
        }
        text.append("\n  ").append(finding.title());
        if (finding.evidence() != null) {
            text.append("\n  measured: ").append(indent(finding.evidence()));
        }
        if (finding.remediation() != null) {
            text.append("\n  fix: ").append(indent(finding.remediation()));
        }
        return text.toString();
    }

    private static String indent(String text) {
        return text.replace("\n", "\n    ");
    }
}
