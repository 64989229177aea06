package dev.rehearsal.runner.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.runner.core.ErrorCode;
import dev.rehearsal.runner.core.RehearsalException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/**
 * A full disk met by Rehearsal's own query, while Flyway applies the whole chain beside the rehearsal: the
 * migration being rehearsed may not be what filled it, so the message must say what ran beside it (a CI run blamed
 * V1, a bare CREATE TABLE, for the WAL that V2 wrote in Flyway's database).
 */
class SqlFailuresTest {

    private static final SQLException DISK_FULL = new SQLException(
            "PANIC: could not write to file \"pg_wal/xlogtemp.1\": No space left on device", "53100");

    @Test
    void should_name_flyway_applying_the_chain_beside_the_rehearsal_when_the_disk_filled() {
        RehearsalException failure = SqlFailures.duringRehearsal(DISK_FULL, "db/V1__create.sql", true);

        assertThat(failure.code()).isEqualTo(ErrorCode.DISK_FULL);
        assertThat(failure.getMessage()).contains("while rehearsing db/V1__create.sql, with Flyway applying the "
                + "whole chain beside it for the parity check (PANIC: could not write");
    }

    @Test
    void should_blame_the_migration_alone_when_nothing_ran_beside_it() {
        RehearsalException failure = SqlFailures.duringRehearsal(DISK_FULL, "db/V2__fill.sql", false);

        assertThat(failure.code()).isEqualTo(ErrorCode.DISK_FULL);
        assertThat(failure.getMessage()).contains("while rehearsing db/V2__fill.sql (PANIC")
                .doesNotContain("beside");
    }
}
