package dev.rehearsal.report.render;

import dev.rehearsal.report.Finding;
import dev.rehearsal.report.LockHold;
import dev.rehearsal.report.MigrationKind;
import dev.rehearsal.report.MigrationReport;
import dev.rehearsal.report.Phase;
import dev.rehearsal.report.PhaseCheck;
import dev.rehearsal.report.PostgresInfo;
import dev.rehearsal.report.Report;
import dev.rehearsal.report.Rewrite;
import dev.rehearsal.report.RoundTrip;
import dev.rehearsal.report.RunStatus;
import dev.rehearsal.report.Severity;
import dev.rehearsal.report.SourceInfo;
import dev.rehearsal.report.StatementTrace;
import dev.rehearsal.report.Timeline;
import dev.rehearsal.report.Verdict;
import dev.rehearsal.report.WriterImpact;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A generated report of a long migration history, every migration with several findings: the size stress case. */
final class LargeReport {

    private static final String[] CODES = {"TABLE_REWRITE", "LOCK_BLOCKS_WRITERS", "NON_CONCURRENT_INDEX",
        "NO_LOCK_TIMEOUT", "DATA_LOSS", "SCHEMA_AND_DATA_MIXED", "VALIDATION_SCAN_UNDER_LOCK"};

    private LargeReport() {
    }

    static Report of(int migrations, int findingsPerMigration) {
        List<MigrationReport> all = new ArrayList<>();
        for (int i = 1; i <= migrations; i++) {
            all.add(migration(i, findingsPerMigration));
        }
        return new Report(Report.SCHEMA_VERSION, "0.1.0", RunStatus.COMPLETE, null, Instant.parse("2026-03-14T09:00:00Z"),
                3_600_000, new PostgresInfo("18.1", 18, "embedded"), Map.of("failOn", "error"),
                new SourceInfo("db/migration", "flyway"), all, List.of(), Verdict.FAIL);
    }

    private static MigrationReport migration(int i, int findingCount) {
        String script = "db/migration/V" + i + "__change_table_" + i + ".sql";
        String table = "public.table_" + i;
        List<StatementTrace> statements = new ArrayList<>();
        for (Phase phase : Phase.values()) {
            for (int line = 1; line <= 4; line++) {
                statements.add(new StatementTrace(phase, script, line * 3,
                        "ALTER TABLE " + table + " ALTER COLUMN c" + line + " TYPE bigint -- " + "x".repeat(200),
                        phase.ordinal() * 4000 + line * 900.0, 850.0, true,
                        List.of(new LockHold(table, "AccessExclusiveLock", 900.0)),
                        List.of(new Rewrite(table, "column type change")), List.of(),
                        new WriterImpact(840, 9000, 850, 120, 0), null, null, null));
            }
        }
        List<Finding> findings = new ArrayList<>();
        for (int f = 0; f < findingCount; f++) {
            String code = CODES[f % CODES.length];
            findings.add(new Finding(code, f % 3 == 2 ? Severity.WARNING : Severity.ERROR,
                    "Finding " + code + " on " + table + " | with a pipe", script, 3 * (f % 4 + 1), table,
                    "AccessExclusiveLock held 900 ms; writers blocked up to 840 ms; " + "evidence ".repeat(40),
                    ("ALTER TABLE " + table + " ADD COLUMN c_new bigint;\n").repeat(60), null));
        }
        List<Timeline.Point> points = new ArrayList<>();
        for (int p = 1; p <= 48; p++) {
            points.add(new Timeline.Point(p * 250.0, p % 4 == 0 ? 850 : 2, 200));
        }
        return new MigrationReport(Integer.toString(i), "change table " + i + " and its <indexes>", MigrationKind.VERSIONED,
                script, "db/migration/U" + i + "__change_table_" + i + ".sql", true, i,
                new RoundTrip(dev.rehearsal.report.StepStatus.OK, dev.rehearsal.report.StepStatus.OK,
                        dev.rehearsal.report.StepStatus.OK, true, List.of(), true, List.of(), List.of(), null),
                statements, findings, List.of(new PhaseCheck("after V" + i + " up", "v1", i % 50 != 0,
                        i % 50 != 0 ? List.of() : List.of("insert_row: ERROR: column does not exist"))),
                null, List.of(), new Timeline(points, List.of(new Timeline.BlockedInterval(900, 1750, Phase.UP, 3))),
                12_000);
    }
}
