package dev.rehearsal.runner.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

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
 * {@code SET TRANSACTION ISOLATION LEVEL …} right after {@code BEGIN}, as Langfuse's evaluator backfill pins one
 * snapshot for its statements: PostgreSQL takes it only before the transaction's first query, and the rehearsal's
 * probe ran first, so a migration that works in production failed with "must be called before any query".
 */
class TransactionModesTest {

    private static final String ISOLATION_IS = "DO $$ BEGIN IF current_setting('transaction_isolation') <> '%s' THEN "
            + "RAISE EXCEPTION 'isolation is %%', current_setting('transaction_isolation'); END IF; END $$;";

    @RegisterExtension
    static final EmbeddedServer server = new EmbeddedServer();

    @TempDir
    Path migrations;

    @Test
    void should_set_the_modes_of_each_transaction_before_its_first_query() {
        MigrationFiles.in(migrations)
                .file("migration_lock.toml", "provider = \"postgresql\"\n")
                .file("20240101000000_init/migration.sql", "CREATE TABLE a (id int);\nCREATE TABLE b (id int);")
                .file("20240102000000_backfill/migration.sql", """
                        -- Prisma does not wrap PostgreSQL migrations in a transaction.
                        BEGIN;
                        -- one snapshot for every statement of the backfill
                        SET TRANSACTION ISOLATION LEVEL REPEATABLE READ;
                        SET LOCAL statement_timeout = 0;
                        %s
                        INSERT INTO b (id) SELECT id FROM a;
                        COMMIT;
                        SET TRANSACTION ISOLATION LEVEL SERIALIZABLE, READ WRITE;
                        %s
                        ALTER TABLE a ADD COLUMN x int;
                        """.formatted(ISOLATION_IS.formatted("repeatable read"), ISOLATION_IS.formatted("serializable")))
                // alone, the statement runs in auto-commit mode, where PostgreSQL only warns that it does nothing
                .file("20240103000000_alone/migration.sql", "SET TRANSACTION ISOLATION LEVEL SERIALIZABLE;");

        Report report = new RehearsalEngine(RehearsalConfig.builder().migrations(migrations.toString())
                .provider(server.provider()).rows(0).load(false).build()).run();

        // THEN each transaction ran with the isolation its SET TRANSACTION asked for, and nothing failed
        MigrationReport backfill = report.migrations().get(1);
        assertThat(backfill.statements()).allSatisfy(s -> assertThat(s.error()).as(s.sql()).isNull());
        assertThat(backfill.roundTrip().up()).isEqualTo(StepStatus.OK);
        assertThat(report.migrations().get(2).roundTrip().up()).isEqualTo(StepStatus.OK);
        // AND the statements are reported in the script's order, on their own lines, taking no lock
        assertThat(backfill.statements()).filteredOn(s -> s.phase() == Phase.UP).extracting(StatementTrace::line)
                .containsExactly(4, 5, 6, 7, 9, 10, 11);
        StatementTrace isolation = backfill.statements().get(0);
        assertThat(isolation.sql()).contains("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ");
        assertThat(isolation.locks()).isEmpty();
        assertThat(backfill.statements().get(4).sql()).startsWith("SET TRANSACTION ISOLATION LEVEL SERIALIZABLE");
        // AND the ALTER of the second transaction is traced as any other statement
        assertThat(backfill.statements().get(6).locks()).anySatisfy(l -> assertThat(l.relation()).isEqualTo("public.a"));
    }
}
