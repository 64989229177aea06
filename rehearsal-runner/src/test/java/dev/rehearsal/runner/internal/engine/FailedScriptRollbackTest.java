package dev.rehearsal.runner.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.report.MigrationReport;
import dev.rehearsal.report.Report;
import dev.rehearsal.report.StepStatus;
import dev.rehearsal.runner.config.RehearsalConfig;
import dev.rehearsal.runner.RehearsalEngine;
import dev.rehearsal.runner.core.RehearsalListener;
import dev.rehearsal.runner.PostgresProviders;
import dev.rehearsal.runner.provision.PostgresServer;
import dev.rehearsal.runner.provision.ScratchDatabase;
import dev.rehearsal.runner.support.MigrationFiles;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * What a failed script leaves in the rehearsal database, looked at while that database still exists (when its
 * migration is reported): nothing of a transactional script, and what a non-transactional one had already done.
 */
class FailedScriptRollbackTest {

    @TempDir
    Path dir;

    @Test
    void should_leave_no_trace_of_a_transactional_script_that_failed_half_way_but_keep_a_non_transactional_ones()
            throws Exception {
        // GIVEN two scripts that create a table, insert a row, then fail; the second runs outside a transaction
        MigrationFiles.in(dir.resolve("tx"))
                .file("V1__half.sql", "CREATE TABLE half_done (id int);\nINSERT INTO half_done VALUES (1);\nSELECT 1/0;\n")
                .file("U1__half.sql", "DROP TABLE half_done;\n");
        MigrationFiles.in(dir.resolve("loose"))
                .file("V1__half.sql", "CREATE TABLE half_done (id int);\nINSERT INTO half_done VALUES (1);\nSELECT 1/0;\n")
                .file("V1__half.sql.conf", "executeInTransaction=false\n");

        try (PostgresServer server = PostgresProviders.embedded().start();
             ScratchDatabase probe = server.createDatabase("probe")) {
            // WHEN each is rehearsed, looking into the rehearsal database when its migration is reported
            List<String> transactional = new ArrayList<>();
            Report first = rehearse(dir.resolve("tx"), server, probe, transactional);
            List<String> loose = new ArrayList<>();
            Report second = rehearse(dir.resolve("loose"), server, probe, loose);

            // THEN the transactional script left nothing; the other left its table and row, as it would in production
            assertThat(first.migrations()).extracting(m -> m.roundTrip().up()).containsExactly(StepStatus.FAILED);
            assertThat(transactional).containsExactly("half_done: absent");
            assertThat(second.migrations()).extracting(m -> m.roundTrip().up()).containsExactly(StepStatus.FAILED);
            assertThat(loose).containsExactly("half_done: 1 row");
        }
    }

    private static Report rehearse(Path location, PostgresServer server, ScratchDatabase probe, List<String> seen) {
        RehearsalListener look = new RehearsalListener() {
            @Override
            public void migrationFinished(MigrationReport report) {
                seen.add(halfDoneIn(rehearsalDatabase(probe), probe));
            }
        };
        return new RehearsalEngine(RehearsalConfig.builder().migrations(location.toString())
                .provider(PostgresProviders.shared(server)).rows(0).load(false).flywayParity(false).listener(look)
                .build()).run();
    }

    /** The one rehearsal database on the server now (the probe's own name starts differently). */
    private static String rehearsalDatabase(ScratchDatabase probe) {
        try (Connection c = probe.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT datname FROM pg_database WHERE datname LIKE 'rehearsal\\_rehearsal\\_%'")) {
            assertThat(rs.next()).as("a rehearsal database exists while the migration is reported").isTrue();
            return rs.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String halfDoneIn(String database, ScratchDatabase probe) {
        PGSimpleDataSource source = new PGSimpleDataSource();
        source.setURL(probe.jdbcUrl().replace(probe.name(), database));
        try (Connection c = source.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT to_regclass('public.half_done') IS NOT NULL")) {
            rs.next();
            if (!rs.getBoolean(1)) {
                return "half_done: absent";
            }
            try (ResultSet rows = s.executeQuery("SELECT count(*) FROM half_done")) {
                rows.next();
                return "half_done: " + rows.getLong(1) + " row" + (rows.getLong(1) == 1 ? "" : "s");
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
