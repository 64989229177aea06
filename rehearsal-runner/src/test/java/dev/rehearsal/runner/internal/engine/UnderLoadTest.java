package dev.rehearsal.runner.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.report.Finding;
import dev.rehearsal.report.LoadWindow;
import dev.rehearsal.report.MigrationReport;
import dev.rehearsal.report.Phase;
import dev.rehearsal.report.Report;
import dev.rehearsal.report.StatementTrace;
import dev.rehearsal.report.WalMeasure;
import dev.rehearsal.runner.config.RehearsalConfig;
import dev.rehearsal.runner.RehearsalEngine;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Migrations on a 100 000-row table under the concurrent write load: a rewrite blocks writers for about its
 * duration, the concurrent index and the nullable column barely at all.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("slow") // 100 000 rows under the write load
class UnderLoadTest {

    private Report report;

    @BeforeAll
    void rehearse() {
        report = new RehearsalEngine(RehearsalConfig.builder()
                .migrations("src/test/resources/migrations/under-load")
                .rows(100_000)
                .flywayParity(false)
                .build()).run();
    }

    private StatementTrace upStatement(String version, String fragment) {
        MigrationReport migration = report.migrations().stream().filter(m -> version.equals(m.version())).findFirst()
                .orElseThrow();
        return migration.statements(Phase.UP).stream().filter(s -> s.sql().contains(fragment)).findFirst().orElseThrow();
    }

    @Test
    void should_block_writers_for_about_the_duration_of_a_rewrite() {
        StatementTrace rewrite = upStatement("2", "TYPE bigint");
        assertThat(rewrite.rewrites()).isNotEmpty();
        assertThat(rewrite.writers().waits()).isPositive();
        assertThat(rewrite.writers().blockedMaxMs()).as("longest writer wait vs the rewrite's %s ms", rewrite.durationMs())
                .isGreaterThanOrEqualTo(0.5 * rewrite.durationMs());
        MigrationReport v2 = report.migrations().get(1);
        assertThat(v2.findings()).extracting(Finding::code).contains("TABLE_REWRITE");
        assertThat(v2.timeline().points()).isNotEmpty();
        assertThat(v2.timeline().blocked()).isNotEmpty();
        assertThat(v2.load()).extracting(LoadWindow::step).contains(Phase.UP, Phase.DOWN, Phase.REUP);
        assertThat(v2.seed()).isNotNull();
    }

    @Test
    void should_say_that_the_wal_of_each_statement_includes_the_write_load() {
        // the server's WAL position also moved for the load's writes: the report says so rather than passing it off
        // as the statement's own
        StatementTrace rewrite = upStatement("2", "TYPE bigint");
        assertThat(rewrite.walMeasure()).isEqualTo(WalMeasure.SERVER_WITH_LOAD);
        assertThat(rewrite.walBytes()).isPositive();
        // V1 creates the table: no load runs beside it, its figures are its own
        assertThat(report.migrations().get(0).statements()).extracting(StatementTrace::walMeasure)
                .containsOnly(WalMeasure.SERVER);
        assertThat(report.migrations().subList(1, 4)).flatExtracting(MigrationReport::statements)
                .filteredOn(s -> s.error() == null).extracting(StatementTrace::walMeasure)
                .containsOnly(WalMeasure.SERVER_WITH_LOAD);
    }

    @Test
    void should_keep_writers_going_during_a_concurrent_index_build_and_a_nullable_column() {
        // a concurrent build's locks conflict with no writer; a catalog-only change blocks writers for an instant,
        // a small part of what the rewrite of the same rows in V2 made them wait in this same run
        assertThat(upStatement("3", "CONCURRENTLY").writers().waits()).isZero();
        double rewriteWait = upStatement("2", "TYPE bigint").writers().blockedMaxMs();
        assertThat(upStatement("4", "ADD COLUMN note").writers().blockedMaxMs())
                .as("longest wait on ADD COLUMN vs %s ms on the rewrite", rewriteWait).isLessThan(0.25 * rewriteWait);
        assertThat(report.migrations().get(2).findings()).extracting(Finding::code)
                .doesNotContain("LOCK_BLOCKS_WRITERS", "NON_CONCURRENT_INDEX", "WRITER_ERRORS");
    }

    @Test
    void should_show_queries_queued_behind_a_migration_waiting_for_a_long_reader() {
        Report queued = new RehearsalEngine(RehearsalConfig.builder()
                .migrations("src/test/resources/migrations/under-load")
                .rows(20_000)
                .longReader(Duration.ofMillis(600))
                .flywayParity(false)
                .build()).run();
        MigrationReport v4 = queued.migrations().get(3);
        StatementTrace add = v4.statements(Phase.UP).stream().filter(s -> s.sql().contains("ADD COLUMN")).findFirst()
                .orElseThrow();
        assertThat(add.durationMs()).as("the ALTER waited for the reader").isGreaterThanOrEqualTo(300);
        assertThat(add.writers().waits()).as("writers queued behind the ALTER").isPositive();
        assertThat(v4.findings()).filteredOn(f -> f.code().equals("LOCK_QUEUE")).singleElement()
                .satisfies(f -> assertThat(f.evidence()).contains("lock_timeout was 5s"));
    }
}
