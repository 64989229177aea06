package dev.rehearsal.samples.golang;

import static dev.rehearsal.junit.RehearsalAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.junit.LockMode;
import dev.rehearsal.junit.MigrationRehearsal;
import dev.rehearsal.junit.RehearsalResult;
import dev.rehearsal.report.LockHold;
import dev.rehearsal.report.MigrationReport;
import dev.rehearsal.report.Phase;
import dev.rehearsal.report.StatementTrace;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * golang-migrate files ({@code 000002_name.up.sql} / {@code .down.sql}) are rehearsed like Flyway ones: the layout is
 * recognised from the names, a {@code BEGIN; … COMMIT;} wrapper makes the file one transaction, and a file holding
 * only {@code CREATE INDEX CONCURRENTLY} runs outside one.
 */
@Tag("slow") // over 2 s: CI runs it, the fast set (-Pquick) does not
@MigrationRehearsal(locations = "classpath:db/golang-migrate", rows = "0")
class GolangMigrateTest {

    @Test
    void should_rehearse_the_golang_migrate_chain_and_pass(RehearsalResult result) {
        assertThat(result.report().source().layout()).isEqualTo("golang-migrate");
        assertThat(result.migrations()).extracting(MigrationReport::version).containsExactly("000001", "000002",
                "000003");
        assertThat(result).passes().allMigrations().areReversible();
    }

    @Test
    void should_run_the_wrapped_file_as_one_transaction_with_its_lock_timeout(RehearsalResult result) {
        MigrationReport expand = result.migration("000002").orElseThrow();

        assertThat(expand.transactional()).isTrue();
        StatementTrace alter = expand.statements(Phase.UP).stream().filter(s -> s.sql().startsWith("ALTER TABLE"))
                .findFirst().orElseThrow();
        assertThat(alter.transactional()).isTrue();
        assertThat(alter.lockTimeout()).isEqualTo("2s");
        assertThat(result).migration("000002").rewritesNoTable();
    }

    @Test
    void should_build_the_index_concurrently_outside_a_transaction_without_blocking_writers(RehearsalResult result) {
        MigrationReport index = result.migration("000003").orElseThrow();

        assertThat(index.transactional()).isFalse();
        // the up step's lock on the table lets writers through (the down's DROP INDEX CONCURRENTLY ends with an
        // AccessExclusiveLock on the index it drops, which no writer of the table needs)
        assertThat(index.statements(Phase.UP).stream().flatMap(s -> s.locks().stream())
                .filter(l -> l.relation().equals("public.orders")).map(LockHold::mode))
                .containsExactly(LockMode.SHARE_UPDATE_EXCLUSIVE.pgLocksName());
        assertThat(result).migration("000003").blocksWritersAtMost(Duration.ZERO);
    }
}
