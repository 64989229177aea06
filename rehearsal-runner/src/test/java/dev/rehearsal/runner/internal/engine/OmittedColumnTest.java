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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ory Kratos' {@code 20200317160354000002}: an {@code INSERT … SELECT} that leaves {@code created_at}, NOT NULL without
 * a default, out of its column list. It fails on any row it copies; the rehearsal reported it as generated values
 * rejected (a warning) and emptied the table it read, as if other rows would have passed.
 */
class OmittedColumnTest {

    @RegisterExtension
    static final EmbeddedServer server = new EmbeddedServer();

    @TempDir
    Path migrations;

    @Test
    void should_report_an_insert_that_leaves_a_required_column_out_as_the_migration_failing() {
        MigrationFiles.in(migrations)
                .file("V1__requests.sql", """
                        CREATE TABLE requests (id uuid PRIMARY KEY, form jsonb NOT NULL);
                        CREATE TABLE request_methods (id uuid PRIMARY KEY, method text NOT NULL,
                            request_id uuid NOT NULL, config jsonb NOT NULL, created_at timestamp NOT NULL);""")
                .file("V2__methods.sql", "-- one method per request\nINSERT INTO request_methods (id, method, "
                        + "request_id, config) SELECT id, 'traits', id, form FROM requests;");

        Report report = new RehearsalEngine(RehearsalConfig.builder().migrations(migrations.toString())
                .provider(server.provider()).rows(20).load(false).flywayParity(false).build()).run();

        // THEN the migration's failure is reported as its own, naming the column left out, and the chain went on
        MigrationReport v2 = report.migrations().get(1);
        assertThat(v2.findings()).extracting(Finding::code).contains("MIGRATION_FAILED")
                .doesNotContain("GENERATED_DATA_REJECTED");
        Finding failed = v2.findings().stream().filter(f -> f.code().equals("MIGRATION_FAILED")).findFirst().orElseThrow();
        assertThat(failed.line()).isEqualTo(2);
        assertThat(failed.evidence()).contains("leaves public.request_methods.created_at out of its column list",
                "emptied public.requests of 20 generated row(s)");
        assertThat(failed.remediation()).startsWith("Give created_at a value in the INSERT");
        assertThat(v2.roundTrip().up()).isEqualTo(StepStatus.OK);
    }
}
