package dev.rehearsal.runner.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.runner.core.ErrorCode;
import dev.rehearsal.runner.core.RehearsalException;
import org.junit.jupiter.api.Test;

/**
 * A full disk met while a scratch database was being cloned (Flyway's parity run beside the rehearsal had filled it,
 * DiskFullTest on a busy machine) read "Could not create the scratch database …: No space left on device. The user
 * needs the CREATEDB privilege": it gets the one disk-full message, with what ran beside the rehearsal.
 */
class ServerLossTest {

    @Test
    void should_word_a_full_disk_met_by_a_scratch_database_as_every_full_disk_is_worded() {
        RehearsalException met = new RehearsalException(ErrorCode.DISK_FULL, "Could not create the scratch database "
                + "rehearsal_rehearsal_66c5f195800d: ERROR: could not write to file \"base/16385/2579\": No space left "
                + "on device");

        RehearsalException explained = ServerLoss.explain(met, null, null, true);

        assertThat(explained.code()).isEqualTo(ErrorCode.DISK_FULL);
        assertThat(explained.getMessage()).startsWith("PostgreSQL ran out of disk space during the rehearsal, with "
                        + "Flyway applying the whole chain beside it for the parity check (Could not create the scratch "
                        + "database rehearsal_rehearsal_66c5f195800d: ERROR: could not write")
                .contains("Free space on the server's disk").doesNotContain("CREATEDB");
        // worded once: explaining it again changes nothing
        assertThat(ServerLoss.explain(explained, null, "V2__wal.sql", false)).isSameAs(explained);
    }
}
