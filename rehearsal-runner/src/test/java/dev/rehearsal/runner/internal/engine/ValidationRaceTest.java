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
 * A backfill copies projects into a new table, then every project gets a foreign key to it (Langfuse's
 * {@code add_organizations_main_migration}). A project the write load inserts in between has no organization, and the
 * key fails: the rehearsal blamed its generated rows and emptied the table, so later migrations met an empty
 * {@code projects}. Now the step is rehearsed again without the load, on the same rows, and the finding says the
 * writers' rows broke it. The test makes the window certain by waiting, in the migration, for the load's insert.
 */
@Tag("slow") // the write load beside four attempts at most
class ValidationRaceTest {

    /** Waits (up to 30 s) until a writer has added a project, or returns at once when no write load runs. */
    private static final String AWAIT_A_NEW_PROJECT = """
            DO $$
            DECLARE
                before bigint;
            BEGIN
                SELECT count(*) INTO before FROM projects;
                FOR i IN 1..3000 LOOP
                    EXIT WHEN (SELECT count(*) FROM projects) > before
                        OR NOT EXISTS (SELECT 1 FROM pg_stat_activity WHERE application_name = 'rehearsal-load');
                    PERFORM pg_sleep(0.01);
                END LOOP;
            END $$;""";

    @RegisterExtension
    static final EmbeddedServer server = new EmbeddedServer();

    @TempDir
    Path migrations;

    @Test
    void should_rehearse_again_without_the_writers_and_keep_the_rows_when_their_insert_broke_the_key() {
        MigrationFiles.in(migrations)
                .file("V1__projects.sql", "CREATE TABLE projects (id text PRIMARY KEY, name text NOT NULL);")
                .file("V2__organizations.sql", """
                        CREATE TABLE organizations (id text PRIMARY KEY);
                        INSERT INTO organizations SELECT 'o' || id FROM projects;
                        %s
                        ALTER TABLE projects ADD COLUMN org_id text;
                        UPDATE projects SET org_id = 'o' || id;
                        ALTER TABLE projects ADD CONSTRAINT projects_org_id_fkey FOREIGN KEY (org_id)
                            REFERENCES organizations (id);
                        """.formatted(AWAIT_A_NEW_PROJECT));

        Report report = new RehearsalEngine(RehearsalConfig.builder().migrations(migrations.toString())
                .provider(server.provider()).rows(50).load(true).loadRate(200).flywayParity(false).build()).run();

        // THEN the migration passed in the end, and the one finding about rows is the writers', at the key's line
        MigrationReport v2 = report.migrations().get(1);
        assertThat(v2.roundTrip().up()).isEqualTo(StepStatus.OK);
        assertThat(v2.findings()).filteredOn(f -> f.code().equals("GENERATED_DATA_REJECTED")).singleElement()
                .satisfies(f -> {
                    assertThat(f.title()).isEqualTo("The statement failed on rows the write load wrote to "
                            + "public.projects while the step ran");
                    assertThat(f.line()).isEqualTo(16);
                    assertThat(f.evidence()).contains("violates foreign key constraint \"projects_org_id_fkey\"",
                            "nothing was removed", "rehearsed again without the write load");
                });
        // AND nothing was emptied: no finding says rows were removed
        assertThat(v2.findings()).extracting(Finding::evidence).noneMatch(e -> e.contains("emptied"));
    }
}
