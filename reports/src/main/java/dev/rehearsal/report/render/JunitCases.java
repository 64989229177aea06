package dev.rehearsal.report.render;

import dev.rehearsal.report.Finding;
import dev.rehearsal.report.FindingType;
import dev.rehearsal.report.MigrationReport;
import dev.rehearsal.report.Phase;
import dev.rehearsal.report.PhaseCheck;
import dev.rehearsal.report.Report;
import dev.rehearsal.report.RunStatus;
import dev.rehearsal.report.StepFailure;
import dev.rehearsal.report.StepStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns a report into test cases: per migration one for up, down and up again and one per app-version check,
 * plus one for run-wide findings. A step fails when it failed or when a finding tied to it breaks the policy.
 */
final class JunitCases {

    private static final String APP_BROKEN = FindingType.APP_VERSION_BROKEN.code();

    private JunitCases() {
    }

    static List<JunitCase> of(Report report) {
        List<JunitCase> cases = new ArrayList<>();
        for (MigrationReport m : report.migrations()) {
            for (Phase phase : Phase.values()) {
                cases.add(step(report, m, phase));
            }
            for (PhaseCheck check : m.phases()) {
                cases.add(app(report, m, check));
            }
        }
        if (!report.findings().isEmpty() || report.status() != RunStatus.COMPLETE) {
            cases.add(run(report));
        }
        return cases;
    }

    private static String classname(MigrationReport m) {
        String path = m.script() == null ? m.shortName() : m.script().replaceFirst("\\.[A-Za-z]+$", "");
        return "rehearsal." + path.replaceAll("[/\\\\]+", ".").replaceAll("^\\.+", "");
    }

    private static JunitCase step(Report report, MigrationReport m, Phase phase) {
        StepStatus status = switch (phase) {
            case UP -> m.roundTrip().up();
            case DOWN -> m.roundTrip().down();
            case REUP -> m.roundTrip().reup();
        };
        List<Finding> tied = m.findings().stream()
                .filter(f -> FindingSteps.stepOf(m, f).filter(p -> p == phase).isPresent()).toList();
        List<JunitCase.Failure> failures = new ArrayList<>();
        if (status == StepStatus.FAILED) {
            failures.add(stepFailure(m, phase, tied));
        }
        tied.stream().filter(report::breaksPolicy)
                .filter(f -> !(status == StepStatus.FAILED && FindingType.MIGRATION_FAILED.code().equals(f.code())))
                .forEach(f -> failures.add(failure(f)));
        String skipped = failures.isEmpty() ? skipReason(m, phase, status) : null;
        double timeMs = m.statements(phase).stream().mapToDouble(s -> s.durationMs()).sum();
        return new JunitCase(classname(m), m.shortName() + " " + Fmt.step(phase), timeMs, failures, skipped,
                notes(report, tied));
    }

    private static JunitCase.Failure stepFailure(MigrationReport m, Phase phase, List<Finding> tied) {
        StepFailure f = m.roundTrip().failure();
        String message = f != null && f.phase() == phase ? Text.oneLine(f.message()) : "the step failed";
        StringBuilder text = new StringBuilder();
        if (f != null && f.phase() == phase) {
            text.append(f.script()).append(':').append(f.line())
                    .append(f.sqlState() == null ? "" : " SQLSTATE " + f.sqlState()).append('\n')
                    .append(Text.orEmpty(f.message())).append('\n');
        }
        tied.stream().filter(t -> FindingType.MIGRATION_FAILED.code().equals(t.code()))
                .forEach(t -> text.append('\n').append(details(t)));
        return new JunitCase.Failure(FindingType.MIGRATION_FAILED.code(),
                FindingType.MIGRATION_FAILED.code() + ": " + m.shortName() + " " + Fmt.step(phase) + " failed: "
                        + Text.truncate(message, 300),
                text.toString().strip());
    }

    private static String skipReason(MigrationReport m, Phase phase, StepStatus status) {
        boolean noDown = m.roundTrip().down() == StepStatus.MISSING;
        return switch (status) {
            case MISSING -> phase == Phase.DOWN ? "no down migration" : "not run: there is no down migration";
            case NOT_RUN -> m.skippedByPrecondition() ? "not run: its precondition failed, so the tool skips it"
                    : m.needsUnrehearsedMigration() ? "not rehearsed: it needs a migration Rehearsal cannot run"
                    : phase == Phase.REUP && noDown ? "not run: there is no down migration"
                    : "not run: an earlier step or migration failed";
            default -> null;
        };
    }

    private static JunitCase app(Report report, MigrationReport m, PhaseCheck check) {
        boolean sameAppTwice = m.phases().stream().filter(c -> c.app().equals(check.app())).count() > 1;
        String name = m.shortName() + " app " + check.app() + (sameAppTwice ? " at " + check.name() : "");
        List<Finding> appFindings = m.findings().stream().filter(f -> APP_BROKEN.equals(f.code())).toList();
        // A failed check fails the case unless the team accepted it: its findings exist and none breaks the policy.
        boolean accepted = !appFindings.isEmpty() && appFindings.stream().noneMatch(report::breaksPolicy);
        String failed = String.join("\n", check.failures());
        List<JunitCase.Failure> failures = new ArrayList<>();
        String notes = notes(report, appFindings);
        if (!check.ok() && !accepted) {
            failures.add(new JunitCase.Failure(APP_BROKEN, APP_BROKEN + ": app " + check.app()
                    + " fails its checks at phase '" + check.name() + "'", failed));
        } else if (!check.ok()) {
            notes = (notes == null ? "" : notes + "\n") + "failed checks (not failing the run):\n" + failed;
        }
        return new JunitCase(classname(m), name, 0, failures, null, notes);
    }

    private static JunitCase run(Report report) {
        List<JunitCase.Failure> failures = new ArrayList<>();
        report.findings().stream().filter(report::breaksPolicy).forEach(f -> failures.add(failure(f)));
        String skipped = null;
        if (report.status() != RunStatus.COMPLETE && failures.isEmpty()) {
            skipped = "the run is " + report.status().json() + ": " + Text.orEmpty(report.statusReason());
        }
        return new JunitCase("rehearsal.run", "run-wide checks", 0, failures, skipped,
                notes(report, report.findings()));
    }

    private static JunitCase.Failure failure(Finding f) {
        return new JunitCase.Failure(f.code(), f.code() + ": " + Text.oneLine(f.title()), details(f));
    }

    private static String details(Finding f) {
        StringBuilder text = new StringBuilder(Fmt.location(f));
        Optional.ofNullable(f.relation()).ifPresent(r -> text.append(" (").append(r).append(')'));
        text.append('\n');
        if (f.evidence() != null) {
            text.append("Evidence: ").append(f.evidence()).append('\n');
        }
        if (f.remediation() != null) {
            text.append("Fix:\n").append(f.remediation()).append('\n');
        }
        return text.toString().strip();
    }

    /** Findings that do not fail the run, so they still show up in the CI log. */
    private static String notes(Report report, List<Finding> findings) {
        StringBuilder out = new StringBuilder();
        for (Finding f : findings) {
            if (!report.breaksPolicy(f)) {
                out.append(f.severity().json()).append(f.isActive() ? "" : " (suppressed: " + f.suppressedReason() + ")")
                        .append(' ').append(f.code()).append(": ").append(Text.oneLine(f.title())).append(" at ")
                        .append(Fmt.location(f)).append('\n');
            }
        }
        return out.length() == 0 ? null : out.toString().strip();
    }
}
