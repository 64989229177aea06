package dev.rehearsal.runner.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.report.Finding;
import dev.rehearsal.report.MigrationReport;
import dev.rehearsal.report.Report;
import dev.rehearsal.report.StepStatus;
import dev.rehearsal.runner.PostgresProviders;
import dev.rehearsal.runner.RehearsalEngine;
import dev.rehearsal.runner.config.RehearsalConfig;
import dev.rehearsal.runner.support.MigrationFiles;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tables numbered from a sequence that is not their column's default, as OHDSI WebAPI numbers its permissions (the
 * column has no default) and roles (its default takes another sequence, from 1000, which generated rows then used,
 * while the migrations' sequence, from 995, reached them): the
 * migrations insert with {@code nextval('sec_permission_id_seq')}, and so does the application. Generated rows and
 * the write load's inserts took other numbers, which the next migration's {@code nextval} then handed out again: a
 * duplicate key no production database meets: the step was rehearsed again, the table emptied, and WebAPI's history
 * stopped at its 60th of 196 migrations.
 */
@Tag("slow") // one rehearsal under load, about 3 s
class SequenceNumberedRowsTest {

    @TempDir
    Path dir;

    @Test
    void should_number_generated_and_load_rows_from_the_sequence_the_migrations_number_the_table_from() {
        Path migrations = MigrationFiles.in(dir.resolve("db"))
                .file("V1__permissions.sql", """
                        CREATE TABLE sec_permission (id integer NOT NULL, value varchar(255) NOT NULL,
                          CONSTRAINT pk_sec_permission PRIMARY KEY (id));
                        CREATE SEQUENCE sec_permission_id_seq START WITH 500;
                        INSERT INTO sec_permission (id, value) VALUES (1, 'admin'),
                          (nextval('sec_permission_id_seq'), 'cohort:get');
                        CREATE SEQUENCE sec_role_sequence START WITH 1000;
                        CREATE TABLE sec_role (id integer NOT NULL DEFAULT nextval('sec_role_sequence') PRIMARY KEY,
                          name varchar(255) NOT NULL);
                        CREATE SEQUENCE sec_role_id_seq START WITH 995;
                        INSERT INTO sec_role (id, name) VALUES (nextval('sec_role_id_seq'), 'admin');""")
                .file("V2__more_permissions.sql", """
                        INSERT INTO sec_permission (id, value) VALUES
                          (nextval('sec_permission_id_seq'), 'cohort:post'),
                          (nextval('sec_permission_id_seq'), 'cohort:*:delete');
                        INSERT INTO sec_role (id, name) SELECT nextval('sec_role_id_seq'), 'role ' || g
                          FROM generate_series(1, 10) g;""")
                .file("U2__more_permissions.sql", "DELETE FROM sec_permission WHERE value IN ('cohort:post', "
                        + "'cohort:*:delete');\nDELETE FROM sec_role WHERE name LIKE 'role %';")
                .path();

        Report report = new RehearsalEngine(RehearsalConfig.builder().migrations(migrations.toString())
                .provider(PostgresProviders.embedded()).rows(2000).load(true).build()).run();

        // THEN V2's inserts take numbers no generated or inserted row holds, as in production: no collision with the
        // load's rows (rehearsed again), nor with generated ones (the table emptied, V2 measured on no rows)
        MigrationReport v2 = report.migrations().get(1);
        assertThat(v2.findings()).extracting(Finding::code).doesNotContain("MIGRATION_FAILED", "GENERATED_DATA_REJECTED");
        assertThat(v2.roundTrip().up()).isEqualTo(StepStatus.OK);
        assertThat(v2.roundTrip().reup()).isEqualTo(StepStatus.OK);
        // AND the write load's inserts into the tables did not fail on the numbers either
        assertThat(v2.load()).allSatisfy(window -> assertThat(window.errorSamples()).noneMatch(
                e -> e.contains("pk_sec_permission") || e.contains("sec_role_pkey")));
    }

    @Test
    void should_leave_the_load_to_its_own_numbers_until_the_sequence_exists() {
        // GIVEN a table whose sequence a later migration creates (WebAPI's sec_permission_id_seq, 30 migrations on)
        Path migrations = MigrationFiles.in(dir.resolve("later"))
                .file("V1__users.sql", "CREATE TABLE sec_user (id integer PRIMARY KEY, login varchar(255) NOT NULL);")
                .file("V2__user_sequence.sql", """
                        CREATE SEQUENCE sec_user_seq START WITH 100000;
                        INSERT INTO sec_user (id, login) VALUES (nextval('sec_user_seq'), 'admin');""")
                .path();

        Report report = new RehearsalEngine(RehearsalConfig.builder().migrations(migrations.toString())
                .provider(PostgresProviders.embedded()).rows(500).load(true).build()).run();

        // THEN the load's inserts while V2 creates the sequence did not name it before it existed
        MigrationReport v2 = report.migrations().get(1);
        assertThat(v2.roundTrip().up()).isEqualTo(StepStatus.OK);
        assertThat(v2.load()).isNotEmpty().allSatisfy(window -> assertThat(window.errorSamples())
                .noneMatch(e -> e.contains("sec_user_seq")));
    }
}
