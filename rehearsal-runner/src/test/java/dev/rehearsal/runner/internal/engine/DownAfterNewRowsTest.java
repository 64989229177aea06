package dev.rehearsal.runner.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.report.Finding;
import dev.rehearsal.report.MigrationReport;
import dev.rehearsal.report.Report;
import dev.rehearsal.report.StepStatus;
import dev.rehearsal.runner.RehearsalEngine;
import dev.rehearsal.runner.config.RehearsalConfig;
import dev.rehearsal.runner.support.EmbeddedServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Between up and down the new version of the application has run: before down starts, the write load writes into
 * each touched table the sparse row that version may write (NULL wherever the new schema allows). A down script
 * that cannot take such a row fails in every rehearsal, not only when the load's random values happened to land in
 * the milliseconds between the two steps (at 50 requests/s those rarely do).
 */
class DownAfterNewRowsTest {

    @RegisterExtension
    static final EmbeddedServer server = new EmbeddedServer();

    private static Report rehearse(String set) {
        return new RehearsalEngine(RehearsalConfig.builder()
                .provider(server.provider())
                .migrations("src/test/resources/migrations/down-after-new-rows/" + set)
                .rows(0)
                .load(true)
                .loadRate(50)
                .loadClients(1)
                .flywayParity(false)
                .build()).run();
    }

    private static MigrationReport v2(Report report) {
        return report.migrations().stream().filter(m -> m.version().equals("2")).findFirst().orElseThrow();
    }

    @Test
    void should_fail_the_down_step_that_cannot_take_a_row_the_new_version_may_write() {
        // GIVEN V2 lets note be NULL, and U2 sets it NOT NULL again without giving such rows a value
        Report report = rehearse("relaxed");

        // THEN down failed on the row without a note, with the server's words
        MigrationReport v2 = v2(report);
        assertThat(v2.roundTrip().up()).isEqualTo(StepStatus.OK);
        assertThat(v2.roundTrip().down()).as("round trip of V2: %s", v2.roundTrip()).isEqualTo(StepStatus.FAILED);
        assertThat(v2.roundTrip().failure().message()).contains("note", "null values");
        Finding failed = v2.findings().stream().filter(f -> f.code().equals("MIGRATION_FAILED")).findFirst()
                .orElseThrow(() -> new AssertionError("no MIGRATION_FAILED in " + v2.findings()));
        assertThat(failed.evidence()).contains("23502");
        assertThat(failed.remediation()).contains("after the new version has written rows")
                .contains("WHERE <column> IS NULL");
    }

    @Test
    void should_pass_a_down_step_that_gives_such_rows_a_value_first() {
        // GIVEN the same change whose U2 fills the notes the new version left empty before SET NOT NULL
        Report report = rehearse("kept");

        // THEN the round trip completes
        MigrationReport v2 = v2(report);
        assertThat(v2.roundTrip().down()).as("round trip of V2: %s", v2.roundTrip()).isEqualTo(StepStatus.OK);
        assertThat(v2.roundTrip().reup()).isEqualTo(StepStatus.OK);
        assertThat(v2.findings()).extracting(Finding::code).doesNotContain("MIGRATION_FAILED", "GENERATED_DATA_REJECTED");
    }
}
