package dev.rehearsal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.report.Finding;
import dev.rehearsal.report.MigrationKind;
import dev.rehearsal.report.MigrationReport;
import dev.rehearsal.report.PostgresInfo;
import dev.rehearsal.report.Report;
import dev.rehearsal.report.RoundTrip;
import dev.rehearsal.report.RunStatus;
import dev.rehearsal.report.Severity;
import dev.rehearsal.report.SourceInfo;
import dev.rehearsal.report.StepStatus;
import dev.rehearsal.report.Verdict;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The console summary: what a CI log shows of a run. */
class SummaryPrinterTest {

    private static final String FIX = "SET lock_timeout = '2s';\n-- retry the migration a few times when it times out";

    @Test
    void should_print_a_repeated_fix_once_and_name_the_empty_tables() {
        // GIVEN two migrations with the same NO_LOCK_TIMEOUT fix, and a table the seeder could not fill
        MigrationReport v1 = migration("1", List.of(noLockTimeout("db/V1__a.sql"),
                new Finding("SEED_SKIPPED", Severity.WARNING, "Measured on an empty table: public.stores holds no rows "
                        + "for this migration", "db/V1__a.sql", null, "public.stores", "not seeded: …", "Provide rows", null)));
        MigrationReport v2 = migration("2", List.of(noLockTimeout("db/V2__b.sql")));
        Report report = new Report(1, "0.1.0", RunStatus.COMPLETE, null, null, 10, new PostgresInfo("18.6", 18, "embedded"),
                Map.of(), new SourceInfo("db", "flyway"), List.of(v1, v2), List.of(), Verdict.PASS);

        // WHEN printed
        StringWriter text = new StringWriter();
        SummaryPrinter.print(report, new PrintWriter(text));

        // THEN the fix appears once, the second finding points at it, and the empty table is named beside the verdict
        String out = text.toString();
        assertThat(out.split("retry the migration a few times", -1)).hasSize(2);
        assertThat(out).contains("NO_LOCK_TIMEOUT  db/V2__b.sql:1\n          Takes AccessExclusiveLock on public.t without "
                        + "lock_timeout (fix: as for NO_LOCK_TIMEOUT above)")
                .contains("Measured on an empty table: public.stores (V1). Figures about these tables do not reflect "
                        + "production's rows.");
    }

    @Test
    void should_list_the_statements_longest_at_production_size_with_both_figures() {
        // GIVEN a rewrite extrapolated from 100 000 to 40 M rows
        dev.rehearsal.report.StatementTrace rewrite = new dev.rehearsal.report.StatementTrace(
                dev.rehearsal.report.Phase.UP, "db/V1__m.sql", 3, "ALTER TABLE orders ALTER COLUMN id TYPE bigint", 0,
                318, true, List.of(), List.of(), List.of(), null, null, null, null)
                .withAtProduction(new dev.rehearsal.report.ProductionEstimate("public.orders", 40_000_000, 10_000,
                        100_000, 127_000, 127_000, 0, null, 0.04));
        RoundTrip ok = new RoundTrip(StepStatus.OK, StepStatus.MISSING, StepStatus.NOT_RUN, null, List.of(), null,
                List.of(), List.of(), null);
        MigrationReport v1 = new MigrationReport("1", "m1", MigrationKind.VERSIONED, "db/V1__m.sql", null, true, 1, ok,
                List.of(rewrite), List.of(), List.of(), null, List.of(), null, 1);
        Report report = new Report(1, "0.1.0", RunStatus.COMPLETE, null, null, 10, new PostgresInfo("18.6", 18, "embedded"),
                Map.of(), new SourceInfo("db", "flyway"), List.of(v1), List.of(), Verdict.PASS);

        // WHEN printed
        StringWriter text = new StringWriter();
        SummaryPrinter.print(report, new PrintWriter(text));

        // THEN the statement is listed with its measured and its production figure
        assertThat(text.toString()).contains("At production size (1 statement extrapolated; longest first):\n"
                + "  V1 m1:3 on public.orders: 318 ms at 100 000 rows; ≈ 2 min 07 s at 40 M rows in production "
                + "(fit error 4 %)");
    }

    private static Finding noLockTimeout(String script) {
        return new Finding("NO_LOCK_TIMEOUT", Severity.WARNING, "Takes AccessExclusiveLock on public.t without lock_timeout",
                script, 1, "public.t", "lock_timeout was 0", FIX, null);
    }

    private static MigrationReport migration(String version, List<Finding> findings) {
        RoundTrip ok = new RoundTrip(StepStatus.OK, StepStatus.MISSING, StepStatus.NOT_RUN, null, List.of(), null,
                List.of(), List.of(), null);
        return new MigrationReport(version, "m" + version, MigrationKind.VERSIONED, "db/V" + version + "__m.sql", null,
                true, 1, ok, List.of(), findings, List.of(), null, List.of(), null, 1);
    }
}
