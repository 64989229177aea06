package dev.rehearsal.samples.patterns;

import dev.rehearsal.junit.RehearsalResult;
import dev.rehearsal.report.LockHold;
import dev.rehearsal.report.Phase;
import dev.rehearsal.report.StatementTrace;
import java.util.List;

/**
 * The up step of one migration: what a deploy runs, and what the migration assertions look at. These give its figures
 * themselves (the strongest lock, one statement's trace) where a test pins a measured fact rather than a limit.
 */
final class UpStep {

    private UpStep() {
    }

    static List<StatementTrace> statements(RehearsalResult result, String version) {
        return result.migration(version).orElseThrow(() -> new AssertionError("no migration " + version))
                .statements(Phase.UP);
    }

    /** The strongest table lock the up step took, as {@code pg_locks} names it, e.g. {@code ShareUpdateExclusiveLock}. */
    static String strongestLock(RehearsalResult result, String version) {
        return statements(result, version).stream().flatMap(s -> s.locks().stream())
                .max(LockHold.BY_STRENGTH_THEN_HOLD).map(LockHold::mode).orElse("none");
    }

    /** The up statement whose text contains {@code fragment}. */
    static StatementTrace statement(RehearsalResult result, String version, String fragment) {
        return statements(result, version).stream().filter(s -> s.sql().contains(fragment)).findFirst()
                .orElseThrow(() -> new AssertionError("no statement containing '" + fragment + "' in V" + version));
    }
}
