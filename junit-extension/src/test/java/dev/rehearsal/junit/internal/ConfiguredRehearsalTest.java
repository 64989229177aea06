package dev.rehearsal.junit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.junit.MigrationRehearsal;
import dev.rehearsal.junit.Rehearsal;
import dev.rehearsal.junit.RehearsalResult;
import dev.rehearsal.junit.Toggle;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The annotation's new options reach the engine, and {@code with(...)} changes them for one rehearsal. */
@Tag("slow") // whole rehearsals
@MigrationRehearsal(locations = "classpath:db/clean", rows = "0", load = Toggle.OFF, lockTimeout = "2s",
        statementTimeout = "1min", writerBlockBudget = "250ms", severities = "MISSING_DOWN=off")
class ConfiguredRehearsalTest {

    @Test
    void should_rehearse_with_the_annotations_settings(RehearsalResult result) {
        assertThat(result.report().settings()).containsEntry("lockTimeout", "2s")
                .containsEntry("statementTimeout", "1min").containsEntry("writerBlockBudget", "250ms")
                .containsEntry("disabledFindings", "MISSING_DOWN").containsEntry("rows", "0")
                .containsEntry("load", "false");
    }

    @Test
    void should_change_a_setting_for_the_rehearsal_that_with_returns_and_run_it_once(Rehearsal rehearsal) {
        // GIVEN
        Rehearsal changed = rehearsal.with(config -> config.lockTimeout(Duration.ofMillis(300)));
        // WHEN
        RehearsalResult first = changed.run();
        // THEN
        assertThat(first.report().settings()).containsEntry("lockTimeout", "300ms").containsEntry("rows", "0");
        assertThat(changed.run()).isSameAs(first);
    }
}
