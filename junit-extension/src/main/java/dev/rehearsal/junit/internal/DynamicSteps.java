package dev.rehearsal.junit.internal;

import dev.rehearsal.junit.internal.error.ReportLink;
import dev.rehearsal.report.Finding;
import dev.rehearsal.report.MigrationReport;
import dev.rehearsal.report.Phase;
import dev.rehearsal.report.PhaseCheck;
import dev.rehearsal.report.Report;
import dev.rehearsal.report.StepFailure;
import dev.rehearsal.report.StepStatus;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.function.Executable;
import org.opentest4j.AssertionFailedError;

/**
 * Dynamic tests derived from one report: a container per migration, a test per step and per app-version check.
 * A test fails when the step failed or a finding of it breaks the policy; the message carries the file, the line,
 * what was measured and the fix. Steps that did not run are aborted with the reason, not passed.
 */
final class DynamicSteps {

    private DynamicSteps() {
    }

    /** {@code reportFile}: the written report that a failure's message ends with, when there is one. */
    static Stream<DynamicNode> of(Report report, Optional<Path> reportFile) {
        List<DynamicNode> nodes = new ArrayList<>();
        for (MigrationReport migration : report.migrations()) {
            nodes.add(DynamicContainer.dynamicContainer(migration.displayName(),
                    tests(report, migration, reportFile).stream()));
        }
        for (Finding finding : report.findings()) {
            nodes.add(DynamicTest.dynamicTest("run " + finding.code() + " — " + finding.title(),
                    linked(() -> failIfBreaking(report, List.of(finding), "The rehearsal"), reportFile)));
        }
        return nodes.stream();
    }

    /** The test, whose failure message ends with the report's path. */
    private static Executable linked(Executable test, Optional<Path> reportFile) {
        if (reportFile.isEmpty()) {
            return test;
        }
        return () -> {
            try {
                test.execute();
            } catch (AssertionFailedError e) {
                AssertionFailedError linked = new AssertionFailedError(e.getMessage() + "\n"
                        + ReportLink.line(reportFile.get()), e.getCause());
                linked.setStackTrace(e.getStackTrace());
                throw linked;
            }
        };
    }

    private static List<DynamicNode> tests(Report report, MigrationReport migration, Optional<Path> reportFile) {
        List<DynamicNode> tests = new ArrayList<>();
        for (Phase step : Phase.values()) {
            StepStatus status = status(migration, step);
            String name = migration.shortName() + " " + label(step) + " — "
                    + (status == StepStatus.OK ? Figures.step(migration, step) : words(status));
            tests.add(DynamicTest.dynamicTest(name, linked(step(report, migration, step, status), reportFile)));
            for (PhaseCheck check : migration.phases()) {
                if (check.name().equals("after " + migration.shortName() + " " + label(step))) {
                    tests.add(DynamicTest.dynamicTest(migration.shortName() + " app " + check.app() + " after "
                            + label(step) + " — " + (check.ok() ? "works" : Figures.count(check.failures().size(),
                            "check") + " failed"), linked(app(report, migration, check), reportFile)));
                }
            }
        }
        return tests;
    }

    private static Executable step(Report report, MigrationReport migration, Phase step, StepStatus status) {
        return () -> {
            String what = migration.shortName() + " " + label(step);
            List<Finding> findings = StepFindings.of(migration, step);
            StepFailure failure = migration.roundTrip().failure();
            if (status == StepStatus.FAILED && failure != null && findings.stream().noneMatch(report::breaksPolicy)) {
                Assertions.fail(what + " failed at " + failure.script() + ":" + failure.line() + "\n  "
                        + failure.message() + (failure.sqlState() == null ? "" : " [SQLSTATE " + failure.sqlState() + "]"));
            }
            failIfBreaking(report, findings, what);
            if (status == StepStatus.MISSING) {
                Assumptions.abort(what + " not rehearsed: the migration has no down script");
            }
            if (status == StepStatus.NOT_RUN) {
                Assumptions.abort(what + " not rehearsed: " + (migration.skippedByPrecondition()
                        ? "its precondition failed, so the tool skips it" : migration.needsUnrehearsedMigration()
                        ? "it needs a migration Rehearsal cannot run" : migration.roundTrip().up() == StepStatus.NOT_RUN
                        ? "an earlier migration failed" : "an earlier step of this migration failed or is missing"));
            }
        };
    }

    private static Executable app(Report report, MigrationReport migration, PhaseCheck check) {
        return () -> {
            if (check.ok()) {
                return;
            }
            String what = migration.shortName() + " app " + check.app() + " " + check.name();
            failIfBreaking(report, StepFindings.of(migration, check), what);
            Assumptions.abort(what + " failed, but the policy lets it pass:\n  " + String.join("\n  ", check.failures()));
        };
    }

    private static void failIfBreaking(Report report, List<Finding> findings, String what) {
        List<Finding> breaking = findings.stream().filter(report::breaksPolicy).toList();
        if (!breaking.isEmpty()) {
            Assertions.fail(what + " breaks the policy (fails on " + report.failOn().json() + "):\n"
                    + String.join("\n", breaking.stream().map(StepFindings::describe).toList()));
        }
    }

    private static StepStatus status(MigrationReport migration, Phase step) {
        return switch (step) {
            case UP -> migration.roundTrip().up();
            case DOWN -> migration.roundTrip().down();
            case REUP -> migration.roundTrip().reup();
        };
    }

    static String label(Phase step) {
        return switch (step) {
            case UP -> "up";
            case DOWN -> "down";
            case REUP -> "up again";
        };
    }

    private static String words(StepStatus status) {
        return switch (status) {
            case FAILED -> "failed";
            case MISSING -> "missing";
            case NOT_RUN -> "not run";
            case OK -> "ok";
        };
    }
}
