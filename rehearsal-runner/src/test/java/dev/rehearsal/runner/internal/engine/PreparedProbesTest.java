package dev.rehearsal.runner.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.report.LockHold;
import dev.rehearsal.report.MigrationReport;
import dev.rehearsal.report.Phase;
import dev.rehearsal.report.Report;
import dev.rehearsal.report.RunStatus;
import dev.rehearsal.report.StatementTrace;
import dev.rehearsal.runner.config.RehearsalConfig;
import dev.rehearsal.runner.RehearsalEngine;
import dev.rehearsal.runner.PostgresProviders;
import dev.rehearsal.runner.support.MigrationFiles;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tracer's probe queries are prepared statements of the migration's session; a migration that drops the
 * session's prepared statements (DISCARD ALL, DEALLOCATE ALL) or only mentions doing so must still be traced.
 */
class PreparedProbesTest {

    @TempDir
    Path dir;

    @Test
    void should_trace_the_statements_after_a_migration_drops_the_sessions_prepared_statements() {
        // GIVEN a non-transactional script with DISCARD ALL, a transactional one with DEALLOCATE ALL, and one that
        // only mentions discarding in a comment
        MigrationFiles db = MigrationFiles.in(dir.resolve("db"))
                .file("V1__create.sql", "CREATE TABLE t (id int PRIMARY KEY);\n")
                .file("U1__create.sql", "DROP TABLE t;\n")
                .file("V2__discard.sql", "DISCARD ALL;\nALTER TABLE t ADD COLUMN a int;\n")
                .file("V2__discard.sql.conf", "executeInTransaction=false\n")
                .file("U2__discard.sql", "ALTER TABLE t DROP COLUMN a;\n")
                .file("V3__deallocate.sql", "DEALLOCATE ALL;\nALTER TABLE t ADD COLUMN b int;\n")
                .file("U3__deallocate.sql", "ALTER TABLE t DROP COLUMN b;\n")
                .file("V4__mention.sql", "-- discard the old default, deallocate nothing\nALTER TABLE t ADD COLUMN c int;\n")
                .file("U4__mention.sql", "ALTER TABLE t DROP COLUMN c;\n");

        // WHEN rehearsed
        Report report = new RehearsalEngine(RehearsalConfig.builder().migrations(db.path().toString())
                .provider(PostgresProviders.embedded()).rows(0).load(false).build()).run();

        // THEN every round trip succeeded and each ALTER, up and up again, shows its ACCESS EXCLUSIVE lock
        assertThat(report.status()).isEqualTo(RunStatus.COMPLETE);
        for (MigrationReport migration : report.migrations().subList(1, 4)) {
            assertThat(migration.roundTrip().failure()).as(migration.version()).isNull();
            assertThat(migration.roundTrip().schemaRestored()).as(migration.version()).isTrue();
            for (Phase phase : new Phase[] {Phase.UP, Phase.REUP}) {
                StatementTrace alter = migration.statements().stream()
                        .filter(s -> s.phase() == phase && s.sql().startsWith("ALTER TABLE")).findFirst().orElseThrow();
                assertThat(alter.locks()).as(migration.version() + " " + phase)
                        .extracting(LockHold::relation, LockHold::mode)
                        .contains(org.assertj.core.groups.Tuple.tuple("public.t", "AccessExclusiveLock"));
            }
        }
    }
}
