package dev.rehearsal.samples.patterns;

import static dev.rehearsal.junit.RehearsalAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.junit.MigrationRehearsal;
import dev.rehearsal.junit.Rehearsal;
import dev.rehearsal.junit.RehearsalResult;
import dev.rehearsal.junit.Toggle;
import dev.rehearsal.report.Finding;
import dev.rehearsal.runner.plan.AppVersion;
import dev.rehearsal.runner.plan.RolloutPlan;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Dropping a column is safe only after every running app version has stopped reading it: release the version that
 * no longer uses it, retire the old one, then drop.
 */
@MigrationRehearsal(locations = "classpath:db/patterns/drop-column/safe", rows = "0", load = Toggle.OFF)
@Tag("slow") // rollouts and load
class DropColumnTest {

    /** Lists orders with their note. */
    private static final AppVersion V1 = AppVersion.named("v1")
            .sqlExpectingRows("list orders", "SELECT id, total_cents, note FROM orders ORDER BY placed_at DESC LIMIT 20");

    /** The release that stopped reading the note. */
    private static final AppVersion V2 = AppVersion.named("v2")
            .sqlExpectingRows("list orders", "SELECT id, total_cents FROM orders ORDER BY placed_at DESC LIMIT 20");

    @Test
    void should_break_the_running_version_that_still_reads_the_column(Rehearsal rehearsal) {
        // GIVEN the column is dropped while v1 runs
        RolloutPlan plan = RolloutPlan.migrate("1").thenDeploy(V1).thenMigrate("2").thenDeploy(V2);

        RehearsalResult result = rehearsal.withPlan(plan)
                .run(config -> config.migrations("classpath:db/patterns/drop-column/dangerous"));

        // THEN v1 fails after up, and the values are gone for good
        assertThat(result).fails();
        assertThat(result).migration("2").hasFinding("APP_VERSION_BROKEN").hasFinding("DATA_LOSS");
        assertThat(result.migration("2").orElseThrow().findings())
                .filteredOn(f -> f.code().equals("APP_VERSION_BROKEN")).extracting(Finding::evidence).first()
                .asString().contains("column \"note\" does not exist");
        // AND the down brings the column back empty and last: SELECT * and COPY see another column order
        assertThat(result).migration("2").hasFinding("COLUMN_ORDER_CHANGED");
    }

    @Test
    void should_fail_the_concurrent_writers_that_still_write_the_column(Rehearsal rehearsal) {
        // GIVEN the write load inserts and updates orders the way the running app does, note included, at its
        // default rate: whether one of its requests lands after the drop is luck, so after the step the running
        // version's statements are replayed once against the new schema
        RehearsalResult result = rehearsal.run(config -> config
                .migrations("classpath:db/patterns/drop-column/dangerous").load(true));

        // THEN its writes fail once the column is gone, in every run
        assertThat(result).migration("2").hasFinding("WRITER_ERRORS");
        assertThat(result.migration("2").orElseThrow().findings())
                .filteredOn(f -> f.code().equals("WRITER_ERRORS")).extracting(Finding::evidence).first()
                .asString().contains("INSERT public.orders: ERROR: column \"note\" of relation \"orders\" does not exist [42703]");
    }

    @Test
    void should_pass_once_the_version_that_reads_it_is_retired(Rehearsal rehearsal) {
        // GIVEN v2 replaced v1 before the drop
        RolloutPlan plan = RolloutPlan.migrate("1").thenDeploy(V1).thenDeploy(V2).thenRetire(V1).thenMigrate("2");

        RehearsalResult result = rehearsal.withPlan(plan).run();

        assertThat(result).passes();
        assertThat(result).appVersion("v2").worksAtEveryPhase();
        assertThat(result.migration("2").orElseThrow().findings()).filteredOn(f -> f.code().equals("DATA_LOSS"))
                .allSatisfy(f -> assertThat(f.isActive()).isFalse());
    }
}
