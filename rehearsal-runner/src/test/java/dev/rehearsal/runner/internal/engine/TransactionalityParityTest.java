package dev.rehearsal.runner.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.report.Finding;
import dev.rehearsal.report.FindingType;
import dev.rehearsal.report.MigrationReport;
import dev.rehearsal.report.Phase;
import dev.rehearsal.report.Report;
import dev.rehearsal.report.RunStatus;
import dev.rehearsal.report.StatementTrace;
import dev.rehearsal.runner.config.RehearsalConfig;
import dev.rehearsal.runner.RehearsalEngine;
import dev.rehearsal.runner.PostgresProviders;
import dev.rehearsal.runner.provision.PostgresServer;
import java.nio.file.Path;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** Which scripts run in one transaction, as Flyway decides it in production, and what the parity check says. */
class TransactionalityParityTest {

    @Test
    void should_keep_enum_additions_in_the_transaction_and_report_a_mixed_script_once() {
        // GIVEN an enum addition beside DDL (one transaction under Flyway) and a script mixing CONCURRENTLY with DDL
        Report report = new RehearsalEngine(RehearsalConfig.builder()
                .migrations(Path.of("src/test/resources/migrations/enum-and-mixed").toString())
                .provider(PostgresProviders.embedded())
                .rows(0)
                .load(false)
                .build()).run();

        // THEN the enum addition runs in a transaction and is not called mixed
        MigrationReport happy = report.migrations().get(1);
        assertThat(happy.transactional()).isTrue();
        assertThat(happy.findings()).extracting(Finding::code).doesNotContain(FindingType.MIXED_TRANSACTIONAL.name());
        // AND the mixed script is reported by its own finding, not a second time as a parity failure
        assertThat(report.migrations().get(2).findings()).extracting(Finding::code)
                .contains(FindingType.MIXED_TRANSACTIONAL.name());
        assertThat(report.findings()).extracting(Finding::code).doesNotContain(FindingType.FLYWAY_PARITY.name());
    }

    @Test
    void should_rehearse_a_script_wrapped_in_begin_commit_as_flyway_applies_it() throws SQLException {
        // GIVEN a Flyway script wrapped as a whole in BEGIN; … COMMIT; (DSpace ships one)
        RehearsalConfig.Builder config = RehearsalConfig.builder()
                .migrations(Path.of("src/test/resources/migrations/flyway-wrapper").toString())
                .rows(50)
                .load(false);
        try (PostgresServer server = PostgresProviders.embedded().start()) {
            // THEN Flyway applies it (the column is there) and records it
            assertThat(FlywayApplied.answer(server, config.build(), "SELECT (SELECT count(*) FROM "
                    + "information_schema.columns WHERE table_name = 'accounts' AND column_name = 'verified') || ' ' "
                    + "|| (SELECT string_agg(version || ':' || success, ',' ORDER BY installed_rank) "
                    + "FROM flyway_schema_history)")).isEqualTo("1 1:true,2:true");
            // AND the rehearsal runs what is inside the wrapper in one transaction, up, down and up again, with the
            // schema Flyway makes
            Report report = new RehearsalEngine(config.provider(PostgresProviders.shared(server)).build()).run();
            assertThat(report.status()).isEqualTo(RunStatus.COMPLETE);
            MigrationReport wrapped = report.migrations().get(1);
            assertThat(wrapped.transactional()).isTrue();
            assertThat(wrapped.statements(Phase.UP)).extracting(StatementTrace::line).containsExactly(4, 5);
            assertThat(wrapped.statements(Phase.REUP)).extracting(StatementTrace::error).containsOnlyNulls();
            assertThat(report.findings()).extracting(Finding::code).doesNotContain(FindingType.FLYWAY_PARITY.name());
        }
    }
}
