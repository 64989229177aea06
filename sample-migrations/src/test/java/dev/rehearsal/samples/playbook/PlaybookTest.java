package dev.rehearsal.samples.playbook;

import static dev.rehearsal.junit.RehearsalAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.junit.LockMode;
import dev.rehearsal.junit.MigrationRehearsal;
import dev.rehearsal.junit.Rehearsal;
import dev.rehearsal.junit.RehearsalDatabase;
import dev.rehearsal.junit.RehearsalResult;
import dev.rehearsal.junit.Toggle;
import dev.rehearsal.report.LoadWindow;
import dev.rehearsal.report.LockHold;
import dev.rehearsal.report.Phase;
import dev.rehearsal.report.StatementTrace;
import dev.rehearsal.runner.plan.RolloutPlan;
import dev.rehearsal.samples.shop.AppV1;
import dev.rehearsal.samples.shop.AppV2;
import dev.rehearsal.samples.shop.AppV3;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The expand → migrate → contract playbook on the shop's payments: amounts move from {@code amount numeric(12,2)} to
 * {@code amount_cents bigint} while app versions v1, v2 and v3 roll out.
 */
@MigrationRehearsal(locations = "classpath:db/playbook", rows = "0", load = Toggle.OFF)
@Tag("slow") // a seven-step rollout under load
class PlaybookTest {

    /** The rollout as production runs it; each version is checked after every step of every migration it runs with. */
    static final RolloutPlan ROLLOUT = RolloutPlan.migrate("1")   // the shop as it runs
            .thenDeploy(AppV1.version())
            .thenMigrate("2")                                       // Day 1: expand
            .thenDeploy(AppV2.version())                            // v1 and v2 side by side
            .thenRetire(AppV1.version())
            .thenMigrate("3")                                       // Day 2: backfill
            .thenMigrate("4")                                       // Day 3: prepare reads of the new column
            .thenMigrate("5")
            .thenDeploy(AppV3.version())                            // Day 3: v2 and v3 side by side
            .thenRetire(AppV2.version())
            .thenMigrate("6");                                      // Day 7: contract

    @Test
    void should_keep_every_running_version_working_at_every_phase(Rehearsal rehearsal) {
        RehearsalResult result = rehearsal.withPlan(ROLLOUT).run();

        assertThat(result).appVersion("v1").worksAtEveryPhase();
        assertThat(result).appVersion("v2").worksAtEveryPhase();
        assertThat(result).appVersion("v3").worksAtEveryPhase();
        assertThat(result).passes().allMigrations().areReversible();
    }

    @Test
    void should_take_no_lock_that_blocks_writers_for_more_than_an_instant(Rehearsal rehearsal) {
        RehearsalResult result = rehearsal.withPlan(ROLLOUT).run();

        for (String version : new String[] {"2", "3", "4", "5", "6"}) {
            assertThat(result).migration(version).rewritesNoTable();
        }
        // the backfill takes row locks only, and VALIDATE lets writers through while it reads every payment
        assertThat(strongestUpLock(result, "3")).isEqualTo(LockMode.ROW_EXCLUSIVE.pgLocksName());
        assertThat(strongestUpLock(result, "5")).isEqualTo(LockMode.SHARE_UPDATE_EXCLUSIVE.pgLocksName());
        // AND the contract's SET NOT NULL reads no row: the CHECK validated on Day 3 proves it
        assertThat(result.migration("6").orElseThrow().statements(Phase.UP).stream()
                .filter(s -> s.sql().contains("SET NOT NULL")).flatMap(s -> s.scans().stream())).isEmpty();
    }

    @Test
    void should_make_writers_wait_for_one_batch_at_most_not_for_the_whole_backfill(Rehearsal rehearsal) {
        // GIVEN the concurrent write load on the tables each migration touches
        RehearsalResult result = rehearsal.run(config -> config.load(true));

        // THEN no writer waited for the whole backfill: each batch commits on its own, so a writer waits at most for
        // the batch that holds its row — one fifteenth of the backfill on an idle machine. Compared with the
        // backfill's own duration in the same run: in one transaction, a writer arriving at its start waits until its
        // end (all of it); on a machine starved of CPU one batch can be stretched to half of it (358 of 768 ms seen
        // with two busy processes beside the suite), so the line sits between the two.
        StatementTrace backfill = result.migration("3").orElseThrow().statements(Phase.UP).stream()
                .filter(s -> s.sql().contains("UPDATE payments")).findFirst().orElseThrow();
        assertThat(backfill.writers().blockedMaxMs()).as("longest writer wait vs the backfill's %s ms",
                backfill.durationMs()).isLessThan(0.75 * backfill.durationMs());
        LoadWindow window = result.migration("3").orElseThrow().load().stream()
                .filter(w -> w.step() == Phase.UP).findFirst().orElseThrow();
        assertThat(window.errors()).as("writes that failed during the backfill").isZero();
    }

    @Test
    void should_backfill_in_batches_that_commit_one_by_one_when_flyway_applies_it(
            @RehearsalDatabase DataSource database) throws Exception {
        // WHEN Flyway applies the playbook up to the backfill, as production does
        Flyway.configure(getClass().getClassLoader()).dataSource(database).locations("classpath:db/playbook")
                .target("3").load().migrate();

        // THEN every payment has its cents, written by 15 000 / 1 000 = 15 transactions (one xmin per batch)
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT count(*) FILTER (WHERE amount_cents IS NULL), "
                     + "count(*) FILTER (WHERE amount_cents <> round(amount * 100)), count(DISTINCT xmin::text) "
                     + "FROM payments")) {
            rs.next();
            assertThat(rs.getLong(1)).as("payments without amount_cents").isZero();
            assertThat(rs.getLong(2)).as("payments whose amount_cents differs from amount").isZero();
            assertThat(rs.getLong(3)).as("transactions that wrote the payments").isEqualTo(15);
        }
    }

    private static String strongestUpLock(RehearsalResult result, String version) {
        return result.migration(version).orElseThrow().statements(Phase.UP).stream()
                .flatMap(s -> s.locks().stream()).max(LockHold.BY_STRENGTH_THEN_HOLD).map(LockHold::mode).orElse("none");
    }
}
