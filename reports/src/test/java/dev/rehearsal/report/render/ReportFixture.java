package dev.rehearsal.report.render;

import dev.rehearsal.report.Finding;
import dev.rehearsal.report.LoadWindow;
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
import dev.rehearsal.report.Scan;
import dev.rehearsal.report.SeedSummary;
import dev.rehearsal.report.Severity;
import dev.rehearsal.report.SourceInfo;
import dev.rehearsal.report.StatementTrace;
import dev.rehearsal.report.StepFailure;
import dev.rehearsal.report.StepStatus;
import dev.rehearsal.report.Timeline;
import dev.rehearsal.report.Verdict;
import dev.rehearsal.report.WalMeasure;
import dev.rehearsal.report.WriterImpact;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A fixed, realistic report: a safe migration, a dangerous one (rewrite under AccessExclusiveLock, writers blocked,
 * a non-concurrent index, a suppressed finding, an app version that breaks), one without down, one whose down fails
 * and one never run. Its SQL carries {@code |}, {@code <script>}, quotes and non-ASCII text to prove the escaping.
 */
final class ReportFixture {

    static final String DIR = "db/migration/";
    static final String HOSTILE_SQL = "UPDATE public.orders SET note = 'Bestellung über 100 € | \"priority\" "
            + "<script>alert(1)</script> `tick` **bold** @admin' WHERE total > 100";

    private ReportFixture() {
    }

    static Report report() {
        return report(Map.of("rows", "1000000", "loadRate", "200", "failOn", "error"));
    }

    static Report report(Map<String, String> settings) {
        return new Report(Report.SCHEMA_VERSION, "0.1.0", RunStatus.COMPLETE, null,
                Instant.parse("2026-03-14T09:26:53.125Z"), 48213.4, new PostgresInfo("18.1", 18, "embedded"),
                settings, new SourceInfo("db/migration", "flyway"),
                List.of(createOrders(), addOrderStatus(), addArchiveIndex(), renameEmail(), notRun()),
                List.of(new Finding("SEED_SKIPPED", Severity.INFO, "Table not seeded", null, null, "public.audit_log",
                        "generated column expression calls now(); 0 rows generated", null, null)),
                Verdict.FAIL);
    }

    static MigrationReport createOrders() {
        String up = DIR + "V1__create_orders.sql";
        String down = DIR + "U1__create_orders.sql";
        String create = "CREATE TABLE public.orders (\n    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,\n"
                + "    customer_id bigint NOT NULL,\n    total integer NOT NULL,\n    note text\n)";
        List<StatementTrace> statements = List.of(
                stmt(Phase.UP, up, 1, create, 0.4, 6.2, lock("public.orders", "AccessExclusiveLock", 9.8)),
                stmt(Phase.UP, up, 8, "CREATE INDEX orders_customer_idx ON public.orders (customer_id)", 6.9, 2.1,
                        lock("public.orders", "ShareLock", 3.0)),
                stmt(Phase.DOWN, down, 1, "DROP TABLE public.orders", 12.0, 3.4,
                        lock("public.orders", "AccessExclusiveLock", 3.6)),
                stmt(Phase.REUP, up, 1, create, 16.1, 5.9, lock("public.orders", "AccessExclusiveLock", 9.1)),
                stmt(Phase.REUP, up, 8, "CREATE INDEX orders_customer_idx ON public.orders (customer_id)", 22.3, 1.8,
                        lock("public.orders", "ShareLock", 2.7)));
        return new MigrationReport("1", "create orders", MigrationKind.VERSIONED, up, down, true, 1_204_339_112,
                ok(), statements, List.of(),
                List.of(new PhaseCheck("after V1 up", "v1", true, List.of())),
                null, List.of(), new Timeline(List.of(new Timeline.Point(10, 1.2, 198), new Timeline.Point(20, 1.4, 201)),
                        List.of()), 31.5);
    }

    static MigrationReport addOrderStatus() {
        String up = DIR + "V2__add_order_status.sql";
        String down = DIR + "U2__add_order_status.sql";
        String volatileDefault = "ALTER TABLE public.orders ADD COLUMN status_changed_at timestamptz NOT NULL "
                + "DEFAULT clock_timestamp()";
        String index = "CREATE INDEX orders_status_idx ON public.orders (status_changed_at)";
        List<StatementTrace> statements = new ArrayList<>(List.of(
                rewrite(Phase.UP, up, 1, volatileDefault, 10.0, 1170.0, 3290.0, 1108.4),
                new StatementTrace(Phase.UP, up, 4, "ALTER TABLE public.orders ALTER COLUMN total TYPE bigint", 1181.0,
                        1093.2, true, List.of(lock("public.orders", "AccessExclusiveLock", 2119.0)),
                        List.of(new Rewrite("public.orders", "column type change")), List.of(),
                        new WriterImpact(1086.0, 19_870.5, 1101.2, 212, 0), null, null, null, 1_468_006_400L,
                        WalMeasure.SERVER_WITH_LOAD),
                new StatementTrace(Phase.UP, up, 6, HOSTILE_SQL, 2275.0, 21.8, true,
                        List.of(lock("public.orders", "RowExclusiveLock", 1025.0)), List.of(), List.of(),
                        WriterImpact.NONE, null, null, null),
                new StatementTrace(Phase.UP, up, 8, index, 2297.0, 803.1, true,
                        List.of(lock("public.orders", "ShareLock", 1003.0)), List.of(),
                        List.of(new Scan("public.orders", 1_000_000)), new WriterImpact(801.0, 9_120.0, 812.9, 160, 0),
                        null, null, null),
                stmt(Phase.DOWN, down, 1, "DROP INDEX public.orders_status_idx", 3310.0, 4.1,
                        lock("public.orders", "AccessExclusiveLock", 1190.0)),
                new StatementTrace(Phase.DOWN, down, 2, "ALTER TABLE public.orders ALTER COLUMN total TYPE integer",
                        3315.0, 1101.0, true, List.of(lock("public.orders", "AccessExclusiveLock", 1185.0)),
                        List.of(new Rewrite("public.orders", "column type change")), List.of(),
                        new WriterImpact(1097.0, 20_001.0, 1110.0, 215, 0), null, null, null),
                stmt(Phase.DOWN, down, 3, "ALTER TABLE public.orders DROP COLUMN status_changed_at", 4417.0, 78.0,
                        lock("public.orders", "AccessExclusiveLock", 80.0)),
                rewrite(Phase.REUP, up, 1, volatileDefault, 4510.0, 1164.0, 3311.0, 1101.0)));
        statements.add(new StatementTrace(Phase.REUP, up, 4, "ALTER TABLE public.orders ALTER COLUMN total TYPE bigint",
                5675.0, 1099.0, true, List.of(lock("public.orders", "AccessExclusiveLock", 2140.0)),
                List.of(new Rewrite("public.orders", "column type change")), List.of(),
                new WriterImpact(1090.0, 19_950.0, 1104.0, 214, 0), null, null, null));
        statements.add(new StatementTrace(Phase.REUP, up, 6, HOSTILE_SQL, 6775.0, 22.3, true,
                List.of(lock("public.orders", "RowExclusiveLock", 1045.0)), List.of(), List.of(), WriterImpact.NONE,
                null, null, null));
        statements.add(new StatementTrace(Phase.REUP, up, 8, index, 6798.0, 812.0, true,
                List.of(lock("public.orders", "ShareLock", 1020.0)), List.of(), List.of(new Scan("public.orders", 1_000_000)),
                new WriterImpact(809.0, 9_300.0, 820.0, 161, 0), null, null, null));

        List<Finding> findings = List.of(
                new Finding("TABLE_REWRITE", Severity.ERROR, "Table rewritten under an exclusive lock", up, 1,
                        "public.orders", "AccessExclusiveLock held 3.29 s while 1,000,000 rows were rewritten "
                        + "(volatile default clock_timestamp()); PostgreSQL 18.1",
                        "ALTER TABLE public.orders ADD COLUMN status_changed_at timestamptz;\n"
                                + "ALTER TABLE public.orders ALTER COLUMN status_changed_at SET DEFAULT clock_timestamp();\n"
                                + "-- backfill in keyed batches, then:\n"
                                + "ALTER TABLE public.orders ADD CONSTRAINT status_changed_at_nn "
                                + "CHECK (status_changed_at IS NOT NULL) NOT VALID;\n"
                                + "ALTER TABLE public.orders VALIDATE CONSTRAINT status_changed_at_nn;", null),
                new Finding("LOCK_BLOCKS_WRITERS", Severity.ERROR, "Writers blocked longer than the budget", up, 4,
                        "public.orders", "writers blocked up to 1.09 s (budget 200 ms); 212 waits",
                        "SET lock_timeout = '2s';\n-- change the column type with a new column, dual writes and a "
                                + "batched backfill instead", null),
                new Finding("NON_CONCURRENT_INDEX", Severity.ERROR, "Index built without CONCURRENTLY", up, 8,
                        "public.orders", "ShareLock held 1.00 s; writers blocked up to 801 ms",
                        "CREATE INDEX CONCURRENTLY orders_status_idx ON public.orders (status_changed_at);\n"
                                + "-- in its own migration: CONCURRENTLY cannot run inside a transaction", null),
                new Finding("NO_LOCK_TIMEOUT", Severity.WARNING, "Strong lock taken without lock_timeout", up, 1,
                        "public.orders", "AccessExclusiveLock requested with lock_timeout = 0",
                        "SET lock_timeout = '2s';", null),
                new Finding("SCHEMA_AND_DATA_MIXED", Severity.WARNING, "Schema and data changes in one migration", up, 6,
                        "public.orders", "UPDATE of 48,210 rows inside the transaction holding AccessExclusiveLock",
                        "-- move the UPDATE into its own migration", "backfill is small; reviewed in OPS-1234 | ok"),
                new Finding("DATA_LOSS", Severity.WARNING, "Data is dropped", down, 3, "public.orders",
                        "DROP COLUMN status_changed_at discards 1,000,000 values", null, null),
                new Finding("APP_VERSION_BROKEN", Severity.ERROR, "App version fails at a phase where it runs", up, null,
                        null, "app v2 fails after V2 down: 1 of 3 checks", "-- keep the column until app v2 is retired",
                        null));
        List<PhaseCheck> phases = List.of(
                new PhaseCheck("after V2 up", "v1", true, List.of()),
                new PhaseCheck("after V2 up", "v2", true, List.of()),
                new PhaseCheck("after V2 down", "v1", true, List.of()),
                new PhaseCheck("after V2 down", "v2", false, List.of(
                        "insert_order: ERROR: column \"status_changed_at\" of relation \"orders\" does not exist "
                                + "(SQLSTATE 42703)")));
        SeedSummary seed = new SeedSummary(List.of(
                new SeedSummary.SeededTable("public.orders", 1_000_000, null),
                new SeedSummary.SeededTable("public.audit_log", 0, "generated column expression calls now()")), 8125.0);
        List<LoadWindow> load = List.of(
                new LoadWindow(Phase.UP, 620, 199.2, 1.3, 1101.2, 1108.0, 1109.9, 0, List.of()),
                new LoadWindow(Phase.DOWN, 245, 200.1, 1.2, 1096.0, 1099.0, 1100.0, 0, List.of()),
                new LoadWindow(Phase.REUP, 631, 198.7, 1.3, 1104.0, 1110.0, 1112.5, 2,
                        List.of("ERROR: canceling statement due to lock timeout <orders>")));
        List<Timeline.Point> points = new ArrayList<>();
        for (int i = 1; i <= 30; i++) {
            double at = i * 250.0;
            double p99 = (at > 10 && at < 3100) || (at > 3315 && at < 4420) || (at > 4510 && at < 7610) ? 1100 - i : 1.5;
            points.add(new Timeline.Point(at, p99, p99 > 100 ? 12 : 200));
        }
        Timeline timeline = new Timeline(points, List.of(
                new Timeline.BlockedInterval(12.0, 1180.4, Phase.UP, 1),
                new Timeline.BlockedInterval(1181.0, 2274.2, Phase.UP, 4),
                new Timeline.BlockedInterval(2297.0, 3098.0, Phase.UP, 8),
                new Timeline.BlockedInterval(3315.0, 4416.0, Phase.DOWN, 2),
                new Timeline.BlockedInterval(4512.0, 5674.0, Phase.REUP, 1),
                new Timeline.BlockedInterval(5675.0, 6774.0, Phase.REUP, 4),
                new Timeline.BlockedInterval(6798.0, 7607.0, Phase.REUP, 8)));
        return new MigrationReport("2", "add order status", MigrationKind.VERSIONED, up, down, true, -88_310_907,
                new RoundTrip(StepStatus.OK, StepStatus.OK, StepStatus.OK, true, List.of(), true, List.of(), List.of(),
                        null),
                statements, findings, phases, seed, load, timeline, 7652.0);
    }

    static MigrationReport addArchiveIndex() {
        String up = DIR + "V3__add_archive_index.sql";
        String index = "CREATE INDEX CONCURRENTLY IF NOT EXISTS orders_archived_idx\n    ON public.orders (id) "
                + "WHERE note IS NOT NULL";
        List<StatementTrace> statements = List.of(
                new StatementTrace(Phase.UP, up, 2, index, 0.5, 912.0, false,
                        List.of(lock("public.orders", "ShareUpdateExclusiveLock", 912.0)), List.of(),
                        List.of(new Scan("public.orders", 1_000_000)), new WriterImpact(0, 0, 2.1, 0, 0), "2s", "0",
                        null, 23_068_672L, WalMeasure.SERVER));
        return new MigrationReport("3", "add archive index", MigrationKind.VERSIONED, up, null, false, 77_120_004,
                new RoundTrip(StepStatus.OK, StepStatus.MISSING, StepStatus.NOT_RUN, null, List.of(), null, List.of(),
                        List.of(), null),
                statements,
                List.of(new Finding("MISSING_DOWN", Severity.WARNING, "No down migration", up, null, null,
                        "no U3__*.sql next to V3__add_archive_index.sql",
                        "-- U3__add_archive_index.sql\nDROP INDEX CONCURRENTLY IF EXISTS public.orders_archived_idx;",
                        null)),
                List.of(new PhaseCheck("after V3 up", "v2", true, List.of())),
                new SeedSummary(List.of(new SeedSummary.SeededTable("public.orders", 1_000_000, null)), 0.0),
                List.of(new LoadWindow(Phase.UP, 182, 199.6, 1.3, 2.1, 3.0, 14.8, 0, List.of())),
                new Timeline(List.of(new Timeline.Point(250, 2.0, 200), new Timeline.Point(500, 2.1, 199),
                        new Timeline.Point(750, 2.2, 200), new Timeline.Point(1000, 1.9, 201)), List.of()),
                914.0);
    }

    static MigrationReport renameEmail() {
        String up = DIR + "V4__rename_customer_email.sql";
        String down = DIR + "U4__rename_customer_email.sql";
        List<StatementTrace> statements = List.of(
                stmt(Phase.UP, up, 1, "ALTER TABLE public.customers RENAME COLUMN email TO \"e-mail adresse\"",
                        0.3, 1.9, lock("public.customers", "AccessExclusiveLock", 2.4)),
                new StatementTrace(Phase.DOWN, down, 1, "ALTER TABLE public.customers RENAME COLUMN email_adresse TO email",
                        5.0, 0.8, true, List.of(), List.of(), List.of(), WriterImpact.NONE, null, null,
                        "ERROR: column \"email_adresse\" does not exist"));
        List<Finding> findings = List.of(
                new Finding("RENAME_BREAKS_APP", Severity.ERROR, "Rename breaks the running app version", up, 1,
                        "public.customers", "app v2 reads customers.email",
                        "ALTER TABLE public.customers ADD COLUMN \"e-mail adresse\" text;\n"
                                + "-- dual-write, backfill, switch reads, then drop email", null),
                new Finding("MIGRATION_FAILED", Severity.ERROR, "Migration step failed", down, 1, "public.customers",
                        "ERROR: column \"email_adresse\" does not exist (SQLSTATE 42703)",
                        "ALTER TABLE public.customers RENAME COLUMN \"e-mail adresse\" TO email;", null));
        return new MigrationReport("4", "rename customer email", MigrationKind.VERSIONED, up, down, true, 5_550_123,
                new RoundTrip(StepStatus.OK, StepStatus.FAILED, StepStatus.NOT_RUN, null, List.of(), null, List.of(),
                        List.of(), new StepFailure(Phase.DOWN, down, 1, "42703",
                                "column \"email_adresse\" does not exist")),
                statements, findings,
                List.of(new PhaseCheck("after V4 up", "v2", true, List.of())),
                null, List.of(), Timeline.EMPTY, 6.1);
    }

    static MigrationReport notRun() {
        return new MigrationReport("5", "drop legacy tables", MigrationKind.VERSIONED, DIR + "V5__drop_legacy_tables.sql",
                DIR + "U5__drop_legacy_tables.sql", true, 1_111, RoundTrip.notRun(), List.of(), List.of(), List.of(),
                null, List.of(), Timeline.EMPTY, 0);
    }

    static RoundTrip ok() {
        return new RoundTrip(StepStatus.OK, StepStatus.OK, StepStatus.OK, true, List.of(), true, List.of(), List.of(),
                null);
    }

    static LockHold lock(String relation, String mode, double heldMs) {
        return new LockHold(relation, mode, heldMs);
    }

    static StatementTrace stmt(Phase phase, String script, int line, String sql, double start, double duration,
            LockHold lock) {
        return new StatementTrace(phase, script, line, sql, start, duration, true, List.of(lock), List.of(), List.of(),
                WriterImpact.NONE, null, null, null);
    }

    private static StatementTrace rewrite(Phase phase, String script, int line, String sql, double start,
            double duration, double held, double blockedMax) {
        return new StatementTrace(phase, script, line, sql, start, duration, true,
                List.of(lock("public.orders", "AccessExclusiveLock", held), lock("pg_toast.pg_toast_16384", "ShareLock",
                        held)),
                List.of(new Rewrite("public.orders", "volatile default (clock_timestamp())")), List.of(),
                new WriterImpact(blockedMax, 21_540.0, blockedMax + 12.0, 231, 0), null, null, null);
    }
}
