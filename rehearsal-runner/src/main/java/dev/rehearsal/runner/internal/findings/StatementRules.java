package dev.rehearsal.runner.internal.findings;

import dev.rehearsal.report.FindingType;
import dev.rehearsal.report.LockHold;
import dev.rehearsal.report.LockModes;
import dev.rehearsal.report.Phase;
import dev.rehearsal.report.Rewrite;
import dev.rehearsal.report.Scan;
import dev.rehearsal.report.StatementTrace;
import java.util.List;
import java.util.Optional;

/**
 * Findings from what a step's statements measurably did to tables that existed before the migration: rewrites,
 * blocking index builds, validation scans under blocking locks, dropped data, strong locks without
 * {@code lock_timeout}, schema and data changed in one transaction, and INVALID indexes left behind. The lock
 * modes are measured whether the table holds rows in the rehearsal or not, so an empty table is no reason for
 * silence: its evidence says it was measured on no rows. Only a table created by the migration itself stays
 * quiet: nobody waits on it yet.
 */
public final class StatementRules implements FindingRule {

    StatementRules() {
    }

    /**
     * Evaluates the up step, then the down step one severity lower: a rollback in production runs the down script
     * on the same tables, but only when something already went wrong.
     */
    @Override
    public void evaluate(MigrationFacts facts, FindingCollector findings) {
        evaluate(facts, Evidence.up(facts.statements()), findings);
        String pg = "; PostgreSQL " + facts.postgresVersion();
        for (String index : facts.invalidIndexes()) {
            findings.add(FindingType.INVALID_INDEX_LEFT, facts.migration().up().path(), null, index,
                    "INVALID index " + index + " left behind", "After the failed step, pg_index.indisvalid is false for "
                            + index + pg, Remedies.invalidIndex(index));
        }
        List<StatementTrace> down = facts.statements().stream().filter(s -> s.phase() == Phase.DOWN).toList();
        if (!down.isEmpty()) {
            evaluate(facts, down, findings.lowered("On rollback (down script): "));
        }
    }

    private static void evaluate(MigrationFacts facts, List<StatementTrace> step, FindingCollector findings) {
        String pg = "; PostgreSQL " + facts.postgresVersion();
        boolean lockTimeoutReported = false;
        for (int i = 0; i < step.size(); i++) {
            StatementTrace s = step.get(i);
            if (s.error() != null) {
                continue;
            }
            rewrites(facts, step, i, findings, pg);
            indexBuild(facts, step, i, findings, pg);
            validationScans(facts, step, i, findings, pg);
            dataLoss(facts, step, s, findings, pg);
            if (!lockTimeoutReported) {
                lockTimeoutReported = lockTimeout(facts, s, findings, pg);
            }
        }
        schemaAndData(facts, step, findings, pg);
    }

    private static long rowsOf(MigrationFacts facts, String relation) {
        return facts.rowsBefore().getOrDefault(relation, 0L);
    }

    private static void rewrites(MigrationFacts facts, List<StatementTrace> up, int i, FindingCollector findings,
            String pg) {
        StatementTrace s = up.get(i);
        for (Rewrite rewrite : s.rewrites()) {
            if (!facts.existedBefore(rewrite.relation())) {
                continue;
            }
            long rows = rowsOf(facts, rewrite.relation());
            if (!SqlShapes.truncatedTables(s.sql()).isEmpty()) {
                continue; // new, empty storage: the rows are gone, not rewritten (DATA_LOSS says so)
            }
            List<SqlShapes.GeneratedColumn> generated = SqlShapes.addedGeneratedColumns(s.sql());
            String remedy = SqlShapes.typeChange(s.sql())
                    .map(t -> Remedies.typeChange(rewrite.relation(), t[0], t[1]))
                    .orElseGet(() -> !generated.isEmpty() ? Remedies.storedGeneratedColumn(rewrite.relation(),
                            generated.get(0).column(), generated.get(0).type(), generated.get(0).expression())
                            : rewrite.reason().contains("volatile") ? Remedies.volatileDefault(rewrite.relation())
                            : Remedies.storageReplaced(rewrite.relation()));
            findings.add(FindingType.TABLE_REWRITE, s.script(), s.line(), rewrite.relation(),
                    "Rewrites " + rewrite.relation() + " (" + rewrite.reason() + ")",
                    "Rewrote all " + Evidence.rows(rows) + " of " + rewrite.relation() + " in " + Evidence.ms(s.durationMs())
                            + "; " + Evidence.lockOn(rewrite.relation(), up, i) + pg
                            + Evidence.ifEmpty(rows, "the rewrite copies every row of production while the lock is held"),
                    remedy);
        }
    }

    private static void indexBuild(MigrationFacts facts, List<StatementTrace> up, int i, FindingCollector findings,
            String pg) {
        StatementTrace s = up.get(i);
        SqlShapes.plainIndexBuild(s.sql()).filter(build -> built(build, s))
                .ifPresent(build -> SqlShapes.resolve(build.table(), facts.rowsBefore())
                .ifPresent(table -> findings.add(FindingType.NON_CONCURRENT_INDEX, s.script(), s.line(), table,
                        "Index built without CONCURRENTLY on " + table,
                        "Built over " + Evidence.rows(rowsOf(facts, table)) + " in " + Evidence.ms(s.durationMs())
                                + "; " + Evidence.lockOn(table, up, i) + ", which blocks every write" + pg
                                + Evidence.ifEmpty(rowsOf(facts, table),
                                        "the build blocks writes for as long as it takes on production's rows"),
                        Remedies.concurrentIndex(s.sql(), build.index(),
                                LayoutWords.outsideTransaction(facts.migration())))));
    }

    /**
     * False for {@code CREATE INDEX IF NOT EXISTS} that found the index there: it locked no new index and read no
     * table. A real build does at least one of the two.
     */
    private static boolean built(SqlShapes.IndexBuild build, StatementTrace s) {
        if (!build.ifNotExists() || build.index() == null || !s.scans().isEmpty()) {
            return true;
        }
        String index = build.index().replace("\"", "");
        return s.locks().stream().map(l -> l.relation().replace("\"", ""))
                .anyMatch(r -> r.equals(index) || r.endsWith("." + SqlShapes.simpleName(index)));
    }

    private static void validationScans(MigrationFacts facts, List<StatementTrace> up, int i,
            FindingCollector findings, String pg) {
        StatementTrace s = up.get(i);
        if (SqlShapes.alteredTable(s.sql()).isEmpty()) {
            return; // index builds and data changes scan too; they have findings of their own
        }
        for (Scan scan : s.scans()) {
            long rows = rowsOf(facts, scan.relation());
            Optional<LockHold> lock = Evidence.heldOn(scan.relation(), up, i);
            if (!facts.existedBefore(scan.relation()) || lock.isEmpty() || !LockModes.blocksWriters(lock.get().mode())) {
                continue;
            }
            // a foreign key also scans the referenced table; the fix goes on the table the statement alters
            String altered = SqlShapes.alteredTable(s.sql()).flatMap(t -> SqlShapes.resolve(t, facts.rowsBefore()))
                    .orElse(scan.relation());
            String remedy = SqlShapes.setNotNullColumn(s.sql()).map(c -> Remedies.setNotNull(altered, c))
                    .or(() -> SqlShapes.addedNotNullColumnWithoutDefault(s.sql()).map(c ->
                            Remedies.newNotNullColumn(altered, c.name(), c.type())))
                    .or(() -> SqlShapes.addedKey(s.sql()).map(k ->
                            Remedies.keyUsingIndex(altered, k.name(), k.kind(), k.columns(),
                                    LayoutWords.outsideTransaction(facts.migration()))))
                    .or(() -> SqlShapes.validatedConstraint(s.sql()).map(c ->
                            Remedies.notValidThenValidate(altered, c.name(), c.kind(), c.body())))
                    .orElse("Add the constraint NOT VALID, then VALIDATE CONSTRAINT in a separate transaction.");
            findings.add(FindingType.VALIDATION_SCAN_UNDER_LOCK, s.script(), s.line(), scan.relation(),
                    "Scans all of " + scan.relation() + " while blocking writers",
                    // parallel workers' reads are not in the session's counters: the table's rows are the floor
                    "Read " + Evidence.rows(Math.max(scan.rows(), rows)) + " in " + Evidence.ms(s.durationMs()) + "; "
                            + Evidence.lockOn(scan.relation(), up, i) + pg
                            + Evidence.ifEmpty(rows, "the scan reads every row of production while writers wait"),
                    remedy);
        }
    }

    private static void dataLoss(MigrationFacts facts, List<StatementTrace> up, StatementTrace s,
                                 FindingCollector findings, String pg) {
        Optional<String> altered = SqlShapes.alteredTable(s.sql()).flatMap(t -> SqlShapes.resolve(t, facts.rowsBefore()));
        for (String column : SqlShapes.droppedColumns(s.sql())) {
            if (readdedAsGenerated(up, s, column)) {
                continue; // dropped to change its expression: the re-added column recomputes every value
            }
            altered.filter(t -> facts.columnExisted(t, column))
                    .ifPresent(table -> findings.add(FindingType.DATA_LOSS, s.script(),
                    s.line(), table, "Drops column " + column + " of " + table,
                    "The values of " + column + " in " + Evidence.rows(rowsOf(facts, table)) + " are gone; down cannot "
                            + "bring them back" + pg + Evidence.ifEmpty(rowsOf(facts, table), "production's values are lost"),
                    Remedies.dataLoss(table, "column " + column)));
        }
        for (String name : SqlShapes.droppedTables(s.sql())) {
            SqlShapes.resolve(name, facts.rowsBefore())
                    .ifPresent(table -> findings.add(FindingType.DATA_LOSS, s.script(), s.line(), table,
                            "Drops table " + table, Evidence.rows(rowsOf(facts, table)) + " are gone; down cannot "
                                    + "bring them back" + pg + Evidence.ifEmpty(rowsOf(facts, table),
                                            "production's rows are lost"), Remedies.dataLoss(table, "table " + table)));
        }
        for (String name : SqlShapes.truncatedTables(s.sql())) {
            SqlShapes.resolve(name, facts.rowsBefore())
                    .ifPresent(table -> findings.add(FindingType.DATA_LOSS, s.script(), s.line(), table,
                            "Empties table " + table, "All " + Evidence.rows(rowsOf(facts, table)) + " are deleted; "
                                    + "down cannot bring them back" + pg + Evidence.ifEmpty(rowsOf(facts, table),
                                            "production's rows are lost"), Remedies.dataLoss(table, "the rows of " + table)));
        }
    }

    private static boolean readdedAsGenerated(List<StatementTrace> up, StatementTrace drop, String column) {
        String name = column.replace("\"", "");
        return up.stream().dropWhile(t -> t != drop).flatMap(t -> SqlShapes.addedGeneratedColumns(t.sql()).stream())
                .anyMatch(g -> g.column().replace("\"", "").equalsIgnoreCase(name));
    }

    /** Reports the first statement that takes a lock blocking writers on an existing table while no timeout is set. */
    private static boolean lockTimeout(MigrationFacts facts, StatementTrace s, FindingCollector findings, String pg) {
        if (!"0".equals(s.lockTimeout()) && s.lockTimeout() != null) {
            return false;
        }
        for (LockHold lock : s.locks()) {
            if (facts.existedBefore(lock.relation()) && LockModes.blocksWriters(lock.mode())) {
                findings.add(FindingType.NO_LOCK_TIMEOUT, s.script(), s.line(), lock.relation(),
                        "Takes " + lock.mode() + " on " + lock.relation() + " without lock_timeout",
                        "lock_timeout was 0 (wait forever) when it asked for " + lock.mode() + " on " + lock.relation()
                                + " (" + Evidence.rows(rowsOf(facts, lock.relation())) + ")" + pg, Remedies.lockTimeout());
                return true;
            }
        }
        return false;
    }

    private static void schemaAndData(MigrationFacts facts, List<StatementTrace> up, FindingCollector findings,
            String pg) {
        boolean downStep = !up.isEmpty() && up.get(0).phase() == Phase.DOWN;
        var script = downStep ? facts.migration().down() : facts.migration().up();
        if (script == null || !script.transactional()) {
            return;
        }
        Optional<StatementTrace> schema = up.stream().filter(s -> SqlShapes.isSchemaChange(s.sql()))
                .filter(s -> s.locks().stream().anyMatch(l -> facts.existedBefore(l.relation()))).findFirst();
        // the slowest data change: its time is what the schema change's locks are held for
        Optional<StatementTrace> data = up.stream().filter(s -> SqlShapes.isDataChange(s.sql()))
                .filter(s -> s.locks().stream().anyMatch(l -> facts.existedBefore(l.relation()))
                        || s.scans().stream().anyMatch(sc -> sc.rows() > 0))
                .max(java.util.Comparator.comparingDouble(StatementTrace::durationMs));
        if (schema.isPresent() && data.isPresent()) {
            StatementTrace d = data.get();
            findings.add(FindingType.SCHEMA_AND_DATA_MIXED, d.script(), d.line(), null,
                    "Schema change (line " + schema.get().line() + ") and data change (line " + d.line()
                            + ") in one transaction",
                    "The data change ran " + Evidence.ms(d.durationMs()) + " while the schema change's locks were held"
                            + pg, Remedies.splitSchemaAndData());
        }
    }
}
