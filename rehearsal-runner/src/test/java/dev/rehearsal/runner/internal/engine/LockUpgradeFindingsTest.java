package dev.rehearsal.runner.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.report.Finding;
import dev.rehearsal.report.MigrationReport;
import dev.rehearsal.report.Report;
import dev.rehearsal.report.Severity;
import dev.rehearsal.runner.config.RehearsalConfig;
import dev.rehearsal.runner.RehearsalEngine;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** A deadlock between a lock upgrade and a writer is reported as the lock upgrade, not as a statement to fix. */
@Tag("slow") // over 2 s: CI runs it, the fast set (-Pquick) does not
class LockUpgradeFindingsTest {

    @Test
    void should_report_a_deadlock_that_struck_as_the_lock_upgrade_error() {
        // GIVEN a backfill, a writer (a dblink session) waiting for one of its rows, then SET NOT NULL
        Report report = new RehearsalEngine(RehearsalConfig.builder()
                .migrations("src/test/resources/migrations/lock-upgrade-deadlock")
                .rows(0)
                .load(false)
                .build()).run();

        // THEN the step failed with the deadlock, and the finding names the lock order, the deadlock and the fix
        MigrationReport migration = report.migrations().stream().filter(m -> m.version().equals("2")).findFirst()
                .orElseThrow();
        assertThat(migration.roundTrip().failure()).as("the failure of V2 (report: %s)", report.migrations()).isNotNull();
        assertThat(migration.roundTrip().failure().sqlState()).isEqualTo("40P01");
        assertThat(migration.findings()).extracting(Finding::code).contains("LOCK_UPGRADE_DEADLOCK_RISK")
                .doesNotContain("MIGRATION_FAILED");
        Finding upgrade = migration.findings().stream().filter(f -> f.code().equals("LOCK_UPGRADE_DEADLOCK_RISK"))
                .findFirst().orElseThrow();
        assertThat(upgrade.severity()).isEqualTo(Severity.ERROR);
        assertThat(upgrade.line()).isEqualTo(19);
        assertThat(upgrade.evidence()).contains("line 4 took RowExclusiveLock on public.orders",
                "line 19 asked for AccessExclusiveLock on it", "It struck in this rehearsal", "deadlock detected");
        assertThat(upgrade.remediation()).contains("LOCK TABLE public.orders IN ACCESS EXCLUSIVE MODE;");
        assertThat(report.verdict().json()).isEqualTo("fail");
    }
}
