package dev.rehearsal.runner.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rehearsal.report.Finding;
import dev.rehearsal.report.MigrationReport;
import dev.rehearsal.report.Report;
import dev.rehearsal.report.RunStatus;
import dev.rehearsal.runner.PostgresProviders;
import dev.rehearsal.runner.RehearsalEngine;
import dev.rehearsal.runner.config.RehearsalConfig;
import dev.rehearsal.runner.config.SearchPath;
import dev.rehearsal.runner.core.ErrorCode;
import dev.rehearsal.runner.core.RehearsalException;
import dev.rehearsal.runner.support.MigrationFiles;
import java.nio.file.Path;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A history whose later migrations name tables unqualified that live in a schema of their own, as a database whose
 * search_path production sets (ALTER DATABASE … SET search_path) has them: with searchPath every session on
 * Rehearsal's databases resolves them as production does.
 */
@Tag("slow") // whole rehearsals
class SearchPathTest {

    @TempDir
    Path dir;

    /** V1 creates app.accounts qualified; V2 and V3 name it unqualified, as the application's search_path allows. */
    private Path chain() {
        return MigrationFiles.in(dir.resolve("migrations"))
                .file("V1__accounts.sql", "-- " + UUID.randomUUID() + "\nCREATE SCHEMA app;\n"
                        + "CREATE TABLE app.accounts (id bigint PRIMARY KEY, email text NOT NULL);")
                .file("U1__accounts.sql", "DROP TABLE app.accounts;\nDROP SCHEMA app;")
                .file("V2__accounts_email.sql", "CREATE INDEX accounts_email_idx ON accounts (email);")
                .file("U2__accounts_email.sql", "DROP INDEX accounts_email_idx;")
                .file("V3__accounts_name.sql", "ALTER TABLE accounts ADD COLUMN name text;")
                .file("U3__accounts_name.sql", "ALTER TABLE accounts DROP COLUMN name;").path();
    }

    private static Report rehearse(Path migrations, Consumer<RehearsalConfig.Builder> settings) {
        RehearsalConfig.Builder builder = RehearsalConfig.builder().migrations(migrations.toString())
                .provider(PostgresProviders.embedded()).rows(200).load(false);
        settings.accept(builder);
        return new RehearsalEngine(builder.build()).run();
    }

    @Test
    void should_resolve_unqualified_names_through_the_search_path_in_every_session() {
        Path migrations = chain();

        Report report = rehearse(migrations, config -> config.searchPath("app, \"$user\", public"));

        // THEN the index is built on app.accounts, with its rows, and the round trips and Flyway parity agree
        assertThat(report.status()).isEqualTo(RunStatus.COMPLETE);
        assertThat(report.migrations()).extracting(MigrationReport::version).containsExactly("1", "2", "3");
        MigrationReport index = report.migrations().get(1);
        assertThat(index.findings()).extracting(Finding::code).contains("NON_CONCURRENT_INDEX")
                .doesNotContain("MIGRATION_FAILED");
        assertThat(index.findings()).filteredOn(f -> f.code().equals("NON_CONCURRENT_INDEX"))
                .extracting(Finding::relation).containsOnly("app.accounts");
        assertThat(report.findings()).as("Flyway parity on a database with the same search_path").isEmpty();
        assertThat(report.settings()).containsEntry("searchPath", "app, \"$user\", public");
    }

    @Test
    void should_fail_the_unqualified_migration_without_it() {
        Report report = rehearse(chain(), config -> { });

        assertThat(report.migrations().get(1).findings()).extracting(Finding::code).contains("MIGRATION_FAILED");
    }

    @Test
    void should_set_it_on_the_clones_of_a_history_too() {
        Path migrations = chain();

        Report first = rehearse(migrations, config -> config.searchPath("app, public").pendingAfter("1"));
        Report second = rehearse(migrations, config -> config.searchPath("app, public").pendingAfter("1"));
        Report otherPath = rehearse(migrations, config -> config.searchPath("public, app").pendingAfter("1"));

        assertThat(first.migrations()).extracting(MigrationReport::version).containsExactly("2", "3");
        assertThat(first.migrations()).flatExtracting(MigrationReport::findings).extracting(Finding::code)
                .doesNotContain("MIGRATION_FAILED");
        assertThat(second.appliedHistory().cached()).isTrue();
        assertThat(second.migrations()).flatExtracting(MigrationReport::findings).extracting(Finding::code)
                .doesNotContain("MIGRATION_FAILED");
        assertThat(otherPath.appliedHistory().cached()).as("another search_path is another history").isFalse();
    }

    @Test
    void should_refuse_what_is_not_a_list_of_schema_names() {
        assertThatThrownBy(() -> RehearsalConfig.builder().searchPath("app; DROP TABLE accounts"))
                .isInstanceOf(RehearsalException.class).hasMessageContaining("position 4")
                .extracting(e -> ((RehearsalException) e).code()).isEqualTo(ErrorCode.INVALID_OPTION);
        assertThatThrownBy(() -> RehearsalConfig.builder().searchPath("app,"))
                .isInstanceOf(RehearsalException.class).hasMessageContaining("not a list of schema names");
        assertThat(SearchPath.parse("App, \"Mixed Case\", \"$user\"").sql())
                .isEqualTo("\"app\", \"Mixed Case\", \"$user\"");
        assertThat(SearchPath.parse("App, \"Mixed Case\"")).hasToString("app, \"Mixed Case\"");
        assertThat(SearchPath.parse("  ")).isNull();
    }
}
