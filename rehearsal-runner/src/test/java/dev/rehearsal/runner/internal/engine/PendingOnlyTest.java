package dev.rehearsal.runner.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rehearsal.report.Finding;
import dev.rehearsal.report.MigrationReport;
import dev.rehearsal.report.Report;
import dev.rehearsal.runner.PostgresProviders;
import dev.rehearsal.runner.RehearsalEngine;
import dev.rehearsal.runner.config.RehearsalConfig;
import dev.rehearsal.runner.core.ErrorCode;
import dev.rehearsal.runner.core.RehearsalException;
import dev.rehearsal.runner.support.MigrationFiles;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The history before the pending migrations is applied once, kept between runs, and never rehearsed. */
@Tag("slow") // whole rehearsals on servers of their own
class PendingOnlyTest {

    @TempDir
    Path dir;

    /** A chain of four with a history of three; a unique comment gives its history a key no earlier run cached. */
    private MigrationFiles chain() {
        return MigrationFiles.in(dir.resolve("migrations"))
                .file("V1__accounts.sql", "-- " + UUID.randomUUID() + "\nCREATE TABLE accounts (id bigint PRIMARY KEY, "
                        + "email text NOT NULL);")
                .file("V2__orders.sql", "CREATE TABLE orders (id bigint PRIMARY KEY, "
                        + "account_id bigint NOT NULL REFERENCES accounts (id), total integer NOT NULL);")
                .file("V3__notes.sql", "CREATE TABLE notes (id bigint PRIMARY KEY, body text);")
                .file("V4__orders_total_bigint.sql", "ALTER TABLE orders ALTER COLUMN total TYPE bigint;")
                .file("U4__orders_total_bigint.sql", "ALTER TABLE orders ALTER COLUMN total TYPE integer;");
    }

    private static Report rehearse(Path migrations, Consumer<RehearsalConfig.Builder> settings) {
        RehearsalConfig.Builder builder = RehearsalConfig.builder()
                .migrations(migrations.toString())
                .provider(PostgresProviders.embedded())
                .rows(500)
                .load(false);
        settings.accept(builder);
        return new RehearsalEngine(builder.build()).run();
    }

    @Test
    void should_apply_the_history_once_and_clone_it_on_the_next_server() {
        Path migrations = chain().path();

        // WHEN the migrations after V3 are rehearsed twice, each time on a server of its own, under load
        Report first = rehearse(migrations, config -> config.pendingAfter("3").load(true));
        Report second = rehearse(migrations, config -> config.pendingAfter("3").load(true));

        // THEN the first run applies the history, the second starts from the one the first kept
        assertThat(first.appliedHistory().versions()).containsExactly("1", "2", "3");
        assertThat(first.appliedHistory().cached()).isFalse();
        assertThat(second.appliedHistory().cached()).isTrue();
        // AND both rehearse only V4, with the same findings (but those of a duration against a budget: on a busy
        // machine V4's short AccessExclusiveLock can keep writers waiting past 100 ms in one run and not the other)
        assertThat(first.migrations()).extracting(MigrationReport::version).containsExactly("4");
        assertThat(codesBesideDurations(second)).isNotEmpty().containsExactlyElementsOf(codesBesideDurations(first));
        assertThat(first.settings()).containsEntry("pendingAfter", "3");
        // AND Flyway, after the rehearsal, baselines a clone of the history and agrees with the rehearsed schema
        assertThat(first.findings()).isEmpty();
        assertThat(second.findings()).isEmpty();
    }

    /** V4's finding codes, less those of a measured duration against a budget (writers blocked, a lock queue). */
    private static List<String> codesBesideDurations(Report report) {
        return report.migrations().get(0).findings().stream().map(Finding::code)
                .filter(code -> !code.equals("LOCK_BLOCKS_WRITERS") && !code.equals("LOCK_QUEUE")).toList();
    }

    @Test
    void should_apply_a_history_edited_since_instead_of_cloning_the_old_one_and_report_the_edit() {
        MigrationFiles files = chain();
        Report released = rehearse(files.path(), config -> config.pendingAfter("3"));
        Map<String, Integer> applied = Map.of("2", dev.rehearsal.runner.MigrationSources.at(files.path().toString(),
                dev.rehearsal.runner.source.SourceOptions.defaults()).load().migrations().get(1).up().checksum());

        // WHEN V2, already applied, is edited and the pending migration rehearsed again
        files.file("V2__orders.sql", "CREATE TABLE orders (id bigint PRIMARY KEY, account_id bigint NOT NULL "
                + "REFERENCES accounts (id), total integer NOT NULL, note text);");
        Report edited = rehearse(files.path(), config -> config.pendingAfter("3").baselineChecksums(applied));

        // THEN the edited history is applied afresh, and the edit is still CHECKSUM_CHANGED
        assertThat(released.appliedHistory().cached()).isFalse();
        assertThat(edited.appliedHistory().cached()).isFalse();
        assertThat(edited.findings()).extracting(Finding::code).containsExactly("CHECKSUM_CHANGED");
        assertThat(edited.findings().get(0).title()).contains("V2");
    }

    @Test
    void should_blame_a_pending_migration_that_rejects_rows_the_history_wrote() {
        // GIVEN a history that ships a code with a space, and a pending CHECK that forbids spaces
        Path migrations = MigrationFiles.in(dir.resolve("shipped"))
                .file("V1__codes.sql", "-- " + UUID.randomUUID() + "\nCREATE TABLE codes (id int PRIMARY KEY, "
                        + "code text NOT NULL);\nINSERT INTO codes VALUES (1, 'has a space'), (2, 'nospace');")
                .file("V2__no_spaces.sql", "ALTER TABLE codes ADD CONSTRAINT code_without_spaces CHECK (code !~ ' ');")
                .file("U2__no_spaces.sql", "ALTER TABLE codes DROP CONSTRAINT code_without_spaces;")
                .path();

        // WHEN only V2 is rehearsed, on generated rows beside the history's
        Report report = rehearse(migrations, config -> config.pendingAfter("1").rows(50));

        // THEN the history's row fails it as it would production (before: removed as a generated row, and V2 passed)
        MigrationReport v2 = report.migrations().get(0);
        assertThat(v2.roundTrip().up()).isEqualTo(dev.rehearsal.report.StepStatus.FAILED);
        assertThat(v2.findings()).extracting(Finding::code).contains("MIGRATION_FAILED");
    }

    /**
     * Hatchet's history, rehearsed past its Go migration v1_0_99: v1_0_100 needs the table it creates, and applying
     * the history stopped the run ("failed when the history before the pending migrations was applied").
     */
    @Test
    void should_leave_out_of_the_history_a_migration_that_needs_a_go_migration_and_say_so_on_every_run() {
        Path migrations = MigrationFiles.in(dir.resolve("goose"))
                .file("00001_orders.sql", "-- +goose Up\n-- " + UUID.randomUUID() + "\nCREATE TABLE orders (id bigint "
                        + "PRIMARY KEY, placed_at timestamptz NOT NULL);\n")
                .file("00002_archive.go", "package migrations\n")
                .file("00003_index_archive.sql", "-- +goose Up\nCREATE INDEX archive_placed_at ON orders_archive "
                        + "(placed_at);\n")
                .file("00004_order_note.sql", "-- +goose Up\nALTER TABLE orders ADD COLUMN note text;\n"
                        + "-- +goose Down\nALTER TABLE orders DROP COLUMN note;\n").path();

        // WHEN the migrations after 00003 are rehearsed, twice: the second run clones the history the first kept
        Report first = rehearse(migrations, config -> config.pendingAfter("00003"));
        Report second = rehearse(migrations, config -> config.pendingAfter("00003"));

        // THEN 00004 is rehearsed, and both runs warn that 00003 was left out of the history, and why
        assertThat(second.appliedHistory().cached()).isTrue();
        for (Report report : java.util.List.of(first, second)) {
            assertThat(report.migrations()).extracting(MigrationReport::version).containsExactly("00004");
            assertThat(report.migrations().get(0).roundTrip().reup()).isEqualTo(dev.rehearsal.report.StepStatus.OK);
            assertThat(report.findings()).singleElement().satisfies(f -> {
                assertThat(f.code()).isEqualTo("NEEDS_UNREHEARSED_MIGRATION");
                assertThat(f.script()).endsWith("00003_index_archive.sql");
                assertThat(f.line()).isEqualTo(2);
                assertThat(f.title()).contains("relation \"orders_archive\" does not exist", "00002_archive.go");
            });
        }
    }

    @Test
    void should_refuse_a_version_the_chain_does_not_hold() {
        Path migrations = chain().path();

        assertThatThrownBy(() -> rehearse(migrations, config -> config.pendingAfter("7")))
                .isInstanceOfSatisfying(RehearsalException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.UNKNOWN_VERSION))
                .hasMessageContaining("version 7").hasMessageContaining("from 1 to 4");
    }

    @Test
    void should_accept_the_version_as_flyway_writes_it() {
        Report report = rehearse(chain().path(), config -> config.pendingAfter("V3.0"));

        assertThat(report.migrations()).extracting(MigrationReport::version).containsExactly("4");
    }

    @Test
    void should_refuse_both_ways_of_naming_the_pending_migrations_at_once() {
        assertThatThrownBy(() -> RehearsalConfig.builder().migrations("db").pendingAfter("3").changedSince("main")
                .build())
                .isInstanceOfSatisfying(RehearsalException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_OPTION))
                .hasMessageContaining("give one of them");
    }
}
