package dev.rehearsal.samples.patterns;

import static dev.rehearsal.junit.RehearsalAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.junit.MigrationRehearsal;
import dev.rehearsal.junit.Rehearsal;
import dev.rehearsal.junit.RehearsalResult;
import dev.rehearsal.junit.Toggle;
import dev.rehearsal.report.Finding;
import dev.rehearsal.report.Severity;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A backfill and a SET NOT NULL in one transaction upgrade the table lock from RowExclusive to AccessExclusive while
 * the UPDATE's row locks are held: a writer waiting for one of those rows and the upgrade wait for each other. The
 * order of the locks is in the trace, so the risk is reported in every run, whether the deadlock struck or not.
 */
@MigrationRehearsal(locations = "classpath:db/patterns/lock-upgrade/safe", rows = "0", load = Toggle.OFF)
@Tag("slow") // three rehearsals (10 s on a 2-core machine)
class LockUpgradeTest {

    private static final String CODE = "LOCK_UPGRADE_DEADLOCK_RISK";

    @Test
    void should_report_the_lock_upgrade_with_its_order_and_the_fix(Rehearsal rehearsal) {
        // GIVEN the backfill and the SET NOT NULL in one transaction, rehearsed without any writer
        RehearsalResult result = rehearsal.run(config -> config.migrations("classpath:db/patterns/lock-upgrade/dangerous"));

        // THEN the upgrade is reported from the trace alone, as a warning, with the lock order and the fix
        assertThat(result).migration("3").hasFinding(CODE);
        Finding upgrade = only(result);
        assertThat(upgrade.severity()).isEqualTo(Severity.WARNING);
        assertThat(upgrade.line()).isEqualTo(8);
        assertThat(upgrade.relation()).isEqualTo("public.orders");
        assertThat(upgrade.evidence()).contains("line 7 took RowExclusiveLock on public.orders (20,000 rows before the "
                + "migration)", "line 8 asked for AccessExclusiveLock on it in the same transaction",
                "did not strike in this rehearsal");
        assertThat(upgrade.remediation()).contains("LOCK TABLE public.orders IN ACCESS EXCLUSIVE MODE;",
                "migration of its own");
    }

    @Test
    void should_report_the_upgrade_under_the_write_load_whether_or_not_the_deadlock_strikes(Rehearsal rehearsal) {
        // GIVEN writers updating orders while the backfill holds its row locks
        RehearsalResult result = rehearsal.run(config -> config
                .migrations("classpath:db/patterns/lock-upgrade/dangerous").load(true));

        // THEN the finding is there either way; a deadlock that struck makes it the error, not a statement to fix
        Finding upgrade = only(result);
        if (upgrade.evidence().contains("It struck in")) {
            assertThat(upgrade.severity()).isEqualTo(Severity.ERROR);
            assertThat(upgrade.evidence()).contains("deadlock detected");
        } else {
            assertThat(upgrade.severity()).isEqualTo(Severity.WARNING);
        }
        // AND a deadlocked step is rehearsed again (at last without the writers), so its round trip completes, and
        // the deadlock is reported once, as the lock upgrade that explains it
        assertThat(result.migration("3").orElseThrow().findings()).extracting(Finding::code)
                .doesNotContain("MIGRATION_FAILED", "DEADLOCK_WITH_WRITERS");
        assertThat(result).allMigrations().areReversible();
    }

    @Test
    void should_stay_quiet_when_the_strong_lock_is_taken_first(RehearsalResult result) {
        assertThat(result.migration("3").orElseThrow().findings()).extracting(Finding::code).doesNotContain(CODE);
        assertThat(result).allMigrations().areReversible();
    }

    private static Finding only(RehearsalResult result) {
        List<Finding> found = result.migration("3").orElseThrow().findings().stream()
                .filter(f -> f.code().equals(CODE)).toList();
        assertThat(found).hasSize(1);
        return found.get(0);
    }
}
