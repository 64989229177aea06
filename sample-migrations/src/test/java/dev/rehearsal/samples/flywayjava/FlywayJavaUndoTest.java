package dev.rehearsal.samples.flywayjava;

import static dev.rehearsal.junit.RehearsalAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.junit.MigrationRehearsal;
import dev.rehearsal.junit.Rehearsal;
import dev.rehearsal.junit.RehearsalResult;
import dev.rehearsal.junit.Toggle;
import dev.rehearsal.report.Finding;
import dev.rehearsal.report.MigrationReport;
import dev.rehearsal.report.Phase;
import dev.rehearsal.report.StatementTrace;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A Java undo class ({@code U2__Add_orders_note}) is the down step of {@code V2__Add_orders_note}, traced like a SQL
 * undo script. Open-source Flyway has no Java undo migrations: it reads such a class as a second version 2, which the
 * parity check reports, so this class rehearses without parity, as a Flyway Teams user would.
 */
@Tag("slow") // over 2 s: CI runs it, the fast set (-Pquick) does not
@MigrationRehearsal(locations = "classpath:db/flywayjava/undo", rows = "0", load = Toggle.OFF, flywayParity = Toggle.OFF)
class FlywayJavaUndoTest {

    @Test
    void should_rehearse_the_undo_class_as_the_down_step(RehearsalResult result) {
        assertThat(result).passes().allMigrations().areReversible();
        MigrationReport note = result.migration("2").orElseThrow();
        assertThat(note.undoScript()).endsWith("src/test/java/db/flywayjava/undo/U2__Add_orders_note.java");
        assertThat(note.statements(Phase.DOWN)).extracting(StatementTrace::sql)
                .containsExactly("ALTER TABLE orders DROP COLUMN note");
        assertThat(note.statements(Phase.DOWN).get(0).line()).isEqualTo(37);
        assertThat(note.statements(Phase.REUP)).extracting(StatementTrace::sql)
                .containsExactly("SET lock_timeout = '2s'", "ALTER TABLE orders ADD COLUMN note text");
    }

    @Test
    void should_report_that_open_source_flyway_reads_the_undo_class_as_a_second_version(Rehearsal rehearsal) {
        RehearsalResult result = rehearsal.run(config -> config.flywayParity(true));

        assertThat(result.findings()).filteredOn(f -> f.code().equals("FLYWAY_PARITY")).singleElement()
                .extracting(Finding::evidence).asString()
                .contains("more than one migration with version 2").contains("U2__Add_orders_note");
    }

    @Test
    void should_offer_a_setting_to_accept_fix_forward_for_a_class_without_undo(Rehearsal rehearsal) {
        // GIVEN a Java migration with neither an undo script nor an undo class
        RehearsalResult result = rehearsal.run(config -> config.migrations("classpath:db/flywayjava/fixforward"));

        // THEN MISSING_DOWN names both kinds of undo, and accepts fix-forward with the policy setting: a compiled
        // class cannot carry the comment that allows it in a script
        assertThat(result.migration("2").orElseThrow().findings()).filteredOn(f -> f.code().equals("MISSING_DOWN"))
                .singleElement().extracting(Finding::remediation).asString()
                .contains("U2__Add_orders_note.sql", "a U2__Add_orders_note class", "--severity MISSING_DOWN=info")
                .doesNotContain("-- rehearsal:allow-script MISSING_DOWN <reason>");
    }
}
