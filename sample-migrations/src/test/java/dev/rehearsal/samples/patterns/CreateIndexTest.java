package dev.rehearsal.samples.patterns;

import static dev.rehearsal.junit.RehearsalAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.junit.LockMode;
import dev.rehearsal.junit.MigrationRehearsal;
import dev.rehearsal.junit.Rehearsal;
import dev.rehearsal.junit.RehearsalResult;
import dev.rehearsal.report.Severity;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * CREATE INDEX blocks every write to the table while it builds; CREATE INDEX CONCURRENTLY lets writers through. The
 * concurrent write load runs beside each migration (the default), so the writers' waits are measured.
 */
@Tag("slow") // over 2 s: CI runs it, the fast set (-Pquick) does not
@MigrationRehearsal(locations = "classpath:db/patterns/create-index/safe", rows = "0")
class CreateIndexTest {

    @Test
    void should_fail_a_plain_index_build_on_a_table_with_rows(Rehearsal rehearsal) {
        // WHEN the index is built without CONCURRENTLY on orders, which holds 20 000 rows
        RehearsalResult result = rehearsal.run(config -> config.migrations("classpath:db/patterns/create-index/dangerous"));

        // THEN the build held a ShareLock (writers wait) and the finding says so
        assertThat(result).fails();
        assertThat(result).migration("2").hasFinding("NON_CONCURRENT_INDEX").isReversible();
        // AND it held a lock that makes every writer queue behind it. (Whether one of the load's requests happens to
        // arrive during a build of a few tens of milliseconds is timing, not a fact about the migration: an idle run
        // saw none, so the writers' waits are not asserted here; UnderLoadTest measures them on a longer build.)
        // (the index's own ACCESS EXCLUSIVE lock while it is created blocks nobody: the statement's strongest lock
        // leaves it out)
        assertThat(UpStep.statement(result, "2", "CREATE INDEX").strongestLock())
                .hasValueSatisfying(l -> assertThat(l.mode()).isEqualTo(LockMode.SHARE.pgLocksName()))
                .hasValueSatisfying(l -> assertThat(l.relation()).isEqualTo("public.orders"));
    }

    @Test
    void should_pass_a_concurrent_build_that_takes_no_lock_blocking_writers(RehearsalResult result) {
        assertThat(result).passes();
        assertThat(UpStep.strongestLock(result, "2")).isEqualTo(LockMode.SHARE_UPDATE_EXCLUSIVE.pgLocksName());
        assertThat(result).migration("2")
                .rewritesNoTable()
                .hasNoFindingAtOrAbove(Severity.WARNING)
                .blocksWritersAtMost(Duration.ZERO)
                .isReversible();
    }
}
