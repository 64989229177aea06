package dev.rehearsal.report.render;

import java.util.List;

/**
 * One {@code <testcase>} of {@code junit.xml}.
 *
 * @param classname stable grouping, e.g. {@code rehearsal.db.migration.V3__add_status}
 * @param name      the step, e.g. {@code V3 up again} or {@code V3 app v1}
 * @param timeMs    time spent in the step
 * @param failures  why it failed; empty when it did not
 * @param skipped   why it was skipped, {@code null} when it ran
 * @param systemOut findings that do not fail the run, for people reading the CI log; {@code null} when none
 */
record JunitCase(String classname, String name, double timeMs, List<Failure> failures, String skipped,
        String systemOut) {

    JunitCase {
        failures = List.copyOf(failures);
    }

    /**
     * One {@code <failure>}.
     *
     * @param type    the finding code, e.g. {@code TABLE_REWRITE}
     * @param message code and title on one line
     * @param text    evidence and fix
     */
    record Failure(String type, String message, String text) {
    }
}
