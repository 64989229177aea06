package dev.rehearsal.runner.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.report.Finding;
import dev.rehearsal.report.MigrationReport;
import dev.rehearsal.report.Report;
import dev.rehearsal.report.SeedSummary;
import dev.rehearsal.runner.RehearsalEngine;
import dev.rehearsal.runner.config.RehearsalConfig;
import dev.rehearsal.runner.support.MigrationFiles;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A migration that changes its tool's own history table, as production's database has it before the first migration
 * (Harbor's 0030 adds a column to golang-migrate's schema_migrations).
 */
class ToolHistoryTableTest {

    @TempDir
    Path migrations;

    @Test
    void should_rehearse_a_migration_that_alters_golang_migrates_table_and_leave_the_table_unseeded() {
        MigrationFiles.in(migrations)
                .file("0001_artifacts.up.sql", "CREATE TABLE artifact (id serial PRIMARY KEY, digest text NOT NULL);")
                .file("0001_artifacts.down.sql", "DROP TABLE artifact;")
                .file("0002_data_version.up.sql", """
                        /*record the data version to decide whether the data migration should be skipped*/
                        ALTER TABLE schema_migrations ADD COLUMN data_version int;
                        ALTER TABLE artifact ADD COLUMN size bigint;""")
                .file("0002_data_version.down.sql", """
                        ALTER TABLE artifact DROP COLUMN size;
                        ALTER TABLE schema_migrations DROP COLUMN data_version;""");

        Report report = new RehearsalEngine(RehearsalConfig.builder()
                .migrations(migrations.toString())
                .rows(1_000)
                .load(true)
                .build()).run();

        // THEN the migration runs as it does in production, where golang-migrate made the table first
        MigrationReport second = report.migrations().get(1);
        assertThat(second.findings()).extracting(Finding::code).doesNotContain("MIGRATION_FAILED", "DOWN_NOT_RESTORING");
        assertThat(second.statements()).allSatisfy(s -> assertThat(s.error()).isNull());
        // AND the tool's table gets no generated rows (only the tool writes it)
        assertThat(second.seed().tables()).extracting(SeedSummary.SeededTable::relation)
                .contains("public.artifact").doesNotContain("public.schema_migrations");
    }
}
