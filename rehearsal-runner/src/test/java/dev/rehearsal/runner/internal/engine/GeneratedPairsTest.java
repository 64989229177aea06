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
 * Generated rows and the write load's inserts of a table that a later unique key over two foreign keys covers never
 * hold the same pair, whatever happens to the table between seedings (WebAPI's {@code sec_role_permission} under
 * {@code role_permission_unique}): a GENERATED_DATA_REJECTED there would be Rehearsal's own duplicates.
 */
@Tag("slow") // two rehearsals under load, about 3 s each
class GeneratedPairsTest {

    @RegisterExtension
    static final EmbeddedServer server = new EmbeddedServer();

    @TempDir
    Path dir;

    /**
     * After a migration deleted rows, the load started its ordinals at the row count, below generated rows still
     * there, and the next top-up reused the load's: both now take ordinals from one space per table.
     */
    @Test
    void should_give_generated_and_inserted_rows_distinct_pairs_after_a_migration_deleted_some() {
        MigrationReport v3 = third(MigrationFiles.in(dir.resolve("db"))
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
                .path());

        assertThat(v3.roundTrip().up()).isEqualTo(StepStatus.OK);
        assertThat(v3.findings()).extracting(Finding::code).doesNotContain("GENERATED_DATA_REJECTED");
    }

    /**
     * Pairs are counted over the parent rows of the day: after a migration added roles and permissions, the load's
     * pairs over the longer lists met the pairs the seeding took over the shorter ones. Rows now pass over the pairs
     * the table holds.
     */
    @Test
    void should_not_repeat_a_seeded_pair_after_a_migration_added_parent_rows() {
        MigrationReport v3 = third(MigrationFiles.in(dir.resolve("db"))
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
                .path());

        assertThat(v3.roundTrip().up()).isEqualTo(StepStatus.OK);
        assertThat(v3.findings()).extracting(Finding::code).doesNotContain("GENERATED_DATA_REJECTED");
    }

    /** The third migration's report, rehearsed on 2 000 rows per table under a write load of 2 000 per second. */
    private static MigrationReport third(Path migrations) {
        Report report = new RehearsalEngine(RehearsalConfig.builder().migrations(migrations.toString())
                .provider(server.provider()).rows(2000).load(true).loadRate(2000).build()).run();
        return report.migrations().get(2);
    }
}
