package dev.rehearsal.runner.internal.engine;

import dev.rehearsal.report.Finding;
import dev.rehearsal.report.MigrationReport;
import dev.rehearsal.report.PhaseCheck;
import dev.rehearsal.report.RoundTrip;
import dev.rehearsal.runner.config.Policy;
import dev.rehearsal.runner.internal.findings.FindingCollector;
import dev.rehearsal.runner.internal.findings.Suppressions;
import dev.rehearsal.runner.source.Migration;
import java.util.List;
import java.util.Map;

/**
 * Findings and reports of a migration whose round trip was not rehearsed (its tool skips it or stops there, or it
 * needs a migration Rehearsal cannot run): found on its up script alone, reported with no statement.
 */
final class NotRehearsed {

    private NotRehearsed() {
    }

    /** The policy's collector, with the suppressions the migration's up script writes. */
    static FindingCollector findings(Policy policy, Migration migration) {
        return new FindingCollector(policy, Map.of(migration.up().path(), Suppressions.of(migration.up())));
    }

    /** The migration's report: its files, the round trip as far as it went, no statement traced. */
    static MigrationReport report(Migration migration, RoundTrip trip, List<Finding> findings,
            List<PhaseCheck> phases) {
        return new MigrationReport(migration.version(), migration.description(), migration.kind(),
                migration.up().path(), migration.down() == null ? null : migration.down().path(),
                migration.up().transactional(), migration.up().checksum(), trip, List.of(), findings, phases, null,
                List.of(), null, 0);
    }
}
