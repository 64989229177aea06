package dev.rehearsal.runner.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.report.Finding;
import dev.rehearsal.report.MigrationReport;
import dev.rehearsal.report.Report;
import dev.rehearsal.runner.RehearsalEngine;
import dev.rehearsal.runner.config.RehearsalConfig;
import dev.rehearsal.runner.support.EmbeddedServer;
import dev.rehearsal.runner.support.MigrationFiles;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Prisma removes an enum value by renaming the old type, creating the new one and converting the column through
 * text (Formbricks, trigger.dev). The conversion fails on any row holding a removed label; the rehearsal's rows are
 * generated to fit it, so the migration passed without a word about the one thing production must be asked.
 */
class EnumLabelsDroppedTest {

    @RegisterExtension
    static final EmbeddedServer server = new EmbeddedServer();

    @TempDir
    Path dir;

    @Test
    void should_name_the_labels_a_conversion_removes_and_the_query_to_ask_production() {
        Path migrations = MigrationFiles.in(dir.resolve("migrations"))
                .file("20240101000000_init/migration.sql", """
                        CREATE TYPE "JobStatus" AS ENUM ('active', 'paused', 'legacy', 'it''s old');
                        CREATE TABLE "Job" (id text PRIMARY KEY, "status" "JobStatus" NOT NULL, kind "JobStatus");""")
                .file("20240201000000_drop_legacy/migration.sql", """
                        -- AlterEnum
                        BEGIN;
                        CREATE TYPE "JobStatus_new" AS ENUM ('active', 'paused');
                        ALTER TABLE "Job" ALTER COLUMN "status" TYPE "JobStatus_new" USING ("status"::text::"JobStatus_new");
                        ALTER TABLE "Job" ALTER COLUMN kind TYPE "JobStatus_new" USING (kind::text::"JobStatus_new");
                        ALTER TYPE "JobStatus" RENAME TO "JobStatus_old";
                        ALTER TYPE "JobStatus_new" RENAME TO "JobStatus";
                        DROP TYPE "JobStatus_old";
                        COMMIT;""")
                .file("20240301000000_add_label/migration.sql", """
                        ALTER TYPE "JobStatus" ADD VALUE 'done';""")
                .path();

        Report report = new RehearsalEngine(RehearsalConfig.builder().migrations(migrations.toString())
                .provider(server.provider()).rows(200).load(false).build()).run();

        MigrationReport dropping = report.migrations().get(1);
        List<Finding> found = dropping.findings().stream().filter(f -> f.code().equals("ENUM_LABELS_DROPPED")).toList();
        assertThat(found).hasSize(2);
        Finding status = found.stream().filter(f -> f.title().contains(".status ")).findFirst().orElseThrow();
        assertThat(status.title()).isEqualTo("Converts public.\"Job\".status to public.\"JobStatus\", which lacks "
                + "labels 'legacy', 'it''s old'");
        assertThat(status.line()).isEqualTo(4);
        assertThat(status.remediation()).contains("SELECT status::text, count(*) FROM public.\"Job\" WHERE "
                + "status::text IN ('legacy', 'it''s old') GROUP BY 1;");
        Finding kind = found.stream().filter(f -> f.title().contains(".kind ")).findFirst().orElseThrow();
        assertThat(kind.line()).isEqualTo(5);
        // the rows were generated to fit: the migration itself passed
        assertThat(dropping.roundTrip().up()).hasToString("OK");
        // a label added, or none removed: nothing to ask
        assertThat(report.migrations().get(0).findings()).noneMatch(f -> f.code().equals("ENUM_LABELS_DROPPED"));
        assertThat(report.migrations().get(2).findings()).noneMatch(f -> f.code().equals("ENUM_LABELS_DROPPED"));
    }
}
