package dev.rehearsal.runner.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.report.MigrationReport;
import dev.rehearsal.report.Report;
import dev.rehearsal.report.StepStatus;
import dev.rehearsal.runner.RehearsalEngine;
import dev.rehearsal.runner.config.RehearsalConfig;
import dev.rehearsal.runner.internal.util.Versions;
import dev.rehearsal.runner.support.EmbeddedServer;
import dev.rehearsal.runner.support.MigrationFiles;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two Prisma folders with one timestamp (trigger.dev has 20260630120000_add_webhook_delivery_filter and
 * 20260630120000_drop_project_alert_run_subgraph_foreign_keys) are versioned by their whole names, which Flyway's
 * version parser refuses: the checksum rule parsed every version with it, and the run ended in "Unexpected error …
 * This is a defect in Rehearsal" at the first of them.
 */
class PrismaSharedTimestampTest {

    @RegisterExtension
    static final EmbeddedServer server = new EmbeddedServer();

    @TempDir
    Path dir;

    @Test
    void should_rehearse_folders_that_share_a_timestamp() {
        Path migrations = MigrationFiles.in(dir.resolve("migrations"))
                .file("20260101000000_init/migration.sql", "CREATE TABLE \"Webhook\" (id text PRIMARY KEY);")
                .file("20260630120000_add_filter/migration.sql", "ALTER TABLE \"Webhook\" ADD COLUMN \"filter\" text;")
                .file("20260630120000_add_name/migration.sql", "ALTER TABLE \"Webhook\" ADD COLUMN \"name\" text;")
                .path();

        Report report = new RehearsalEngine(RehearsalConfig.builder().migrations(migrations.toString())
                .provider(server.provider()).rows(0).load(false).build()).run();

        assertThat(report.migrations()).extracting(MigrationReport::version)
                .containsExactly("20260101000000", "20260630120000_add_filter", "20260630120000_add_name");
        assertThat(report.migrations()).allSatisfy(m -> assertThat(m.roundTrip().up()).isEqualTo(StepStatus.OK));
    }

    @Test
    void should_compare_versions_as_flyway_does_and_other_names_as_text() {
        assertThat(Versions.same("1.1", "1_1")).isTrue();
        assertThat(Versions.same("01.1", "V1.1")).isTrue();
        assertThat(Versions.same("1.1", "1.2")).isFalse();
        assertThat(Versions.same("20260630120000_add_filter", "20260630120000_add_filter")).isTrue();
        assertThat(Versions.same("20260630120000_add_filter", "20260630120000_add_name")).isFalse();
        assertThat(Versions.same("v1-create-users", "v1-create-users")).isTrue();
    }
}
