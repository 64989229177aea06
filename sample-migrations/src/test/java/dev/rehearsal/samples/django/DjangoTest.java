package dev.rehearsal.samples.django;

import static dev.rehearsal.junit.RehearsalAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.rehearsal.junit.LockMode;
import dev.rehearsal.junit.RehearsalResult;
import dev.rehearsal.report.Finding;
import dev.rehearsal.report.LockHold;
import dev.rehearsal.report.MigrationReport;
import dev.rehearsal.report.Phase;
import dev.rehearsal.report.Severity;
import dev.rehearsal.report.StepStatus;
import dev.rehearsal.runner.RehearsalEngine;
import dev.rehearsal.runner.config.RehearsalConfig;
import dev.rehearsal.runner.source.SourceOptions;
import dev.rehearsal.runner.support.DjangoPython;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A small Django project ({@code manage.py}, a settings module, two apps) rehearsed from the SQL Django itself writes
 * for each migration: the nullable column passes, the plain {@code AddIndex} on a table with rows gets the same finding
 * as the Flyway sample's plain {@code CREATE INDEX}, the concurrent index of an {@code atomic = False} migration passes
 * outside a transaction, and a {@code RunPython} without {@code reverse_code} has no down and is said not to be
 * rehearsed.
 * <p>
 * The engine runs it directly, with the Python found here, rather than through {@code @MigrationRehearsal}: the
 * annotation reads its location when the class starts, with the Python it names, and where no Python has Django the
 * tests are skipped with that reason instead.
 */
@Tag("slow") // Django's own sqlmigrate in a Python process per migration (11 s)
class DjangoTest {

    static final String SHOP = "src/test/resources/db/django/shop";
    // versions are places in the plan, as showmigrations --plan lists them
    private static final String WELCOME_POINTS = "3"; // loyalty.0002_grant_welcome_points
    private static final String NOTE = "4"; // orders.0002_order_note
    private static final String PLACED_AT_INDEX = "5"; // orders.0003_order_placed_at_index
    private static final String SHIPPED_AT = "6"; // orders.0004_order_shipped_at

    private static RehearsalResult shop;

    @Test
    void should_rehearse_the_migrations_in_showmigrations_plan_order() {
        RehearsalResult result = shop();

        assertThat(result.report().source().layout()).isEqualTo("django");
        assertThat(result.migrations()).extracting(MigrationReport::description).containsExactly("orders.0001_initial",
                "loyalty.0001_initial", "loyalty.0002_grant_welcome_points", "orders.0002_order_note",
                "orders.0003_order_placed_at_index", "orders.0004_order_shipped_at");
        assertThat(result).fails();
    }

    @Test
    void should_pass_the_nullable_column() {
        assertThat(shop()).migration(NOTE)
                .isReversible()
                .rewritesNoTable()
                .hasNoFindingAtOrAbove(Severity.ERROR);
        // the brief AccessExclusiveLock of ADD COLUMN, taken without a lock_timeout, as in the Flyway samples
        assertThat(warnings(NOTE)).containsExactly("NO_LOCK_TIMEOUT");
    }

    @Test
    void should_fail_the_plain_add_index_with_the_flyway_sample_finding() {
        assertThat(shop()).migration(PLACED_AT_INDEX)
                .hasFinding("NON_CONCURRENT_INDEX")
                .isReversible();
    }

    @Test
    void should_build_the_concurrent_index_of_a_non_atomic_migration_outside_a_transaction() {
        RehearsalResult result = shop();
        MigrationReport shipped = result.migration(SHIPPED_AT).orElseThrow();

        assertThat(shipped.transactional()).isFalse();
        assertThat(shipped.statements(Phase.UP)).filteredOn(s -> s.sql().contains("CONCURRENTLY"))
                .flatExtracting(s -> s.locks()).filteredOn(l -> l.relation().equals("public.orders_order"))
                .extracting(LockHold::mode).containsExactly(LockMode.SHARE_UPDATE_EXCLUSIVE.pgLocksName());
        // the concurrent build blocks no writer; the AddField before it takes a brief AccessExclusiveLock, which a
        // writer arriving in that moment waits for (a few ms, or none: timing), hence only NO_LOCK_TIMEOUT
        assertThat(shipped.statements(Phase.UP)).filteredOn(s -> s.sql().contains("CONCURRENTLY"))
                .extracting(s -> s.writers().blockedMaxMs()).containsOnly(0.0);
        assertThat(result).migration(SHIPPED_AT)
                .isReversible()
                .hasNoFindingAtOrAbove(Severity.ERROR);
        assertThat(warnings(SHIPPED_AT)).containsExactly("NO_LOCK_TIMEOUT");
    }

    @Test
    void should_report_run_python_without_reverse_as_a_missing_down_that_is_not_rehearsed() {
        RehearsalResult result = shop();
        MigrationReport points = result.migration(WELCOME_POINTS).orElseThrow();

        assertThat(points.roundTrip().down()).isEqualTo(StepStatus.MISSING);
        assertThat(points.findings()).filteredOn(f -> f.code().equals("MISSING_DOWN")).singleElement()
                .extracting(Finding::remediation).asString()
                .contains("reverse operation in 0002_grant_welcome_points.py (reverse_sql on each RunSQL, reverse_code");
        assertThat(result.report().source().warnings()).singleElement().asString()
                .startsWith(SHOP + "/loyalty/migrations/0002_grant_welcome_points.py: Raw Python operation (RunPython)"
                        + " is Python, not SQL");
    }

    private static java.util.List<String> warnings(String version) {
        return shop().migration(version).orElseThrow().findings().stream()
                .filter(f -> f.severity() == Severity.WARNING).map(Finding::code).toList();
    }

    /** One rehearsal of the shop, shared by the tests that read it. */
    private static synchronized RehearsalResult shop() {
        Optional<String> python = DjangoPython.find();
        assumeTrue(python.isPresent(), DjangoPython.MISSING);
        if (shop == null) {
            shop = RehearsalResult.of(new RehearsalEngine(RehearsalConfig.builder().migrations(SHOP).rows(1000)
                    .sourceOptions(SourceOptions.defaults().withPython(python.get())).build()).run());
        }
        return shop;
    }
}
