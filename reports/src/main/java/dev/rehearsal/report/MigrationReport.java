package dev.rehearsal.report;

import java.util.List;
import java.util.Optional;

/**
 * What one migration did during its round trip (up, down, up again).
 *
 * @param version      the migration's version as written in its file name ({@code null} for repeatable ones)
 * @param description  the description from the file name
 * @param kind         versioned or repeatable
 * @param script       path of the up script, relative to the working directory where possible
 * @param undoScript   path of the down script, {@code null} when there is none
 * @param transactional whether the up script ran inside one transaction
 * @param checksum     Flyway's checksum of the up script (what {@code flyway_schema_history} stores)
 * @param roundTrip    outcome of the three steps and the catalog comparisons
 * @param statements   every statement executed, in order, with what was measured
 * @param findings     policy findings for this migration
 * @param phases       app-version checks run after this migration's steps
 * @param seed         rows generated before the migration ran, {@code null} when seeding was off
 * @param load         concurrent write load latency per step, empty when load was off
 * @param timeline     latency and blocking over time, for charts
 * @param durationMs   wall time of the round trip
 */
public record MigrationReport(
        String version,
        String description,
        MigrationKind kind,
        String script,
        String undoScript,
        boolean transactional,
        Integer checksum,
        RoundTrip roundTrip,
        List<StatementTrace> statements,
        List<Finding> findings,
        List<PhaseCheck> phases,
        SeedSummary seed,
        List<LoadWindow> load,
        Timeline timeline,
        double durationMs) {

    public MigrationReport {
        statements = Lists.copy(statements);
        findings = Lists.copy(findings);
        phases = Lists.copy(phases);
        load = Lists.copy(load);
        timeline = timeline == null ? Timeline.EMPTY : timeline;
    }

    /** A short name for people: {@code V3 add order status} or {@code R refresh views}. */
    public String displayName() {
        String prefix = kind == MigrationKind.REPEATABLE ? "R" : letter() + version;
        return description == null || description.isBlank() ? prefix : prefix + " " + description;
    }

    /**
     * Whether the migration tool's own check on the database left this migration out where the chain had reached
     * ({@link FindingType#SKIPPED_BY_PRECONDITION}): it was not rehearsed, and no failure stopped it.
     */
    public boolean skippedByPrecondition() {
        return roundTrip.up() == StepStatus.NOT_RUN
                && findings.stream().anyMatch(f -> f.code().equals(FindingType.SKIPPED_BY_PRECONDITION.code()));
    }

    /**
     * Whether Rehearsal left this migration out because its up failed on something that a migration it cannot run
     * probably creates ({@link FindingType#NEEDS_UNREHEARSED_MIGRATION}): it was not rehearsed, and the chain went on.
     */
    public boolean needsUnrehearsedMigration() {
        return roundTrip.up() == StepStatus.NOT_RUN
                && findings.stream().anyMatch(f -> f.code().equals(FindingType.NEEDS_UNREHEARSED_MIGRATION.code()));
    }

    /** The statements of one step. */
    public List<StatementTrace> statements(Phase phase) {
        return statements.stream().filter(s -> s.phase() == phase).toList();
    }

    /** The identifying prefix of {@link #displayName()}: {@code V3}, or {@code R refresh views} for a repeatable one. */
    public String shortName() {
        return kind == MigrationKind.REPEATABLE ? displayName() : letter() + version;
    }

    /**
     * The strongest lock any statement of any step took on a relation that existed before the migration; among
     * equal modes the longest held. A lock on a relation the migration created blocks nobody.
     */
    public Optional<LockHold> strongestLock() {
        return statements.stream().flatMap(s -> s.strongestLock().stream()).max(LockHold.BY_STRENGTH_THEN_HOLD);
    }

    /** The lock held longest by any statement of any step on a relation that existed before the migration. */
    public Optional<LockHold> longestLockHold() {
        return statements.stream().flatMap(s -> s.longestLockHold().stream())
                .max(java.util.Comparator.comparingDouble(LockHold::heldMs));
    }

    /** The statement of any step that wrote the most WAL, among those whose WAL was measured. */
    public Optional<StatementTrace> largestWal() {
        return statements.stream().filter(s -> s.walBytes() != null)
                .max(java.util.Comparator.comparingLong(StatementTrace::walBytes));
    }

    /** How many relations were rewritten, counted once per statement that rewrote them. */
    public int rewriteCount() {
        return statements.stream().mapToInt(s -> s.rewrites().size()).sum();
    }

    /** The longest single wait of a concurrent writer on any statement of this migration. */
    public double writersBlockedMaxMs() {
        return statements.stream().mapToDouble(s -> s.writers().blockedMaxMs()).max().orElse(0);
    }

    /** {@code B} for a Flyway baseline migration ({@link MigrationKind#isFlywayBaseline}), else {@code V}. */
    private String letter() {
        return script != null && MigrationKind.isFlywayBaseline(script.substring(script.lastIndexOf('/') + 1)) ? "B" : "V";
    }
}
