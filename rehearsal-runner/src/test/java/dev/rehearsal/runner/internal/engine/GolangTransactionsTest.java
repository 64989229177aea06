package dev.rehearsal.runner.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.report.LockHold;
import dev.rehearsal.report.MigrationReport;
import dev.rehearsal.report.Phase;
import dev.rehearsal.report.Report;
import dev.rehearsal.report.StatementTrace;
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
 * golang-migrate sends a file as one query; the {@code BEGIN} and {@code COMMIT} in it mark the transactions
 * PostgreSQL runs (Ente's {@code 25_alter_ids_to_bigint.up.sql}: ALTERs, then two {@code BEGIN; … COMMIT;} blocks).
 * Such files were refused; they now run in those transactions, each releasing its locks at its own commit.
 */
class GolangTransactionsTest {

    /** Whether this session holds ACCESS EXCLUSIVE on table a, as the ALTER before the first BEGIN took it. */
    private static final String A_LOCKED = "EXISTS (SELECT 1 FROM pg_locks WHERE pid = pg_backend_pid()"
            + " AND relation = 'a'::regclass AND mode = 'AccessExclusiveLock')";

    @RegisterExtension
    static final EmbeddedServer server = new EmbeddedServer();

    @TempDir
    Path migrations;

    @Test
    void should_release_the_locks_of_each_transaction_at_its_own_commit() {
        MigrationFiles.in(migrations)
                .file("1_tables.up.sql", "CREATE TABLE a (id int);\nCREATE TABLE b (id int);")
                .file("1_tables.down.sql", "DROP TABLE b;\nDROP TABLE a;")
                .file("2_two_steps.up.sql", """
                        ALTER TABLE a ADD COLUMN x int;
                        BEGIN;
                        ALTER TABLE a ADD COLUMN z int;
                        DO $$ BEGIN IF NOT %s THEN RAISE EXCEPTION 'a is not locked here'; END IF; END $$;
                        COMMIT;
                        BEGIN;
                        ALTER TABLE b ADD COLUMN y int;
                        DO $$ BEGIN IF %s THEN RAISE EXCEPTION 'a is still locked'; END IF; END $$;
                        COMMIT;
                        """.formatted(A_LOCKED, A_LOCKED))
                .file("2_two_steps.down.sql", "ALTER TABLE b DROP COLUMN y;\nALTER TABLE a DROP COLUMN z, DROP COLUMN x;");

        Report report = new RehearsalEngine(RehearsalConfig.builder().migrations(migrations.toString())
                .provider(server.provider()).rows(0).load(false).build()).run();

        // THEN the session held the lock of the ALTER before BEGIN inside the block, and no longer after the COMMIT
        MigrationReport second = report.migrations().get(1);
        assertThat(second.statements()).allSatisfy(s -> assertThat(s.error()).isNull());
        assertThat(second.roundTrip().up()).isEqualTo(StepStatus.OK);
        assertThat(second.roundTrip().down()).isEqualTo(StepStatus.OK);
        assertThat(second.roundTrip().reup()).isEqualTo(StepStatus.OK);
        assertThat(second.statements()).extracting(StatementTrace::sql)
                .noneMatch(sql -> sql.startsWith("BEGIN") || sql.startsWith("COMMIT"));
        // AND the lock on b, taken in the second transaction, is reported with it
        assertThat(up(second, "ALTER TABLE b").locks()).extracting(LockHold::relation).contains("public.b");
    }

    private static StatementTrace up(MigrationReport migration, String prefix) {
        return migration.statements().stream().filter(s -> s.phase() == Phase.UP && s.sql().startsWith(prefix))
                .findFirst().orElseThrow();
    }

}
