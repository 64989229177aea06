package dev.rehearsal.samples.patterns;

import static dev.rehearsal.junit.RehearsalAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.junit.MigrationRehearsal;
import dev.rehearsal.junit.Rehearsal;
import dev.rehearsal.junit.RehearsalResult;
import dev.rehearsal.junit.Toggle;
import dev.rehearsal.runner.config.Policy;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * An instant ALTER TABLE still waits for its AccessExclusiveLock behind any long query, and everything queues behind
 * it. NO_LOCK_TIMEOUT is a warning, so this policy fails on warnings.
 */
@MigrationRehearsal(locations = "classpath:db/patterns/lock-timeout/safe", rows = "0", load = Toggle.OFF, failOn = "warning")
@Tag("slow") // long readers under load
class LockTimeoutTest {

    @Test
    void should_fail_a_strong_lock_requested_without_lock_timeout(Rehearsal rehearsal) {
        RehearsalResult result = rehearsal.run(config -> config.migrations("classpath:db/patterns/lock-timeout/dangerous"));

        assertThat(result).fails();
        assertThat(result).migration("2").hasFinding("NO_LOCK_TIMEOUT");
        assertThat(UpStep.statement(result, "2", "ADD COLUMN").lockTimeout()).isEqualTo("0");
    }

    @Test
    void should_fail_when_writers_queue_behind_the_lock_request_while_a_long_query_runs(Rehearsal rehearsal) {
        // GIVEN a report query holds a lock on orders for 600 ms when the migration starts, with writers running
        RehearsalResult result = rehearsal.run(config -> config
                .migrations("classpath:db/patterns/lock-timeout/dangerous")
                .longReader(Duration.ofMillis(600)).load(true));

        // THEN the ALTER waited for the reader, and the writers queued behind the ALTER
        assertThat(result).fails();
        assertThat(result).migration("2").hasFinding("LOCK_QUEUE");
        assertThat(UpStep.statement(result, "2", "ADD COLUMN").writers().waits()).isPositive();
    }

    @Test
    void should_pass_behind_the_same_long_query_when_a_short_lock_timeout_is_retried(Rehearsal rehearsal) {
        // GIVEN the same reader, and the runner's lock_timeout of 50 ms retried with pauses (rehearse --lock-timeout);
        // the writers' budget is half the reader's hold: queueing behind the reader would break it, a 50 ms attempt
        // and the wake-up of its queued writers on a busy machine would not
        Duration halfTheReader = Duration.ofMillis(300);
        RehearsalResult result = rehearsal.run(config -> config
                .migrations("classpath:db/patterns/lock-timeout/dangerous")
                .longReader(Duration.ofMillis(600)).load(true).lockTimeout(Duration.ofMillis(50))
                .policy(Policy.defaults().withWriterBlockBudget(halfTheReader)));

        // THEN each attempt gave up quickly, one after the reader succeeded, and nobody queued for long
        assertThat(result).passes();
        assertThat(result).migration("2").blocksWritersAtMost(halfTheReader);
    }

    @Test
    void should_pass_with_lock_timeout_set_first(RehearsalResult result) {
        assertThat(result).passes();
        assertThat(UpStep.statement(result, "2", "ADD COLUMN").lockTimeout()).isEqualTo("2s");
    }
}
