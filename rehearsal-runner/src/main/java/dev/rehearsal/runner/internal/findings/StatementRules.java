package dev.rehearsal.runner.internal.findings;

import dev.rehearsal.report.FindingType;
import dev.rehearsal.report.LockHold;
import dev.rehearsal.report.LockModes;
import dev.rehearsal.report.Phase;
import dev.rehearsal.report.Rewrite;
import dev.rehearsal.report.Scan;
import dev.rehearsal.report.StatementTrace;
import dev.rehearsal.runner.internal.util.SqlScan;
import java.util.List;
import java.util.Optional;

/**
 * Findings from what a step's statements measurably did to tables that existed before the migration: rewrites,
 * blocking index builds, validation scans under blocking locks, dropped data, strong locks without
 * {@code lock_timeout}, schema and data changed in one transaction, and INVALID indexes left behind. The lock
 * modes are measured whether the table holds rows in the rehearsal or not, so an empty table is no reason for
 * silence: its evidence says it was measured on no rows. Only a table created by the migration itself stays
 * quiet: nobody waits on it yet.
 *
 * <p>A traced statement may hold several ({@code execute("CREATE INDEX a …; CREATE INDEX b …")} in a Java migration):
 * what it is, is read of each of its parts ({@link SqlScan#statements}); what it measurably did (locks, scans,
 * rewrites) is the whole string's, and each measured fact goes to the part that explains it.
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
            List<String> parts = parts(s);
            rewrites(facts, step, i, parts, findings, pg);
            indexBuilds(facts, step, i, parts, findings, pg);
            validationScans(facts, step, i, parts, findings, pg);
            for (String part : parts) {
                dataLoss(facts, step, s, part, findings, pg);
            }
            if (!lockTimeoutReported) {
                lockTimeoutReported = lockTimeout(facts, s, findings, pg);
            }
        }
        schemaAndData(facts, step, findings, pg);
    }

    /** The statements a traced statement holds: itself, or each of several sent in one string. */
    private static List<String> parts(StatementTrace s) {
        List<String> parts = SqlScan.statements(s.sql());
        return parts.size() > 1 ? parts : List.of(s.sql());
    }

    /** The table a statement alters, as the rows before the migration name it. */
    private static Optional<String> altered(MigrationFacts facts, String sql) {
        return SqlShapes.alteredTable(sql).flatMap(t -> SqlShapes.resolve(t, facts.rowsBefore()));
    }

    private static long rowsOf(MigrationFacts facts, String relation) {
        return facts.rowsBefore().getOrDefault(relation, 0L);
    }

    private static void rewrites(MigrationFacts facts, List<StatementTrace> up, int i, List<String> parts,
            FindingCollector findings, String pg) {
        StatementTrace s = up.get(i);
        for (Rewrite rewrite : s.rewrites()) {
            if (!facts.existedBefore(rewrite.relation())) {
                continue;
            }
            long rows = rowsOf(facts, rewrite.relation());
            // the part that altered the rewritten table, else the first (a rewrite by a part that does not alter it)
            String sql = parts.stream().filter(p -> altered(facts, p).filter(rewrite.relation()::equals).isPresent())
                    .findFirst().orElse(parts.get(0));
            if (!SqlShapes.truncatedTables(sql).isEmpty()) {
                continue; // new, empty storage: the rows are gone, not rewritten (DATA_LOSS says so)
            }
            List<SqlShapes.GeneratedColumn> generated = SqlShapes.addedGeneratedColumns(sql);
            String remedy = SqlShapes.typeChange(sql)
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

    private static void indexBuilds(MigrationFacts facts, List<StatementTrace> up, int i, List<String> parts,
            FindingCollector findings, String pg) {
        for (String part : parts) {
            indexBuild(facts, up, i, part, findings, pg);
        }
    }

    private static void indexBuild(MigrationFacts facts, List<StatementTrace> up, int i, String sql,
            FindingCollector findings, String pg) {
        StatementTrace s = up.get(i);
        SqlShapes.plainIndexBuild(sql).filter(build -> built(build, s))
                .ifPresent(build -> SqlShapes.resolve(build.table(), facts.rowsBefore())
                .ifPresent(table -> findings.add(FindingType.NON_CONCURRENT_INDEX, s.script(), s.line(), table,
                        "Index built without CONCURRENTLY on " + table,
                        "Built over " + Evidence.rows(rowsOf(facts, table)) + " in " + Evidence.ms(s.durationMs())
                                + "; " + Evidence.lockOn(table, up, i) + ", which blocks every write" + pg
                                + Evidence.ifEmpty(rowsOf(facts, table),
                                        "the build blocks writes for as long as it takes on production's rows"),
                        Remedies.concurrentIndex(sql, build.index(),
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

    private static void validationScans(MigrationFacts facts, List<StatementTrace> up, int i, List<String> parts,
            FindingCollector findings, String pg) {
        StatementTrace s = up.get(i);
        for (Scan scan : s.scans()) {
            long rows = rowsOf(facts, scan.relation());
            Optional<LockHold> lock = Evidence.heldOn(scan.relation(), up, i);
            Optional<String> scanning = scanningPart(facts, parts, scan.relation());
            if (scanning.isEmpty() || !facts.existedBefore(scan.relation()) || lock.isEmpty()
                    || !LockModes.blocksWriters(lock.get().mode())) {
                continue;
            }
            String sql = scanning.get();
            // a foreign key also scans the referenced table; the fix goes on the table the statement alters
            String altered = altered(facts, sql).orElse(scan.relation());
            String remedy = SqlShapes.setNotNullColumn(sql).map(c -> Remedies.setNotNull(altered, c))
                    .or(() -> SqlShapes.addedNotNullColumnWithoutDefault(sql).map(c ->
                            Remedies.newNotNullColumn(altered, c.name(), c.type())))
                    .or(() -> SqlShapes.addedKey(sql).map(k ->
                            Remedies.keyUsingIndex(altered, k.name(), k.kind(), k.columns(),
                                    LayoutWords.outsideTransaction(facts.migration()))))
                    .or(() -> SqlShapes.validatedConstraint(sql).map(c ->
                            Remedies.notValidThenValidate(altered, SqlShapes.alterActions(sql))))
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

    /**
     * The part of a statement whose validation explains a scan of {@code relation}: an {@code ALTER TABLE} of it that
     * validates something (NOT NULL, a key, a CHECK), else one adding a foreign key (which scans the referenced
     * table); empty when an index build or a data change among the parts explains it (they have findings of their
     * own). A statement of one part is the part if it alters a table.
     */
    private static Optional<String> scanningPart(MigrationFacts facts, List<String> parts, String relation) {
        List<String> altering = parts.stream().filter(p -> SqlShapes.alteredTable(p).isPresent()).toList();
        if (parts.size() == 1) {
            return altering.stream().findFirst();
        }
        Optional<String> own = altering.stream().filter(p -> altered(facts, p).filter(relation::equals).isPresent())
                .filter(p -> SqlShapes.setNotNullColumn(p).isPresent()
                        || SqlShapes.addedNotNullColumnWithoutDefault(p).isPresent()
                        || SqlShapes.addedKey(p).isPresent() || SqlShapes.validatedConstraint(p).isPresent())
                .findFirst();
        if (own.isPresent()) {
            return own;
        }
        Optional<String> foreignKey = altering.stream()
                .filter(p -> SqlShapes.validatedConstraint(p).filter(c -> c.kind().equals("FOREIGN KEY")).isPresent())
                .findFirst();
        if (foreignKey.isPresent()) {
            return foreignKey;
        }
        if (parts.stream().anyMatch(p -> SqlShapes.isDataChange(p) || SqlShapes.isIndexBuild(p))) {
            return Optional.empty();
        }
        return altering.stream().findFirst();
    }

    private static void dataLoss(MigrationFacts facts, List<StatementTrace> up, StatementTrace s, String sql,
                                 FindingCollector findings, String pg) {
        Optional<String> altered = altered(facts, sql);
        for (String column : SqlShapes.droppedColumns(sql)) {
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
        for (String name : SqlShapes.droppedTables(sql)) {
            SqlShapes.resolve(name, facts.rowsBefore())
                    .ifPresent(table -> findings.add(FindingType.DATA_LOSS, s.script(), s.line(), table,
                            "Drops table " + table, Evidence.rows(rowsOf(facts, table)) + " are gone; down cannot "
                                    + "bring them back" + pg + Evidence.ifEmpty(rowsOf(facts, table),
                                            "production's rows are lost"), Remedies.dataLoss(table, "table " + table)));
        }
        for (String name : SqlShapes.truncatedTables(sql)) {
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
                                + " (" + Evidence.rows(rowsOf(facts, lock.relation())) + ")" + pg,
                        Remedies.lockTimeout(facts.migration().up().isJava()));
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
        Optional<StatementTrace> schema = up.stream()
                .filter(s -> parts(s).stream().anyMatch(SqlShapes::isSchemaChange))
                .filter(s -> s.locks().stream().anyMatch(l -> facts.existedBefore(l.relation()))).findFirst();
        // the slowest data change: its time is what the schema change's locks are held for
        Optional<StatementTrace> data = up.stream().filter(s -> parts(s).stream().anyMatch(SqlShapes::isDataChange))
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
