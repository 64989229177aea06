package dev.rehearsal.samples.patterns;

import static dev.rehearsal.junit.RehearsalAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.junit.MigrationRehearsal;
import dev.rehearsal.junit.Rehearsal;
import dev.rehearsal.junit.RehearsalResult;
import dev.rehearsal.junit.Toggle;
import dev.rehearsal.report.Finding;
import dev.rehearsal.report.LockHold;
import dev.rehearsal.report.MigrationReport;
import dev.rehearsal.report.Phase;
import dev.rehearsal.report.Severity;
import dev.rehearsal.report.StepStatus;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * An orders service whose customers carry an email CHECK. A plain index on orders is an error whether the
 * rehearsal's orders table holds rows or not: the lock mode is measured either way, and production has the rows.
 */
@Tag("slow") // over 2 s: CI runs it, the fast set (-Pquick) does not
@MigrationRehearsal(locations = "classpath:db/patterns/orders-service/migrations", rows = "1000", load = Toggle.OFF)
class OrdersServiceTest {

    @Test
    void should_fail_the_plain_index_on_orders_and_rehearse_every_migration(RehearsalResult result) {
        assertThat(result).fails();
        assertThat(result).migration("3").hasFinding("NON_CONCURRENT_INDEX");
        assertThat(finding(result, "3", "NON_CONCURRENT_INDEX").severity()).isEqualTo(Severity.ERROR);
        assertThat(result.report().migrations()).extracting(m -> m.roundTrip().reup())
                .containsOnly(StepStatus.OK);
    }

    @Test
    void should_fail_it_on_an_empty_table_too_and_say_what_was_measured(Rehearsal rehearsal) {
        // GIVEN no rows at all in the rehearsal
        RehearsalResult result = rehearsal.run(config -> config.rows(0));

        // THEN the ShareLock on the empty orders table is still the finding, and its evidence says why it matters
        assertThat(result).fails();
        Finding index = finding(result, "3", "NON_CONCURRENT_INDEX");
        assertThat(index.severity()).isEqualTo(Severity.ERROR);
        assertThat(index.relation()).isEqualTo("public.orders");
        assertThat(index.evidence()).contains("Built over 0 rows", "ShareLock",
                "Measured on an empty table: the build blocks writes for as long as it takes on production's rows");
    }

    @Test
    void should_report_the_rollback_lock_one_severity_lower(RehearsalResult result) {
        // the down script's DROP INDEX takes ACCESS EXCLUSIVE on orders with no lock_timeout: a warning in an up
        // script, an info in a down script that runs only on a rollback
        List<Finding> down = findings(result, "3").stream()
                .filter(f -> f.script().endsWith("U3__index_orders_status.sql")).toList();
        assertThat(down).extracting(Finding::code, Finding::severity)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("NO_LOCK_TIMEOUT", Severity.INFO));
        assertThat(down.get(0).title()).startsWith("On rollback (down script): Takes AccessExclusiveLock on public.orders");
        assertThat(finding(result, "3", "NO_LOCK_TIMEOUT").severity()).isEqualTo(Severity.WARNING);
    }

    @Test
    void should_name_the_strongest_lock_on_a_table_that_existed_before(RehearsalResult result) {
        // creating orders takes ACCESS EXCLUSIVE on the new table (nobody waits on it) and SHARE ROW EXCLUSIVE on
        // customers for the foreign key: the second is what a reviewer needs
        MigrationReport v2 = result.migration("2").orElseThrow();
        java.util.Optional<LockHold> up = v2.statements(Phase.UP).stream().flatMap(s -> s.strongestLock().stream())
                .max(LockHold.BY_STRENGTH_THEN_HOLD);
        assertThat(up).map(LockHold::relation).hasValue("public.customers");
        assertThat(up).map(LockHold::mode).hasValue("ShareRowExclusiveLock");
        // and dropping orders on a rollback takes ACCESS EXCLUSIVE on customers, to remove the foreign key's triggers
        assertThat(v2.strongestLock()).map(LockHold::mode).hasValue("AccessExclusiveLock");
        assertThat(v2.statements().stream().flatMap(s -> s.locks().stream())
                .filter(l -> l.relation().equals("public.orders"))).allMatch(LockHold::newRelation).isNotEmpty();
    }

    private static List<Finding> findings(RehearsalResult result, String version) {
        return result.migration(version).orElseThrow().findings();
    }

    /** The up script's finding of that code. */
    private static Finding finding(RehearsalResult result, String version, String code) {
        return findings(result, version).stream().filter(f -> f.code().equals(code))
                .filter(f -> f.script().contains("/V" + version + "__") || f.script().startsWith("V" + version + "__"))
                .findFirst().orElseThrow(() -> new AssertionError("no " + code + " on V" + version + " in "
                        + findings(result, version)));
    }
}
