package dev.rehearsal.runner.internal.trace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.report.Finding;
import dev.rehearsal.report.MigrationReport;
import dev.rehearsal.report.Phase;
import dev.rehearsal.report.Report;
import dev.rehearsal.report.StatementTrace;
import dev.rehearsal.runner.PostgresProviders;
import dev.rehearsal.runner.RehearsalEngine;
import dev.rehearsal.runner.config.RehearsalConfig;
import dev.rehearsal.runner.support.MigrationFiles;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scan counters belong to a table, not to its name: a migration that drops a table and renames another onto its name
 * (OpenAEV's V2_2: subaudiences → audiences) reads no row with the rename, though the name's counters jump.
 */
class RenamedTableScanTest {

    @TempDir
    Path dir;

    @Test
    void should_not_count_a_rename_onto_a_dropped_tables_name_as_a_scan() {
        Path migrations = MigrationFiles.in(dir.resolve("migrations"))
                .file("V1__audiences.sql", "CREATE TABLE audiences (id int PRIMARY KEY, name text);\n"
                        + "CREATE TABLE subaudiences (id int PRIMARY KEY, name text);")
                .file("V2__merge.sql", "UPDATE subaudiences SET name = upper(name);\n"
                        + "DROP TABLE audiences;\n"
                        + "ALTER TABLE subaudiences RENAME TO audiences;").path();

        Report report = new RehearsalEngine(RehearsalConfig.builder().migrations(migrations.toString())
                .provider(PostgresProviders.embedded()).rows(500).load(false).flywayParity(false).build()).run();

        MigrationReport merge = report.migrations().get(1);
        StatementTrace update = merge.statements(Phase.UP).get(0);
        StatementTrace rename = merge.statements(Phase.UP).get(2);
        assertThat(update.scans()).as("the UPDATE reads subaudiences").isNotEmpty();
        assertThat(rename.sql()).startsWith("ALTER TABLE subaudiences RENAME");
        assertThat(rename.scans()).as("scans of the rename").isEmpty();
        assertThat(merge.findings()).extracting(Finding::code).doesNotContain("VALIDATION_SCAN_UNDER_LOCK");
    }

    @Test
    void should_not_count_a_scan_of_a_table_made_again_in_the_same_transaction() {
        // GIVEN a migration that drops and makes its tables again, then adds their keys (OpenAEV's V2_78 shape)
        Path migrations = MigrationFiles.in(dir.resolve("recreated"))
                .file("V1__tags.sql", "CREATE TABLE a_tags (id int NOT NULL);\nCREATE TABLE b_tags (id int NOT NULL);")
                .file("V2__recreate.sql", "DROP TABLE a_tags;\nCREATE TABLE a_tags (id int NOT NULL);\n"
                        + "DROP TABLE b_tags;\nCREATE TABLE b_tags (id int NOT NULL);\n"
                        + "ALTER TABLE a_tags ADD PRIMARY KEY (id);\nALTER TABLE b_tags ADD PRIMARY KEY (id);\n"
                        + "ALTER TABLE b_tags ADD CONSTRAINT b_tags_positive CHECK (id > 0);").path();

        Report report = new RehearsalEngine(RehearsalConfig.builder().migrations(migrations.toString())
                .provider(PostgresProviders.embedded()).rows(500).load(false).flywayParity(false).build()).run();

        // THEN the new tables' key builds and CHECK read no table another session could be writing to: no scan
        // finding, though the tables' names existed before the migration
        MigrationReport recreate = report.migrations().get(1);
        assertThat(recreate.statements(Phase.UP)).extracting(StatementTrace::scans).allSatisfy(scans ->
                assertThat(scans).isEmpty());
        assertThat(recreate.findings()).extracting(Finding::code).doesNotContain("VALIDATION_SCAN_UNDER_LOCK")
                .contains("DATA_LOSS");
    }
}
