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
 * A unique key over two foreign keys enumerates pairs over the parent rows of the day. After a migration added
 * roles and permissions, the write load's pairs, counted over the longer lists, met pairs the seeding had taken over
 * the shorter ones, and the later unique key found duplicates of Rehearsal's own (WebAPI's {@code V1.0.11.0} on
 * {@code sec_role_permission}). Rows now pass over pairs the table holds already.
 */
@Tag("slow") // one rehearsal under load, about 3 s
class PairsOverNewParentsTest {

    @RegisterExtension
    static final EmbeddedServer server = new EmbeddedServer();

    @TempDir
    Path dir;

    @Test
    void should_not_repeat_a_seeded_pair_after_a_migration_added_parent_rows() {
        Path migrations = MigrationFiles.in(dir.resolve("db"))
                .file("V1__tables.sql", """
                        CREATE TABLE roles (id serial PRIMARY KEY, name text NOT NULL);
                        CREATE TABLE permissions (id serial PRIMARY KEY, value text NOT NULL);
                        CREATE TABLE role_permission (id serial PRIMARY KEY,
                          role_id int NOT NULL REFERENCES roles(id),
                          permission_id int NOT NULL REFERENCES permissions(id));""")
                .file("V2__more.sql", """
                        INSERT INTO permissions (value) SELECT 'p' || g FROM generate_series(1, 50) g;
                        INSERT INTO roles (name) SELECT 'r' || g FROM generate_series(1, 7) g;
                        DELETE FROM role_permission WHERE id % 3 = 0;""")
                .file("V3__unique.sql", "ALTER TABLE role_permission ADD CONSTRAINT rp_unique UNIQUE (role_id, permission_id);")
                .file("U3__unique.sql", "ALTER TABLE role_permission DROP CONSTRAINT rp_unique;")
                .path();

        Report report = new RehearsalEngine(RehearsalConfig.builder().migrations(migrations.toString())
                .provider(server.provider()).rows(2000).load(true).loadRate(2000).build()).run();

        MigrationReport v3 = report.migrations().get(2);
        assertThat(v3.roundTrip().up()).isEqualTo(StepStatus.OK);
        assertThat(v3.findings()).extracting(Finding::code).doesNotContain("GENERATED_DATA_REJECTED");
    }
}
