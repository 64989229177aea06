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
import dev.rehearsal.runner.provision.PostgresServer;
import dev.rehearsal.runner.provision.ScratchDatabase;
import dev.rehearsal.runner.support.FileDigests;
import dev.rehearsal.runner.support.MigrationFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
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

    @Test
    void should_never_write_to_the_stored_histories_whose_files_later_runs_link() throws Exception {
        MigrationFiles files = chain();
        String key = History.key(dev.rehearsal.runner.MigrationSources.at(files.path().toString(),
                dev.rehearsal.runner.source.SourceOptions.defaults()).load().migrations().subList(0, 3), Map.of(), null);

        // GIVEN a stored directory holding the history and its seeded clone
        rehearse(files.path());
        Path stored = storedDirectory(key);
        List<String> neverWritten = Files.readAllLines(stored.resolve(".rehearsal-never-written"));
        assertThat(neverWritten).hasSize(2);
        Map<String, String> before = FileDigests.of(stored, neverWritten);
        assertThat(before).hasSizeGreaterThan(200);

        // WHEN a server started from it clones both databases both ways, and writes every page out
        try (PostgresServer server = ((dev.rehearsal.runner.internal.provision.EmbeddedPostgresProvider)
                PostgresProviders.embedded()).start(key);
             ScratchDatabase scratch = server.createDatabase("clones");
             Connection connection = scratch.connect(); Statement statement = connection.createStatement()) {
            List<String> kept = new java.util.ArrayList<>();
            try (ResultSet rs = statement.executeQuery("SELECT datname FROM pg_database WHERE datname LIKE "
                    + "'rehearsal\\_history\\_" + key + "%' AND NOT datallowconn")) {
                while (rs.next()) {
                    kept.add(rs.getString(1));
                }
            }
            assertThat(kept).hasSize(2);
            for (String template : kept) {
                for (String strategy : List.of("WAL_LOG", "FILE_COPY")) {
                    statement.execute("CREATE DATABASE rehearsal_copy TEMPLATE " + template + " STRATEGY " + strategy);
                    statement.execute("DROP DATABASE rehearsal_copy");
                }
            }
            statement.execute("CHECKPOINT");
        }
        // AND later runs link it: one clones both databases, the next seeds other rows and drops the old ones
        assertThat(seed(rehearse(files.path())).reused()).isTrue();
        files.file("V4__orders_total_positive.sql", CHECK.replace(">= 0", ">= 10"));
        assertThat(seed(rehearse(files.path())).reused()).isFalse();

        // THEN not a byte of the stored databases changed
        assertThat(FileDigests.changed(before, FileDigests.of(stored, neverWritten)))
                .as("files of the stored histories written to").isEmpty();
    }

    /** The directory stored with the history of {@code key} and one seeded clone of it. */
    private static Path storedDirectory(String key) throws IOException {
        Path root = dev.rehearsal.runner.internal.provision.RehearsalHome.forCurrentUser().cacheDirectory()
                .resolve("pgdata").resolve("history");
        try (Stream<Path> entries = Files.list(root)) {
            List<Path> found = entries.filter(p -> p.getFileName().toString().contains("-" + key + "_")
                    && !p.getFileName().toString().contains(".staging-")).toList();
            assertThat(found).hasSize(1);
            return found.get(0);
        }
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
