package dev.rehearsal.runner.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.report.Finding;
import dev.rehearsal.report.FindingType;
import dev.rehearsal.report.MigrationReport;
import dev.rehearsal.report.Report;
import dev.rehearsal.report.RunStatus;
import dev.rehearsal.report.StepStatus;
import dev.rehearsal.runner.PostgresProviders;
import dev.rehearsal.runner.RehearsalEngine;
import dev.rehearsal.runner.config.RehearsalConfig;
import dev.rehearsal.runner.provision.PostgresServer;
import java.nio.file.Path;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/**
 * A Flyway baseline migration ({@code B<version>__….sql}) starts an empty database in place of the versioned
 * migrations up to its version, in Flyway and in the rehearsal (eclipse-hawkbit consolidated its history into one).
 */
class FlywayBaselineTest {

    @Test
    void should_rehearse_the_chain_flyway_applies_to_an_empty_database() throws SQLException {
        // GIVEN V1, V2, a baseline B2 that differs from them (a column and a foreign key more), and V3 with its undo
        RehearsalConfig.Builder config = RehearsalConfig.builder()
                .migrations(Path.of("src/test/resources/migrations/flyway-baseline").toString())
                .rows(50)
                .load(false);
        try (PostgresServer server = PostgresProviders.embedded().start()) {
            // THEN Flyway itself applies B2 then V3 to an empty database, and not V1 or V2
            assertThat(FlywayApplied.answer(server, config.build(), "SELECT string_agg(version || ':' || type, ',' "
                    + "ORDER BY installed_rank) FROM flyway_schema_history")).isEqualTo("2:SQL_BASELINE,3:SQL");
            // AND the rehearsal applies the same chain: B2 as its first migration (never reverted, so no missing
            // down), V3 round-tripped, and Flyway's schema equal to the rehearsed one
            Report report = new RehearsalEngine(config.provider(PostgresProviders.shared(server)).build()).run();
            assertThat(report.status()).isEqualTo(RunStatus.COMPLETE);
            assertThat(report.migrations()).extracting(MigrationReport::shortName).containsExactly("B2", "V3");
            MigrationReport baseline = report.migrations().get(0);
            assertThat(baseline.findings()).extracting(Finding::code).doesNotContain(FindingType.MISSING_DOWN.name());
            assertThat(report.migrations().get(1).roundTrip().reup()).isEqualTo(StepStatus.OK);
            assertThat(report.findings()).extracting(Finding::code).doesNotContain(FindingType.FLYWAY_PARITY.name());
            assertThat(report.source().warnings()).singleElement().asString()
                    .startsWith("not rehearsed: 2 Flyway scripts at or below baseline version 2 (V1__accounts.sql, "
                            + "V2__orders.sql)");
        }
    }
}
