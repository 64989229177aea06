package dev.rehearsal.runner.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.report.Finding;
import dev.rehearsal.report.MigrationReport;
import dev.rehearsal.report.Report;
import dev.rehearsal.report.StepStatus;
import dev.rehearsal.runner.RehearsalEngine;
import dev.rehearsal.runner.config.RehearsalConfig;
import dev.rehearsal.runner.support.EmbeddedServer;
import dev.rehearsal.runner.support.MigrationFiles;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Generated rows and the write load's inserts take their unique values from one ordinal space. After a migration
 * deleted rows, the load started at the row count and repeated the ordinals of generated rows still there, and the
 * next seeding topped the table up with the load's: a later unique key over two foreign keys then found duplicate
 * pairs that were Rehearsal's own (WebAPI's {@code sec_role_permission}, under {@code role_permission_unique}).
 */
@Tag("slow") // one rehearsal under load, about 3 s
class SharedOrdinalsTest {

    @RegisterExtension
    static final EmbeddedServer server = new EmbeddedServer();

    @TempDir
    Path dir;

    @Test
    void should_give_generated_and_inserted_rows_distinct_pairs_after_a_migration_deleted_some() {
        Path migrations = MigrationFiles.in(dir.resolve("db"))
                .file("V1__tables.sql", """
                        CREATE TABLE sec_role (id integer PRIMARY KEY, name varchar(255) NOT NULL);
                        CREATE TABLE sec_permission (id integer PRIMARY KEY, value varchar(255) NOT NULL);
                        CREATE TABLE sec_role_permission (id serial PRIMARY KEY,
                          role_id integer NOT NULL REFERENCES sec_role,
                          permission_id integer NOT NULL REFERENCES sec_permission);""")
                .file("V2__cleanup.sql", "DELETE FROM sec_role_permission WHERE id % 3 = 0;")
                .file("V3__unique.sql", "ALTER TABLE sec_role_permission ADD CONSTRAINT role_permission_unique "
                        + "UNIQUE (role_id, permission_id);")
                .file("U3__unique.sql", "ALTER TABLE sec_role_permission DROP CONSTRAINT role_permission_unique;")
                .path();

        Report report = new RehearsalEngine(RehearsalConfig.builder().migrations(migrations.toString())
                .provider(server.provider()).rows(2000).load(true).loadRate(2000).build()).run();

        MigrationReport v3 = report.migrations().get(2);
        assertThat(v3.roundTrip().up()).isEqualTo(StepStatus.OK);
        assertThat(v3.findings()).extracting(Finding::code).doesNotContain("GENERATED_DATA_REJECTED");
    }
}
