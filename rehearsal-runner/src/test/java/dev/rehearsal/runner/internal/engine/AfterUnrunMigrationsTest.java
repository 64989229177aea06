package dev.rehearsal.runner.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.report.Finding;
import dev.rehearsal.report.MigrationReport;
import dev.rehearsal.report.Report;
import dev.rehearsal.report.Severity;
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
 * A Flyway {@code beforeMigrate} callback runs before every migrate in production, and Rehearsal does not run it: a
 * migration that fails on what the callback creates is left out with a warning, as after a goose Go migration (the
 * goose case is the sample {@code GooseTest}).
 */
class AfterUnrunMigrationsTest {

    @RegisterExtension
    static final EmbeddedServer server = new EmbeddedServer();

    @TempDir
    Path dir;

    @Test
    void should_leave_out_a_migration_that_needs_what_a_before_migrate_callback_creates() {
        Path migrations = MigrationFiles.in(dir.resolve("flyway"))
                .file("beforeMigrate.sql", "CREATE SCHEMA IF NOT EXISTS audit;")
                .file("V1__orders.sql", "CREATE TABLE orders (id bigint PRIMARY KEY);")
                .file("V2__audit_log.sql", "CREATE TABLE audit.log (id bigint PRIMARY KEY, note text);")
                .file("V3__order_note.sql", "ALTER TABLE orders ADD COLUMN note text;")
                .file("U3__order_note.sql", "ALTER TABLE orders DROP COLUMN note;").path();

        Report report = new RehearsalEngine(RehearsalConfig.builder().migrations(migrations.toString())
                .provider(server.provider()).rows(10).load(false).flywayParity(false).build()).run();

        MigrationReport auditLog = report.migrations().get(1);
        assertThat(auditLog.needsUnrehearsedMigration()).as("findings: %s", auditLog.findings()).isTrue();
        Finding finding = auditLog.findings().get(0);
        assertThat(finding.severity()).isEqualTo(Severity.WARNING);
        assertThat(finding.title()).contains("schema \"audit\" does not exist", "beforeMigrate.sql");
        assertThat(finding.remediation()).contains("Rehearsal does not run Flyway callbacks");
        assertThat(report.migrations().get(2).roundTrip().reup()).isEqualTo(StepStatus.OK);
    }
}
