package dev.rehearsal.runner.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.report.Finding;
import dev.rehearsal.report.FindingType;
import dev.rehearsal.report.MigrationReport;
import dev.rehearsal.report.Report;
import dev.rehearsal.runner.config.RehearsalConfig;
import dev.rehearsal.runner.RehearsalEngine;
import dev.rehearsal.runner.PostgresProviders;
import java.nio.file.Path;
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
}
