package dev.rehearsal.samples.patterns;

import static dev.rehearsal.junit.RehearsalAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.junit.MigrationRehearsal;
import dev.rehearsal.junit.Rehearsal;
import dev.rehearsal.junit.RehearsalResult;
import org.junit.jupiter.api.Test;

/**
 * An instant ALTER TABLE still waits for its AccessExclusiveLock behind any long query, and everything queues behind
 * it. NO_LOCK_TIMEOUT is a warning, so this policy fails on warnings.
 */
@MigrationRehearsal(locations = "classpath:db/patterns/lock-timeout/safe", rows = 0, load = "false", failOn = "warning")
class LockTimeoutTest {

    @Test
    void should_fail_a_strong_lock_requested_without_lock_timeout(Rehearsal rehearsal) {
        RehearsalResult result = rehearsal.run(config -> config.migrations("classpath:db/patterns/lock-timeout/dangerous"));

        assertThat(result).fails();
        assertThat(result).migration("2").hasFinding("NO_LOCK_TIMEOUT");
        assertThat(UpStep.statement(result, "2", "ADD COLUMN").lockTimeout()).isEqualTo("0");
    }

    @Test
    void should_pass_with_lock_timeout_set_first(RehearsalResult result) {
        assertThat(result).passes();
        assertThat(UpStep.statement(result, "2", "ADD COLUMN").lockTimeout()).isEqualTo("2s");
    }
}
