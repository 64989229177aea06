package dev.rehearsal.runner.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.report.Finding;
import dev.rehearsal.report.MigrationReport;
import dev.rehearsal.report.Report;
import dev.rehearsal.runner.config.RehearsalConfig;
import dev.rehearsal.runner.RehearsalEngine;
import dev.rehearsal.runner.core.RehearsalListener;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * Writes a migration breaks are found whether or not a load request happened to run after the change: the running
 * version's statements are replayed once against the new schema.
 */
class WriterErrorsReplayTest {

    @Test
    void should_report_the_writes_a_rename_breaks_even_when_no_request_ran_after_it() {
        // GIVEN a load of one request per second: the rename's few ms almost never see one
        Report report = new RehearsalEngine(RehearsalConfig.builder()
                .migrations("src/test/resources/migrations/rename")
                .rows(1_000)
                .load(true)
                .loadRate(1)
                .build()).run();

        // THEN the running version's INSERT, UPDATE and SELECT of the old column fail against the renamed one
        MigrationReport rename = report.migrations().get(1);
        Finding writes = rename.findings().stream().filter(f -> f.code().equals("WRITER_ERRORS")).findFirst()
                .orElseThrow(() -> new AssertionError("no WRITER_ERRORS in " + rename.findings()));
        assertThat(writes.evidence())
                .contains("INSERT public.orders: ERROR: column \"customer_ref\" of relation \"orders\" does not exist [42703]")
                .contains("SELECT public.orders: ERROR: column \"customer_ref\" does not exist [42703]");
        // AND the table's creation, which the load never wrote before, breaks nothing
        assertThat(report.migrations().get(0).findings()).extracting(Finding::code).doesNotContain("WRITER_ERRORS");
    }

    @Test
    void should_not_blame_a_migration_for_writes_that_failed_before_it_and_say_they_were_not_checked() {
        // GIVEN a table whose trigger refuses the load's inserts whatever the schema: they fail before any change
        List<String> notes = new CopyOnWriteArrayList<>();
        Report report = new RehearsalEngine(RehearsalConfig.builder()
                .migrations("src/test/resources/migrations/failing-before-up")
                .rows(1_000)
                .load(true)
                .listener(new RehearsalListener() {
                    @Override
                    public void note(String message) {
                        notes.add(message);
                    }
                })
                .build()).run();

        // THEN adding a nullable column, which breaks no write, is not reported as breaking the running version
        MigrationReport addNote = report.migrations().get(1);
        assertThat(addNote.findings()).extracting(Finding::code).doesNotContain("WRITER_ERRORS");
        // AND the user is told that this write was not checked, and why
        assertThat(notes).anySatisfy(n -> assertThat(n).contains("V2", "INSERT public.orders",
                "orders are entered through the shop only [22023]", "before"));
    }
}
