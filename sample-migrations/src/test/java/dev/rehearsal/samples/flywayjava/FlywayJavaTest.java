package dev.rehearsal.samples.flywayjava;

import static dev.rehearsal.junit.RehearsalAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.LONG;

import dev.rehearsal.junit.LockMode;
import dev.rehearsal.junit.MigrationRehearsal;
import dev.rehearsal.junit.Rehearsal;
import dev.rehearsal.junit.RehearsalResult;
import dev.rehearsal.junit.Toggle;
import dev.rehearsal.report.Finding;
import dev.rehearsal.report.LoadWindow;
import dev.rehearsal.report.LockHold;
import dev.rehearsal.report.MigrationReport;
import dev.rehearsal.report.Phase;
import dev.rehearsal.report.SeedSummary;
import dev.rehearsal.report.Severity;
import dev.rehearsal.report.StatementTrace;
import dev.rehearsal.report.WalMeasure;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Flyway Java migrations ({@code db.flywayjava.*}, compiled to the test class path beside the SQL scripts of
 * {@code db/flywayjava}) are rehearsed like their SQL equivalents in {@code db/patterns/schema-and-data} and
 * {@code db/patterns/create-index} (and {@code db/patterns/volatile-default}): each statement the code sends is traced, so the same findings come out, placed at
 * the line of the Java source that sent the statement. The chains mix SQL and Java steps in Flyway's version order,
 * and Flyway itself applies them for the parity check.
 */
@MigrationRehearsal(locations = "classpath:db/flywayjava/safe", rows = "0", load = Toggle.OFF, failOn = "warning")
@Tag("slow") // five rehearsals of Java and SQL chains (12 s on a 2-core machine)
class FlywayJavaTest {

    private static final String BACKFILL = "src/test/java/db/flywayjava/safe/V3__Backfill_orders_state_code.java";

    @Test
    void should_pass_a_batched_java_backfill_and_a_concurrent_java_index_build(RehearsalResult result) {
        assertThat(result.report().source().layout()).isEqualTo("flyway");
        assertThat(result.migrations()).extracting(MigrationReport::version).containsExactly("1", "2", "3", "4");
        assertThat(result).passes().allMigrations().areReversible();
        assertThat(strongestLock(result, "3")).isEqualTo(LockMode.ROW_EXCLUSIVE.pgLocksName());
        assertThat(strongestLock(result, "4")).isEqualTo(LockMode.SHARE_UPDATE_EXCLUSIVE.pgLocksName());
        assertThat(result).migration("4")
                .rewritesNoTable()
                .hasNoFindingAtOrAbove(Severity.WARNING)
                .blocksWritersAtMost(Duration.ZERO);
    }

    @Test
    void should_trace_each_batch_the_java_code_sends_at_its_source_line(RehearsalResult result) {
        MigrationReport backfill = result.migration("3").orElseThrow();
        List<StatementTrace> up = backfill.statements(Phase.UP);

        assertThat(backfill.script()).endsWith(BACKFILL);
        assertThat(backfill.transactional()).isFalse();
        // one SELECT for the highest key, then one UPDATE per 1 000 keys of the 20 000 orders, each committing alone
        assertThat(up).hasSize(21);
        assertThat(up.get(0).sql()).startsWith("SELECT coalesce(max(id), 0) FROM orders");
        assertThat(up.subList(1, 21)).allSatisfy(update -> {
            assertThat(update.sql()).startsWith("UPDATE orders SET state_code");
            assertThat(update.script()).endsWith(BACKFILL);
            assertThat(update.line()).isEqualTo(40); // update.executeUpdate() in the source
            assertThat(update.transactional()).isFalse();
        });
    }

    @Test
    void should_fail_java_migrations_with_the_findings_of_their_sql_equivalents(Rehearsal rehearsal) {
        RehearsalResult result = rehearsal.run(config -> config.migrations("classpath:db/flywayjava/dangerous"));

        assertThat(result).fails();
        assertThat(result).migration("2").hasFinding("SCHEMA_AND_DATA_MIXED").isReversible();
        assertThat(result).migration("3").hasFinding("NON_CONCURRENT_INDEX").isReversible();
        assertThat(result).migration("4").hasFinding("TABLE_REWRITE").isReversible();
        assertThat(statement(result, "4", "ADD COLUMN public_id").rewrites()).extracting(r -> r.relation())
                .contains("public.orders");
        // the ADD COLUMN's AccessExclusiveLock is held until the UPDATE commits, in the migration's one transaction
        StatementTrace addColumn = statement(result, "2", "ADD COLUMN");
        StatementTrace update = statement(result, "2", "UPDATE orders");
        LockHold exclusive = addColumn.locks().stream()
                .filter(l -> l.mode().equals(LockMode.ACCESS_EXCLUSIVE.pgLocksName())).findFirst().orElseThrow();
        assertThat(exclusive.heldMs()).isGreaterThan(update.durationMs());
        assertThat(addColumn.transactional()).isTrue();
        StatementTrace index = statement(result, "3", "CREATE INDEX");
        assertThat(index.script()).endsWith("src/test/java/db/flywayjava/dangerous/V3__Index_orders_by_placed_at.java");
        assertThat(index.line()).isEqualTo(16);
        assertThat(index.locks()).extracting(LockHold::mode).contains(LockMode.SHARE.pgLocksName());
    }

    @Test
    void should_seed_and_load_the_tables_of_a_java_migration_and_word_its_fix_for_a_class(Rehearsal rehearsal) {
        // WHEN the dangerous chain is rehearsed with rows and the write load: a class names no table before it runs
        RehearsalResult result = rehearsal.run(config -> config.migrations("classpath:db/flywayjava/dangerous")
                .rows(2000).load(true));

        // THEN its steps are rehearsed on seeded tables, with writers beside them: a window per step and the WAL read
        // as the load's too (how many requests fall into a short DROP INDEX is scheduling, so it is not asserted)
        MigrationReport index = result.migration("3").orElseThrow();
        assertThat(index.seed().tables()).filteredOn(t -> t.relation().equals("public.orders"))
                .singleElement().extracting(SeedSummary.SeededTable::rows, LONG)
                .isGreaterThanOrEqualTo(2000L);
        assertThat(index.load()).as("write load windows of the Java index build").extracting(LoadWindow::step)
                .containsExactly(Phase.UP, Phase.DOWN, Phase.REUP);
        assertThat(statement(result, "3", "CREATE INDEX").walMeasure()).isEqualTo(WalMeasure.SERVER_WITH_LOAD);
        // AND its statement reads as written, without the string's trailing semicolon, and the fix speaks of classes
        assertThat(statement(result, "3", "CREATE INDEX").sql()).endsWith("ON orders (placed_at)");
        assertThat(index.findings()).filteredOn(f -> f.code().equals("NON_CONCURRENT_INDEX")).singleElement()
                .extracting(Finding::remediation).asString()
                .contains("a migration class of its own whose canExecuteInTransaction() returns false")
                .contains("CREATE INDEX CONCURRENTLY orders_placed_at_idx ON orders (placed_at);\n")
                .doesNotContain(";;");
    }

    @Test
    void should_apply_a_java_migration_of_the_history_before_the_pending_ones(Rehearsal rehearsal) {
        // WHEN only V4 is pending: V1 to V3, the Java backfill among them, are applied without rehearsal
        RehearsalResult pending = rehearsal.run(config -> config.pendingAfter("3"));

        // THEN the history holds the Java migration, and only the index build is rehearsed, on top of it
        assertThat(pending.report().appliedHistory().versions()).containsExactly("1", "2", "3");
        assertThat(pending.migrations()).extracting(MigrationReport::version).containsExactly("4");
        assertThat(pending).passes();
        assertThat(pending.report().findings()).isEmpty();
    }

    private static String strongestLock(RehearsalResult result, String version) {
        return result.migration(version).orElseThrow().statements(Phase.UP).stream().flatMap(s -> s.locks().stream())
                .max(LockHold.BY_STRENGTH_THEN_HOLD).map(LockHold::mode).orElse("none");
    }

    private static StatementTrace statement(RehearsalResult result, String version, String fragment) {
        return result.migration(version).orElseThrow().statements(Phase.UP).stream()
                .filter(s -> s.sql().contains(fragment)).findFirst()
                .orElseThrow(() -> new AssertionError("no statement containing '" + fragment + "' in V" + version));
    }
}
