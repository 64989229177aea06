package dev.rehearsal.runner.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.report.Finding;
import dev.rehearsal.report.MigrationReport;
import dev.rehearsal.report.Report;
import dev.rehearsal.report.RunStatus;
import dev.rehearsal.report.StepStatus;
import dev.rehearsal.report.Verdict;
import dev.rehearsal.runner.config.RehearsalConfig;
import dev.rehearsal.runner.RehearsalEngine;
import dev.rehearsal.runner.PostgresProviders;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("slow") // whole rehearsals with Flyway parity
class RehearsalEngineTest {

    private static Report rehearse(String set) {
        Path location = Path.of("src/test/resources/migrations", set);
        return new RehearsalEngine(RehearsalConfig.builder()
                .migrations(location.toString())
                .provider(PostgresProviders.embedded())
                .rows(0)
                // these tests are about the round trip; lock_timeout advice on the empty tables is beside the point
                .policy(dev.rehearsal.runner.config.Policy.defaults().withDisabled("NO_LOCK_TIMEOUT"))
                .load(false)
                .build()).run();
    }

    @Test
    void should_report_each_step_of_the_round_trip_and_the_diff_of_a_down_that_does_not_restore() {
        // WHEN a chain is rehearsed whose second down forgets an index and whose third has no down
        Report report = rehearse("roundtrip");

        // THEN the first migration round-trips cleanly
        assertThat(report.status()).isEqualTo(RunStatus.COMPLETE);
        assertThat(report.migrations()).extracting(MigrationReport::version).containsExactly("1", "2", "3");
        MigrationReport first = report.migrations().get(0);
        assertThat(first.roundTrip().up()).isEqualTo(StepStatus.OK);
        assertThat(first.roundTrip().down()).isEqualTo(StepStatus.OK);
        assertThat(first.roundTrip().reup()).isEqualTo(StepStatus.OK);
        assertThat(first.roundTrip().schemaRestored()).isTrue();
        assertThat(first.findings()).isEmpty();

        // AND the left-over index is named in the diff and in a finding
        MigrationReport second = report.migrations().get(1);
        assertThat(second.roundTrip().schemaRestored()).isFalse();
        assertThat(second.roundTrip().diff())
                .anySatisfy(line -> assertThat(line).contains("index public.accounts_created_idx")
                        .contains("present after down").contains("absent before up"));
        assertThat(second.findings()).extracting(Finding::code).contains("DOWN_NOT_RESTORING");

        // AND up-again then fails because the index already exists
        assertThat(second.roundTrip().reup()).isEqualTo(StepStatus.FAILED);
        assertThat(second.roundTrip().failure().message()).contains("accounts_created_idx").contains("already exists");

        // AND the chain was rebuilt so that the third migration still ran; its missing down is a finding
        MigrationReport third = report.migrations().get(2);
        assertThat(third.roundTrip().up()).isEqualTo(StepStatus.OK);
        assertThat(third.roundTrip().down()).isEqualTo(StepStatus.MISSING);
        assertThat(third.findings()).extracting(Finding::code).containsExactly("MISSING_DOWN");
        assertThat(report.verdict()).isEqualTo(Verdict.FAIL);
    }

    @Test
    void should_name_the_file_and_the_line_of_a_failing_statement_and_not_run_later_migrations() {
        // WHEN the second migration fails on a statement that starts at line 4 with the error at line 5
        Report report = rehearse("failing");

        // THEN the failure names the script and the line PostgreSQL's error position points at
        MigrationReport broken = report.migrations().get(1);
        assertThat(broken.roundTrip().up()).isEqualTo(StepStatus.FAILED);
        assertThat(broken.roundTrip().failure().script()).endsWith("failing/V2__broken.sql");
        assertThat(broken.roundTrip().failure().line()).isEqualTo(5);
        assertThat(broken.roundTrip().failure().message()).contains("column \"aa\" does not exist");
        assertThat(broken.findings()).extracting(Finding::code).containsExactly("MIGRATION_FAILED");

        // AND the statements before the failure were traced, then rolled back
        assertThat(broken.statements()).hasSize(2);
        assertThat(broken.statements().get(1).error()).contains("aa");

        // AND the later migration is reported as not run
        assertThat(report.migrations().get(2).roundTrip().up()).isEqualTo(StepStatus.NOT_RUN);
        assertThat(report.verdict()).isEqualTo(Verdict.FAIL);
    }

    @Test
    void should_run_a_backfill_that_commits_between_batches_as_flyway_does() {
        // WHEN a non-transactional script's DO block commits after each batch
        Report report = rehearse("committing-backfill");

        // THEN it runs in auto-commit mode (COMMIT is refused inside a transaction block) and every step passes
        MigrationReport backfill = report.migrations().get(1);
        assertThat(backfill.roundTrip().up()).as(String.valueOf(backfill.roundTrip().failure())).isEqualTo(StepStatus.OK);
        assertThat(backfill.roundTrip().reup()).isEqualTo(StepStatus.OK);
        assertThat(backfill.transactional()).isFalse();
        assertThat(report.findings()).isEmpty();
    }
}
