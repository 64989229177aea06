package dev.rehearsal.junit;

import static dev.rehearsal.junit.RehearsalAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rehearsal.report.MigrationReport;
import dev.rehearsal.report.RoundTrip;
import dev.rehearsal.report.Severity;
import dev.rehearsal.report.StepStatus;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class RehearsalAssertionsTest {

    private final RehearsalResult shop = Reports.shop();

    @Test
    void should_pass_when_the_migration_stays_within_the_limits() {
        // GIVEN V1, which creates a table cleanly
        // WHEN / THEN every assertion holds
        assertThat(shop).migration("1").isReversible().rewritesNoTable()
                .takesNoLockStrongerThan(LockMode.ACCESS_EXCLUSIVE).blocksWritersAtMost(Duration.ofMillis(1))
                .hasNoFindingAtOrAbove(Severity.INFO).passesPolicy();
        assertThat(shop).appVersion("v1").worksAtEveryPhaseUntil("1");
    }

    @Test
    void should_name_the_statement_and_the_lock_when_a_lock_is_too_strong() {
        assertThatThrownBy(() -> assertThat(shop).migration("6")
                .takesNoLockStrongerThan(LockMode.SHARE_UPDATE_EXCLUSIVE))
                .isInstanceOf(AssertionError.class)
                .hasMessage("\nExpecting migration V6 to take no lock stronger than ShareUpdateExclusiveLock but "
                        + "statement at V6__widen_order_totals.sql:12 `ALTER TABLE orders ALTER COLUMN total_cents TYPE "
                        + "bigint` took AccessExclusiveLock on public.orders (held 812 ms)");
    }

    @Test
    void should_name_the_rewritten_table() {
        assertThatThrownBy(() -> assertThat(shop).migration("6").rewritesNoTable())
                .hasMessage("\nExpecting migration V6 to rewrite no table but statement at "
                        + "V6__widen_order_totals.sql:12 `ALTER TABLE orders ALTER COLUMN total_cents TYPE bigint` "
                        + "rewrote public.orders (column type change)");
    }

    @Test
    void should_give_the_longest_writer_wait() {
        assertThatThrownBy(() -> assertThat(shop).migration("6").blocksWritersAtMost(Duration.ofMillis(100)))
                .hasMessage("\nExpecting migration V6 to block writers at most 100 ms but statement at "
                        + "V6__widen_order_totals.sql:12 `ALTER TABLE orders ALTER COLUMN total_cents TYPE bigint` "
                        + "blocked a writer for 640 ms (3 writer requests waited, 1.90 s in total)");
    }

    @Test
    void should_say_why_a_migration_is_not_reversible() {
        assertThatThrownBy(() -> assertThat(shop).migration("7").isReversible())
                .hasMessage("\nExpecting migration V7 to be reversible but it has no down migration (no undo script "
                        + "next to V7__create_payments.sql)");
        MigrationReport failedDown = Reports.migration("2", "x", Reports.downFailed(), List.of(), List.of(), List.of());
        RehearsalResult result = RehearsalResult.of(Reports.report(Severity.ERROR, List.of(failedDown)));
        assertThatThrownBy(() -> assertThat(result).migration("2").isReversible())
                .hasMessage("\nExpecting migration V2 to be reversible but its down step failed at U2__x.sql:3: "
                        + "ERROR: table \"orders_archive\" does not exist [SQLSTATE 42P01]");
    }

    @Test
    void should_list_the_schema_difference_after_down() {
        RoundTrip notRestored = new RoundTrip(StepStatus.OK, StepStatus.OK, StepStatus.OK, false,
                List.of("index public.orders_state_idx: present after down, absent before up"), true, List.of(),
                List.of(), null);
        RehearsalResult result = RehearsalResult.of(Reports.report(Severity.ERROR,
                List.of(Reports.migration("8", "track shipping", notRestored, List.of(), List.of(), List.of()))));
        assertThatThrownBy(() -> assertThat(result).allMigrations().areReversible())
                .hasMessage("\nExpecting every migration to be reversible but:\n  V8: after down the schema differs "
                        + "from before up:\n      index public.orders_state_idx: present after down, absent before up");
    }

    @Test
    void should_list_every_irreversible_migration() {
        assertThatThrownBy(() -> assertThat(shop).allMigrations().areReversible())
                .hasMessage("\nExpecting every migration to be reversible but:\n  V7: it has no down migration (no "
                        + "undo script next to V7__create_payments.sql)");
    }

    @Test
    void should_list_findings_that_should_not_be_there() {
        assertThatThrownBy(() -> assertThat(shop).migration("6").passesPolicy())
                .hasMessage("\nExpecting migration V6 to pass the policy (no active finding at or above error) but "
                        + "it has:\n  TABLE_REWRITE (error) at V6__widen_order_totals.sql:12: Table rewritten under an "
                        + "exclusive lock");
        assertThatThrownBy(() -> assertThat(shop).migration("7").hasNoFindingAtOrAbove(Severity.WARNING))
                .hasMessage("\nExpecting migration V7 to have no finding at or above warning but it has:\n  "
                        + "MISSING_DOWN (warning) at V7__create_payments.sql: No down migration for V7 create payments");
    }

    @Test
    void should_find_a_finding_or_list_those_there_are() {
        assertThat(shop).migration("7").hasFinding("MISSING_DOWN");
        assertThatThrownBy(() -> assertThat(shop).migration("7").hasFinding("RENAME_BREAKS_APP"))
                .hasMessage("\nExpecting migration V7 to have a finding RENAME_BREAKS_APP but it has MISSING_DOWN "
                        + "(warning)");
        assertThatThrownBy(() -> assertThat(shop).migration("1").hasFinding("TABLE_REWRITE"))
                .hasMessage("\nExpecting migration V1 to have a finding TABLE_REWRITE but it has none");
    }

    @Test
    void should_name_the_migrations_there_are_when_one_is_missing() {
        assertThatThrownBy(() -> assertThat(shop).migration("9"))
                .hasMessage("\nExpecting the rehearsal to contain migration V9 but it has V1, V6, V7");
    }

    @Test
    void should_tell_pass_from_fail() {
        assertThat(shop).fails();
        assertThatThrownBy(() -> assertThat(shop).passes())
                .hasMessage("\nExpecting the rehearsal to pass the policy (no active finding at or above error) but "
                        + "it has:\n  TABLE_REWRITE (error) at V6__widen_order_totals.sql:12: Table rewritten under an "
                        + "exclusive lock");
        RehearsalResult clean = RehearsalResult.of(Reports.report(Severity.ERROR, List.of()));
        assertThat(clean).passes();
        assertThatThrownBy(() -> assertThat(clean).fails())
                .hasMessage("\nExpecting the rehearsal to fail but it passed: no active finding at or above error");
    }

    @Test
    void should_show_where_an_app_version_failed() {
        assertThatThrownBy(() -> assertThat(shop).appVersion("v1").worksAtEveryPhase())
                .hasMessage("\nExpecting app v1 to work at every phase but it failed after V6 up:\n  list orders: "
                        + "ERROR: column \"total\" does not exist [SQLSTATE 42703]");
        assertThatThrownBy(() -> assertThat(shop).appVersion("v2").worksAtEveryPhaseUntil("6"))
                .hasMessage("\nExpecting app v2 to work at every phase until V6 but no phase checked it: deploy it in "
                        + "the rollout plan (Rehearsal.withPlan) before those migrations");
        assertThatThrownBy(() -> assertThat(shop).appVersion("v1").worksAtEveryPhaseUntil("4"))
                .hasMessage("\nExpecting app v1 to work at every phase until V4 but the rehearsal has no migration V4; "
                        + "it has V1, V6, V7");
    }

    @Test
    void should_end_every_failure_with_the_written_report_when_there_is_one() {
        // GIVEN the shop's result as written to a report folder
        Path html = Path.of("target", "rehearsal-reports", "ShopTest", "report.html");
        RehearsalResult written = RehearsalResult.of(shop.report(), html);
        String link = "\nReport: " + html.toAbsolutePath();

        // WHEN / THEN each kind of assertion names the HTML report after its message
        assertThatThrownBy(() -> assertThat(written).passes()).hasMessageStartingWith("\nExpecting the rehearsal to "
                + "pass the policy").hasMessageEndingWith("Table rewritten under an exclusive lock" + link);
        assertThatThrownBy(() -> assertThat(written).migration("6").rewritesNoTable())
                .hasMessageEndingWith("rewrote public.orders (column type change)" + link);
        assertThatThrownBy(() -> assertThat(written).migration("9")).hasMessageEndingWith("V1, V6, V7" + link);
        assertThatThrownBy(() -> assertThat(written).allMigrations().areReversible())
                .hasMessageEndingWith("V7__create_payments.sql)" + link);
        assertThatThrownBy(() -> assertThat(written).appVersion("v1").worksAtEveryPhase())
                .hasMessageEndingWith("[SQLSTATE 42703]" + link);
        // AND a result that was not written ends with the finding, as before
        assertThatThrownBy(() -> assertThat(shop).passes()).hasMessageEndingWith("exclusive lock");
    }
}
