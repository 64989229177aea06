package dev.rehearsal.runner.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.report.Finding;
import dev.rehearsal.report.MigrationReport;
import dev.rehearsal.report.Report;
import dev.rehearsal.report.Scan;
import dev.rehearsal.report.SeedSummary;
import dev.rehearsal.runner.PostgresProviders;
import dev.rehearsal.runner.RehearsalEngine;
import dev.rehearsal.runner.config.RehearsalConfig;
import dev.rehearsal.runner.support.MigrationFiles;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A pending-only run seeds the pending migrations' tables once; the next run with the same demands clones the rows. */
@Tag("slow") // whole rehearsals on servers of their own
class SeededHistoryTest {

    private static final String CHECK = "ALTER TABLE orders ADD CONSTRAINT orders_total_positive CHECK (total >= 0);";

    @TempDir
    Path dir;

    /** A history of three (its key unique to this test) and one pending migration that validates a CHECK on orders. */
    private MigrationFiles chain() {
        return MigrationFiles.in(dir.resolve("migrations"))
                .file("V1__accounts.sql", "-- " + UUID.randomUUID() + "\nCREATE TABLE accounts (id bigint PRIMARY KEY, "
                        + "email text NOT NULL);")
                .file("V2__orders.sql", "CREATE TABLE orders (id bigint PRIMARY KEY, "
                        + "account_id bigint NOT NULL REFERENCES accounts (id), total integer NOT NULL);")
                .file("V3__notes.sql", "CREATE TABLE notes (id bigint PRIMARY KEY, body text);")
                .file("V4__orders_total_positive.sql", CHECK)
                .file("U4__orders_total_positive.sql", "ALTER TABLE orders DROP CONSTRAINT orders_total_positive;");
    }

    private static Report rehearse(Path migrations) {
        return new RehearsalEngine(RehearsalConfig.builder()
                .migrations(migrations.toString())
                .provider(PostgresProviders.embedded())
                .rows(700)
                .load(false)
                .pendingAfter("3")
                .build()).run();
    }

    @Test
    void should_clone_the_rows_an_earlier_run_seeded_until_the_pending_migrations_demand_other_rows() {
        MigrationFiles files = chain();

        // WHEN the pending migration is rehearsed, then rehearsed again with only its comment edited
        Report first = rehearse(files.path());
        files.file("V4__orders_total_positive.sql", "-- totals are never negative\n" + CHECK);
        Report again = rehearse(files.path());

        // THEN the first run seeds orders and the accounts its key needs (not notes), the second clones those rows
        SeedSummary seeded = seed(first);
        assertThat(seeded.reused()).isFalse();
        assertThat(seeded.tables()).extracting(SeedSummary.SeededTable::relation)
                .containsExactlyInAnyOrder("public.accounts", "public.orders");
        assertThat(seed(again).reused()).isTrue();
        assertThat(seed(again).tables()).isEqualTo(seeded.tables());
        // AND the validation reads the rows in both, with the same findings
        assertThat(validationScan(first)).isEqualTo(700);
        assertThat(validationScan(again)).isEqualTo(700);
        assertThat(codes(again)).isNotEmpty().isEqualTo(codes(first));

        // WHEN the pending migration asks something new of the rows (a stricter CHECK the seeder obeys)
        files.file("V4__orders_total_positive.sql", CHECK.replace(">= 0", ">= 10"));
        Report stricter = rehearse(files.path());

        // THEN the rows are seeded afresh, and fit it
        assertThat(seed(stricter).reused()).isFalse();
        assertThat(validationScan(stricter)).isEqualTo(700);
        assertThat(stricter.migrations().get(0).roundTrip().reup()).isEqualTo(dev.rehearsal.report.StepStatus.OK);

        // WHEN it names one more table of the history
        files.file("V4__orders_total_positive.sql", CHECK.replace(">= 0", ">= 10")
                + "\nALTER TABLE notes ADD COLUMN title text;");
        files.file("U4__orders_total_positive.sql", "ALTER TABLE notes DROP COLUMN title;\n"
                + "ALTER TABLE orders DROP CONSTRAINT orders_total_positive;");
        Report wider = rehearse(files.path());

        // THEN that table is seeded too: the rows kept for the narrower set do not stand in for it
        assertThat(seed(wider).reused()).isFalse();
        assertThat(seed(wider).tables()).extracting(SeedSummary.SeededTable::relation)
                .containsExactlyInAnyOrder("public.accounts", "public.orders", "public.notes");
    }

    private static SeedSummary seed(Report report) {
        assertThat(report.migrations()).extracting(MigrationReport::version).containsExactly("4");
        return report.migrations().get(0).seed();
    }

    /** Rows the first up's ADD CONSTRAINT read to validate the CHECK. */
    private static long validationScan(Report report) {
        return report.migrations().get(0).statements().stream()
                .filter(s -> s.sql().contains("ADD CONSTRAINT"))
                .flatMap(s -> s.scans().stream())
                .filter(s -> s.relation().equals("public.orders"))
                .mapToLong(Scan::rows).findFirst().orElse(-1);
    }

    private static List<String> codes(Report report) {
        return report.migrations().get(0).findings().stream().map(Finding::code).toList();
    }
}
