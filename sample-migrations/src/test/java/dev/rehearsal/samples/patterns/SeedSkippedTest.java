package dev.rehearsal.samples.patterns;

import static dev.rehearsal.junit.RehearsalAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rehearsal.junit.MigrationRehearsal;
import dev.rehearsal.junit.Rehearsal;
import dev.rehearsal.junit.RehearsalResult;
import dev.rehearsal.junit.Toggle;
import dev.rehearsal.report.Finding;
import dev.rehearsal.report.SeedSummary.SeededTable;
import dev.rehearsal.report.Severity;
import dev.rehearsal.runner.config.Policy;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A table the seeder cannot fill (a {@code point} column) stays empty, and its migrations are measured on an empty
 * table: the report says so with the reason, as a SEED_SKIPPED finding on the migration that works on it. A seed
 * script provides the rows.
 */
@Tag("slow") // over 2 s: CI runs it, the fast set (-Pquick) does not
@MigrationRehearsal(locations = "classpath:db/patterns/seed-skipped/migrations", rows = "1000", load = Toggle.OFF)
class SeedSkippedTest {

    @Test
    void should_say_why_a_table_could_not_be_seeded(RehearsalResult result) {
        SeededTable stores = seeded(result);

        assertThat(stores.rows()).isZero();
        assertThat(stores.note()).contains("column location (point, NOT NULL)", "not one the seeder can generate");
        assertThat(result).migration("2").hasFinding("SEED_SKIPPED");
        assertThat(result).passes();
    }

    @Test
    void should_warn_that_the_table_was_measured_empty_in_every_summary(Rehearsal rehearsal) {
        // GIVEN a policy that fails on warnings
        RehearsalResult result = rehearsal.run(config -> config.policy(Policy.defaults().withFailOn(Severity.WARNING)));

        // THEN SEED_SKIPPED is a warning, and the summaries and the failed assertion name the empty table
        Finding skipped = result.migration("2").orElseThrow().findings().stream()
                .filter(f -> f.code().equals("SEED_SKIPPED")).findFirst().orElseThrow();
        assertThat(skipped.severity()).isEqualTo(Severity.WARNING);
        assertThat(skipped.title()).isEqualTo("Measured on an empty table: public.stores holds no rows for this migration");
        assertThat(result.report().measuredOnFewRows()).hasValue("Measured on an empty table: public.stores (V2). "
                + "Figures about these tables do not reflect production's rows.");
        assertThatThrownBy(() -> assertThat(result).passes())
                .hasMessageContaining("SEED_SKIPPED (warning)")
                .hasMessageContaining("\nMeasured on an empty table: public.stores (V2). "
                        + "Figures about these tables do not reflect production's rows.\nReport: ")
                .hasMessageEndingWith(SeedSkippedTest.class.getName()
                        + "/should_warn_that_the_table_was_measured_empty_in_every_summary/report.html");
    }

    @Test
    void should_fill_it_from_a_seed_script(Rehearsal rehearsal) throws URISyntaxException {
        Path script = Path.of(getClass().getResource("/db/patterns/seed-skipped/seed.sql").toURI());

        RehearsalResult result = rehearsal.run(config -> config.seedScript(script));

        // the script's 500 rows: the seeder cannot generate a point, so it adds none of its own
        assertThat(seeded(result).rows()).isEqualTo(500);
    }

    private static SeededTable seeded(RehearsalResult result) {
        List<SeededTable> tables = result.migration("2").orElseThrow().seed().tables();
        return tables.stream().filter(t -> t.relation().equals("public.stores")).findFirst().orElseThrow();
    }
}
