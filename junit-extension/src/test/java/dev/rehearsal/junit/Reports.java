package dev.rehearsal.junit;

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
import dev.rehearsal.report.StepFailure;
import dev.rehearsal.report.StepStatus;
import dev.rehearsal.report.Verdict;
import dev.rehearsal.report.WriterImpact;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Hand-made reports with known figures, so that assertion messages can be checked exactly. */
final class Reports {

    static final String DIR = "src/main/resources/db/shop/";

    private Reports() {
    }

    static final RoundTrip CLEAN = new RoundTrip(StepStatus.OK, StepStatus.OK, StepStatus.OK, true, List.of(), true,
            List.of(), List.of(), null);

    static StatementTrace statement(Phase phase, String script, int line, String sql, List<LockHold> locks,
            List<Rewrite> rewrites, WriterImpact writers) {
        return new StatementTrace(phase, DIR + script, line, sql, 0, 812.4, true, locks, rewrites, List.of(), writers,
                null, null, null);
    }

    static MigrationReport migration(String version, String description, RoundTrip trip, List<StatementTrace> statements,
            List<Finding> findings, List<PhaseCheck> phases) {
        String script = DIR + "V" + version + "__" + description.replace(' ', '_') + ".sql";
        return new MigrationReport(version, description, MigrationKind.VERSIONED, script,
                DIR + "U" + version + "__" + description.replace(' ', '_') + ".sql", true, 0, trip, statements, findings,
                phases, null, List.of(), null, 1000);
    }

    static Report report(Severity failOn, List<MigrationReport> migrations) {
        boolean failing = migrations.stream().flatMap(m -> m.findings().stream())
                .anyMatch(f -> f.isActive() && f.severity().isAtLeast(failOn));
        return new Report(Report.SCHEMA_VERSION, "test", RunStatus.COMPLETE, null, Instant.EPOCH, 1000,
                new PostgresInfo("18.1", 18, "embedded"), Map.of(Report.FAIL_ON, failOn.json()),
                new SourceInfo("db/shop", "flyway"), migrations, List.of(), failing ? Verdict.FAIL : Verdict.PASS);
    }

    /** V1 is clean; V6 widens a column under AccessExclusiveLock with a rewrite and blocked writers; V7 has no down. */
    static RehearsalResult shop() {
        MigrationReport v1 = migration("1", "create accounts", CLEAN, List.of(statement(Phase.UP,
                "V1__create_accounts.sql", 1, "CREATE TABLE accounts (id bigint)",
                List.of(new LockHold("public.accounts", "AccessExclusiveLock", 2.3)), List.of(), null)), List.of(),
                List.of(new PhaseCheck("after V1 up", "v1", true, List.of())));
        StatementTrace widen = statement(Phase.UP, "V6__widen_order_totals.sql", 12,
                "-- totals overflow int\nALTER TABLE orders ALTER COLUMN total_cents TYPE bigint",
                List.of(new LockHold("public.orders", "AccessExclusiveLock", 812.4),
                        new LockHold("public.orders_pkey", "ShareLock", 10)),
                List.of(new Rewrite("public.orders", "column type change")), new WriterImpact(640, 1900, 700, 3, 0));
        Finding rewrite = new Finding("TABLE_REWRITE", Severity.ERROR, "Table rewritten under an exclusive lock",
                DIR + "V6__widen_order_totals.sql", 12, "public.orders", "rewrote 1000 rows", "add a new column", null);
        MigrationReport v6 = migration("6", "widen order totals", CLEAN, List.of(widen), List.of(rewrite),
                List.of(new PhaseCheck("after V6 up", "v1", false, List.of(
                        "list orders: ERROR: column \"total\" does not exist [SQLSTATE 42703]"))));
        RoundTrip noDown = new RoundTrip(StepStatus.OK, StepStatus.MISSING, StepStatus.NOT_RUN, null, List.of(), null,
                List.of(), List.of(), null);
        Finding missing = new Finding("MISSING_DOWN", Severity.WARNING, "No down migration for V7 create payments",
                DIR + "V7__create_payments.sql", null, null, "No undo script", "Add U7__create_payments.sql", null);
        MigrationReport v7 = migration("7", "create payments", noDown, List.of(), List.of(missing), List.of());
        return RehearsalResult.of(report(Severity.ERROR, List.of(v1, v6, v7)));
    }

    static RoundTrip downFailed() {
        return new RoundTrip(StepStatus.OK, StepStatus.FAILED, StepStatus.NOT_RUN, null, List.of(), null, List.of(),
                List.of(), new StepFailure(Phase.DOWN, DIR + "U2__x.sql", 3, "42P01",
                        "ERROR: table \"orders_archive\" does not exist"));
    }
}
