package dev.rehearsal.junit;

import static dev.rehearsal.junit.internal.error.FindingsShould.shouldHaveFinding;
import static dev.rehearsal.junit.internal.error.FindingsShould.shouldHaveNoFindingAtOrAbove;
import static dev.rehearsal.junit.internal.error.FindingsShould.shouldPassPolicy;
import static dev.rehearsal.junit.internal.error.MigrationShouldBeReversible.migrationShouldBeReversible;
import static dev.rehearsal.junit.internal.error.MigrationShouldBlockWritersAtMost.migrationShouldBlockWritersAtMost;
import static dev.rehearsal.junit.internal.error.MigrationShouldRewriteNoTable.migrationShouldRewriteNoTable;
import static dev.rehearsal.junit.internal.error.MigrationShouldTakeNoLockStrongerThan.migrationShouldTakeNoLockStrongerThan;

import dev.rehearsal.junit.internal.error.MigrationShouldBeReversible;
import dev.rehearsal.junit.internal.error.ReportLink;
import dev.rehearsal.report.Finding;
import dev.rehearsal.report.LockHold;
import dev.rehearsal.report.MigrationReport;
import dev.rehearsal.report.Report;
import dev.rehearsal.report.Severity;
import dev.rehearsal.report.Phase;
import dev.rehearsal.report.StatementTrace;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.assertj.core.api.AbstractAssert;
import org.assertj.core.error.ErrorMessageFactory;

/**
 * Assertions on one migration's round trip, its measured statements and its findings. Assertions on measured
 * statements (rewrites, locks, writers blocked) look at the up step, which is what a deploy runs; down and up again
 * exist to check reversibility ({@link #isReversible()}).
 */
public final class MigrationAssert extends AbstractAssert<MigrationAssert, MigrationReport> {

    private final Report report;
    private final Optional<Path> reportFile;

    MigrationAssert(MigrationReport actual, Report report, Optional<Path> reportFile) {
        super(actual, MigrationAssert.class);
        this.report = report;
        this.reportFile = reportFile;
    }

    @Override
    protected void throwAssertionError(ErrorMessageFactory message) {
        super.throwAssertionError(ReportLink.pointingAt(message, reportFile));
    }

    /** Down ran, restored the schema as it was before up, and up ran again to the same schema. */
    public MigrationAssert isReversible() {
        MigrationShouldBeReversible.whyNot(actual)
                .ifPresent(why -> throwAssertionError(migrationShouldBeReversible(actual, why)));
        return this;
    }

    /** No statement of the up step rewrote a table or an index. */
    public MigrationAssert rewritesNoTable() {
        for (StatementTrace statement : actual.statements(Phase.UP)) {
            if (!statement.rewrites().isEmpty()) {
                throwAssertionError(migrationShouldRewriteNoTable(actual, statement, statement.rewrites().get(0)));
            }
        }
        return this;
    }

    /** No statement of the up step took a table lock stronger than {@code limit}; the first that did is reported. */
    public MigrationAssert takesNoLockStrongerThan(LockMode limit) {
        for (StatementTrace statement : actual.statements(Phase.UP)) {
            Optional<LockHold> strongest = statement.locks().stream().filter(l -> limit.isWeakerThan(l.mode()))
                    .max(LockHold.BY_STRENGTH_THEN_HOLD);
            if (strongest.isPresent()) {
                throwAssertionError(migrationShouldTakeNoLockStrongerThan(actual, limit, statement, strongest.get()));
            }
        }
        return this;
    }

    /** No concurrent writer waited longer than {@code limit} on the locks of one statement of the up step. */
    public MigrationAssert blocksWritersAtMost(Duration limit) {
        double limitMs = limit.toNanos() / 1e6;
        actual.statements(Phase.UP).stream().filter(s -> s.writers().blockedMaxMs() > limitMs)
                .max(java.util.Comparator.comparingDouble(s -> s.writers().blockedMaxMs()))
                .ifPresent(s -> throwAssertionError(migrationShouldBlockWritersAtMost(actual, limit, s)));
        return this;
    }

    /** A finding with that code is reported (suppressed or not). */
    public MigrationAssert hasFinding(String code) {
        if (actual.findings().stream().noneMatch(f -> f.code().equals(code))) {
            throwAssertionError(shouldHaveFinding(subject(), code, actual.findings()));
        }
        return this;
    }

    /** No active finding is at or above {@code severity}. */
    public MigrationAssert hasNoFindingAtOrAbove(Severity severity) {
        List<Finding> offending = actual.findings().stream()
                .filter(f -> f.isActive() && f.severity().isAtLeast(severity)).toList();
        if (!offending.isEmpty()) {
            throwAssertionError(shouldHaveNoFindingAtOrAbove(subject(), severity, offending));
        }
        return this;
    }

    /** No active finding reaches the policy's failing severity. */
    public MigrationAssert passesPolicy() {
        List<Finding> offending = actual.findings().stream().filter(report::breaksPolicy).toList();
        if (!offending.isEmpty()) {
            throwAssertionError(shouldPassPolicy(subject(), report.failOn(), offending));
        }
        return this;
    }

    private String subject() {
        return "migration " + actual.shortName();
    }
}
