package dev.rehearsal.samples.pending;

import static dev.rehearsal.junit.RehearsalAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.junit.MigrationRehearsal;
import dev.rehearsal.junit.Rehearsal;
import dev.rehearsal.junit.RehearsalResult;
import dev.rehearsal.junit.Toggle;
import dev.rehearsal.report.AppliedHistory;
import dev.rehearsal.report.Finding;
import dev.rehearsal.report.MigrationReport;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A shop with twelve applied migrations and two pending ones (a plain index build, an int to bigint rewrite). Only
 * the pending ones need rehearsing: the history is applied the fast way, once, and cloned on later runs, and the
 * pending migrations get the same findings as in the rehearsal of the whole chain.
 */
@MigrationRehearsal(locations = "classpath:db/long-history", rows = "2000", load = Toggle.OFF)
@Tag("slow") // two rehearsals of a fourteen-migration chain
class LongHistoryTest {

    @Test
    void should_give_the_pending_migrations_the_findings_of_the_whole_rehearsal(Rehearsal rehearsal) {
        // GIVEN the rehearsal of the whole chain
        RehearsalResult full = rehearsal.run();

        // WHEN only the migrations after V12 are rehearsed
        RehearsalResult pending = rehearsal.run(config -> config.pendingAfter("12"));

        // THEN the history is applied without rehearsal, and only V13 and V14 are in the report
        AppliedHistory history = pending.report().appliedHistory();
        assertThat(history.versions()).containsExactly("1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12");
        assertThat(history.upTo()).isEqualTo("12");
        assertThat(pending.migrations()).extracting(MigrationReport::version).containsExactly("13", "14");
        assertThat(full.report().appliedHistory()).isNull();

        // AND their findings are the whole rehearsal's, code by code and table by table
        assertThat(findings(pending, "13")).isNotEmpty().isEqualTo(findings(full, "13"));
        assertThat(findings(pending, "14")).isNotEmpty().isEqualTo(findings(full, "14"));
        assertThat(pending).migration("14").hasFinding("TABLE_REWRITE");
        assertThat(pending.passed()).isEqualTo(full.passed());
        // AND Flyway, baselined on a clone of the history at V12, makes the same schema of the pending migrations
        assertThat(pending.report().findings()).isEmpty();
    }

    @Test
    void should_clone_the_history_kept_by_the_first_pending_rehearsal(Rehearsal rehearsal) {
        // GIVEN a pending-only rehearsal on this server
        rehearsal.run(config -> config.pendingAfter("12"));

        // WHEN it runs again
        RehearsalResult again = rehearsal.run(config -> config.pendingAfter("12"));

        // THEN the history is cloned, not applied again
        assertThat(again.report().appliedHistory().cached()).isTrue();
        assertThat(again.report().appliedHistory().describe())
                .isEqualTo("applied 12 migrations up to V12 without rehearsal (cached)");
        assertThat(again.migrations()).extracting(MigrationReport::version).containsExactly("13", "14");
    }

    @Test
    void should_seed_only_the_tables_the_pending_migrations_name_and_their_parents(Rehearsal rehearsal) {
        RehearsalResult pending = rehearsal.run(config -> config.pendingAfter("12"));

        List<String> seeded = pending.migration("13").orElseThrow().seed().tables().stream()
                .map(t -> t.relation()).sorted().toList();
        // orders and payments are named; customers and coupons are what orders' foreign keys need
        assertThat(seeded).containsExactly("public.coupons", "public.customers", "public.orders", "public.payments");
    }

    /** Each finding as code, severity and table: the evidence holds durations that differ from run to run. */
    private static Map<String, Long> findings(RehearsalResult result, String version) {
        return result.migration(version).orElseThrow().findings().stream().filter(Finding::isActive)
                .collect(Collectors.groupingBy(f -> f.code() + " " + f.severity().json() + " " + f.relation(),
                        java.util.TreeMap::new, Collectors.counting()));
    }
}
