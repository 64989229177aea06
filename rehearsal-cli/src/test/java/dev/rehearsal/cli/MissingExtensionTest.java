package dev.rehearsal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.report.Report;
import dev.rehearsal.report.RunStatus;
import dev.rehearsal.runner.support.Leftovers;
import dev.rehearsal.runner.support.MigrationFiles;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A migration that creates an extension the embedded server does not carry (Formbricks' history creates pgvector's
 * {@code vector} at its 98th of 167 migrations): the server's limit, not the migration's failure. The run stops with
 * exit 4 and says which extension and where to rehearse instead; what was rehearsed before it stays in the report.
 */
class MissingExtensionTest {

    @TempDir
    Path dir;

    private MigrationFiles db;
    private Leftovers leftovers;

    @BeforeEach
    void setUp() {
        db = MigrationFiles.in(dir.resolve("db"));
        leftovers = Leftovers.before();
        db.file("V1__items.sql", "CREATE TABLE items (id bigint PRIMARY KEY, name text);\n");
        db.file("V2__embeddings.sql", "-- CreateExtension\nCREATE EXTENSION IF NOT EXISTS \"vector\";\n"
                + "ALTER TABLE items ADD COLUMN embedding vector(3);\n");
        db.file("V3__later.sql", "CREATE INDEX items_name ON items (name);\n");
    }

    @Test
    void should_stop_with_exit_4_naming_the_extension_and_a_server_that_has_it() throws IOException {
        // WHEN the chain is rehearsed on the embedded server
        CliRun run = rehearse();

        // THEN the run stops on the server's limit, not on a finding of the migration's
        assertThat(run.exitCode()).as(run.err()).isEqualTo(4);
        assertThat(run.err()).contains("has no extension \"vector\"").contains("V2__embeddings.sql:2")
                .contains("that migration and the 1 after it could not be rehearsed")
                .contains("pgvector/pgvector:pg18").doesNotContain("MIGRATION_FAILED");
        Report report = CliRun.report(dir.resolve("out"));
        assertThat(report.status()).isEqualTo(RunStatus.INCOMPLETE);
        assertThat(report.statusReason()).contains("has no extension \"vector\"");
        assertThat(report.migrations()).extracting(m -> m.version()).containsExactly("1");
    }

    @Test
    void should_stop_the_same_way_when_the_extension_is_in_the_history_before_the_pending_migrations() {
        // WHEN only V3 is rehearsed, the history up to V2 applied without rehearsal
        CliRun run = rehearse("--pending-after", "2");

        // THEN the same stop, naming the history's script
        assertThat(run.exitCode()).as(run.err()).isEqualTo(4);
        assertThat(run.err()).contains("has no extension \"vector\"").contains("V2__embeddings.sql:2")
                .contains("the pending migrations after the history could not be rehearsed");
    }

    private CliRun rehearse(String... extra) {
        CliRun run = CliRun.quick(db.path(), dir.resolve("out"), extra);
        assertThat(run.err()).as("no stack trace").doesNotContain("\tat ");
        leftovers.assertNoneLeftByThisJvm();
        return run;
    }
}
