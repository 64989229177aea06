package dev.rehearsal.report;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The catalogue of findings: every code Rehearsal can report, with its default severity and what it means.
 * Codes are stable (reports, suppressions and CI scripts refer to them); each has an entry in
 * {@code docs/findings.md} under the anchor {@link #anchor()}.
 */
public enum FindingType {
    MIGRATION_FAILED(Severity.ERROR, "Migration step failed",
            "A statement of the up, down or up-again step raised an error, so the migration cannot be deployed as written."),
    LOCK_BLOCKS_WRITERS(Severity.ERROR, "Writers blocked longer than the budget",
            "Concurrent writers waited on a lock held by this statement for longer than the policy allows."),
    TABLE_REWRITE(Severity.ERROR, "Table rewritten under an exclusive lock",
            "The statement rewrote every row of a table that already held data, under an AccessExclusiveLock that "
                    + "blocks reads and writes for the whole rewrite."),
    VALIDATION_SCAN_UNDER_LOCK(Severity.ERROR, "Full-table validation under a blocking lock",
            "Validating a constraint or SET NOT NULL read the whole table while holding a lock that blocks writers."),
    NON_CONCURRENT_INDEX(Severity.ERROR, "Index built without CONCURRENTLY",
            "CREATE INDEX without CONCURRENTLY holds a ShareLock that blocks every write to the table until the build ends."),
    INVALID_INDEX_LEFT(Severity.ERROR, "Failed concurrent build left an INVALID index",
            "A CREATE INDEX CONCURRENTLY failed part-way and left an INVALID index behind, which slows writes and "
                    + "blocks a retry with the same name."),
    MIXED_TRANSACTIONAL(Severity.ERROR, "Script mixes transactional and non-transactional statements",
            "Flyway refuses a script that mixes statements that must run outside a transaction with ones that run "
                    + "inside (unless mixed is enabled), and a half-applied script cannot be rolled back."),
    MISSING_DOWN(Severity.WARNING, "No down migration",
            "The migration has no undo script, so a failed deploy can only be fixed forward."),
    DOWN_NOT_RESTORING(Severity.ERROR, "Down migration does not restore the schema",
            "After up then down, the catalog differs from the catalog before up."),
    REUP_DIFFERS(Severity.ERROR, "Up again gives a different schema",
            "Applying up after down produced a different catalog than the first up: down left something behind "
                    + "or up depends on state it does not create."),
    DATA_LOSS(Severity.WARNING, "Data is dropped",
            "DROP COLUMN or DROP TABLE destroys data that no down migration can bring back."),
    RENAME_BREAKS_APP(Severity.ERROR, "Rename breaks the running app version",
            "Renaming a table or column breaks every app version still using the old name during the rollout."),
    APP_VERSION_BROKEN(Severity.ERROR, "App version fails at a phase where it runs",
            "An app version that may be running at this phase of the rollout failed its checks."),
    WRITER_ERRORS(Severity.ERROR, "Concurrent writes failed",
            "Requests of the concurrent write load failed while the migration ran."),
    SCHEMA_AND_DATA_MIXED(Severity.WARNING, "Schema and data changes in one migration",
            "The migration changes the schema and rewrites data in one transaction, holding the schema change's "
                    + "locks for the whole data change."),
    NO_LOCK_TIMEOUT(Severity.WARNING, "Strong lock taken without lock_timeout",
            "The migration asks for a lock that conflicts with reads or writes on a table with data without "
                    + "setting lock_timeout; queued behind one long query it blocks everything that comes after it."),
    LOCK_QUEUE(Severity.ERROR, "Queries queued behind the migration's lock request",
            "While the migration waited for its lock behind a long-running query, later queries queued behind it."),
    CHECKSUM_CHANGED(Severity.ERROR, "An applied migration was edited",
            "The script's checksum differs from the one recorded when it was applied; Flyway's validate fails "
                    + "and environments that already ran it will not run the change."),
    FLYWAY_PARITY(Severity.ERROR, "Flyway produces a different schema",
            "Applying the chain with Flyway gives a different catalog than the rehearsal; production runs Flyway."),
    LIQUIBASE_PARITY(Severity.ERROR, "Liquibase produces a different schema",
            "Applying the changelog with liquibase update gives a different catalog than the rehearsal; production "
                    + "runs Liquibase."),
    SEED_SKIPPED(Severity.WARNING, "Table not seeded",
            "Rehearsal could not generate rows for a table, so its measurements ran on an empty table."),
    COLUMN_ORDER_CHANGED(Severity.INFO, "Column order changed by the round trip",
            "Down and up restored the columns in another order; SELECT * and COPY without a column list see it."),
    GENERATED_DATA_REJECTED(Severity.WARNING, "Step rejected rows Rehearsal generated",
            "A step failed with a data error on rows Rehearsal generated (a cast, CHECK, NOT NULL or unique key they "
                    + "did not fit); the step was rehearsed again without them. Production rows of that shape would "
                    + "fail the same way."),
    ENUM_LABELS_DROPPED(Severity.WARNING, "Enum labels removed from a column's values",
            "A migration converts a column to an enum that lacks labels its old type had: the conversion fails on any "
                    + "row that holds one. Rehearsal's rows are generated to fit the conversion, so the rehearsal "
                    + "cannot tell whether production's rows hold them."),
    LOCK_UPGRADE_DEADLOCK_RISK(Severity.WARNING, "Lock upgrade in one transaction risks a deadlock with writers",
            "A statement changed rows of a table under a weak lock, and a later statement of the same transaction "
                    + "asked for a lock that blocks writers on it: a writer waiting for one of those rows holds the "
                    + "lock the request waits for. Error when the deadlock struck in the rehearsal."),
    DEADLOCK_WITH_WRITERS(Severity.WARNING, "Step deadlocked with the write load",
            "An attempt of the step deadlocked with the concurrent writers and was rehearsed again; no lock upgrade "
                    + "of its own explains it, so the server's deadlock report says which locks crossed. Production's "
                    + "writers can meet the same deadlock."),
    SERIALIZATION_FAILURE_WITH_WRITERS(Severity.WARNING, "Step failed to serialize with the write load",
            "An attempt of the step failed with a serialization failure (SQLSTATE 40001) while the write load changed "
                    + "rows beside it, and was rehearsed again: a transaction at REPEATABLE READ or SERIALIZABLE "
                    + "cannot lock or change a row that writers changed after its snapshot. Production's writers can "
                    + "make it fail the same way."),
    SKIPPED_BY_PRECONDITION(Severity.INFO, "Migration skipped by its precondition",
            "The migration tool checks a condition on the database before this migration (a Liquibase changeSet's "
                    + "preconditions with onFail or onError CONTINUE or MARK_RAN); it failed where the chain had "
                    + "reached, so the tool skips the migration there, and so did the rehearsal."),
    NEEDS_UNREHEARSED_MIGRATION(Severity.WARNING, "Migration needs one that Rehearsal cannot run",
            "The up step failed on something missing (a table, column, type or function) after a migration Rehearsal "
                    + "cannot run (a goose migration written in Go), which probably creates it. The migration was not "
                    + "rehearsed; the chain went on without it."),
    WAL_VOLUME(Severity.WARNING, "Statement writes a large volume of WAL",
            "A statement wrote more WAL than the policy's threshold: replicas and WAL archiving must ship and replay "
                    + "all of it, so replica lag and disk use grow although no lock measurement shows it.");

    private final Severity defaultSeverity;
    private final String title;
    private final String description;

    FindingType(Severity defaultSeverity, String title, String description) {
        this.defaultSeverity = defaultSeverity;
        this.title = title;
        this.description = description;
    }

    /** The stable code, e.g. {@code TABLE_REWRITE}. */
    public String code() {
        return name();
    }

    public Severity defaultSeverity() {
        return defaultSeverity;
    }

    public String title() {
        return title;
    }

    public String description() {
        return description;
    }

    /** The anchor of the entry in {@code docs/findings.md}, e.g. {@code table_rewrite}. */
    public String anchor() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The catalogue entry for a code, if the code is known. */
    public static Optional<FindingType> of(String code) {
        return Arrays.stream(values()).filter(t -> t.name().equals(code)).findFirst();
    }
}
