package dev.rehearsal.runner.internal.extrapolate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rehearsal.report.Phase;
import dev.rehearsal.report.ProductionEstimate;
import dev.rehearsal.report.Report;
import dev.rehearsal.report.StatementTrace;
import dev.rehearsal.runner.PostgresProviders;
import dev.rehearsal.runner.RehearsalEngine;
import dev.rehearsal.runner.config.Policy;
import dev.rehearsal.runner.config.RehearsalConfig;
import dev.rehearsal.runner.core.RehearsalException;
import dev.rehearsal.runner.core.RehearsalListener;
import dev.rehearsal.runner.stats.ProductionStats;
import dev.rehearsal.runner.stats.TableStats;
import dev.rehearsal.runner.support.MigrationFiles;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With production statistics, a rehearsal runs at a second, smaller seeded size as well, and each statement that
 * works on a table production has is also reported at production's rows: fitted through the two measurements.
 * Durations depend on the machine, so the test checks the pairing and the WAL (which grows with the rows whatever
 * the machine), not times.
 */
@Tag("slow") // two rehearsals
class ProductionExtrapolationTest {

    private static final long PRODUCTION_ROWS = 2_000_000;
    private static final long THRESHOLD = 32L << 20;

    @TempDir
    Path dir;

    @Test
    void should_report_a_rewrite_and_an_index_build_at_production_size_and_say_which_table_it_lacks() {
        // GIVEN a table production holds 2 M rows of, a table production does not have, and migrations on both
        MigrationFiles.in(dir)
                .file("V1__tables.sql", "CREATE TABLE items (id int PRIMARY KEY, quantity int NOT NULL, code text);\n"
                        + "CREATE TABLE audit (id int PRIMARY KEY, note text);\n")
                .file("V2__grow.sql", "ALTER TABLE items ALTER COLUMN quantity TYPE bigint;\n"
                        + "CREATE INDEX items_code_idx ON items (code);\n"
                        + "ALTER TABLE audit ALTER COLUMN id TYPE bigint;\n")
                .file("U2__grow.sql", "DROP INDEX items_code_idx;\n"
                        + "ALTER TABLE items ALTER COLUMN quantity TYPE int;\n"
                        + "ALTER TABLE audit ALTER COLUMN id TYPE int;\n");
        ProductionStats stats = new ProductionStats(1, Instant.parse("2026-12-01T00:00:00Z"), "16.4", "shop",
                List.of(new TableStats("public", "items", false, PRODUCTION_ROWS, 20_000, 163_840_000, 0, 45_000_000)));
        List<String> notes = new CopyOnWriteArrayList<>();

        // WHEN rehearsed at 20 000 rows (and so at 2 000 too)
        Report report = new RehearsalEngine(RehearsalConfig.builder().migrations(dir.toString())
                .provider(PostgresProviders.embedded()).rows(20_000).load(false).flywayParity(false)
                // far above the WAL of the rehearsal's rewrite, far below that of production's
                .policy(Policy.defaults().withWalVolumeThreshold(THRESHOLD))
                .productionStats(stats)
                .listener(new RehearsalListener() {
                    @Override
                    public void note(String message) {
                        notes.add(message);
                    }
                }).build()).run();

        // THEN the rewrite and the index build of items carry their figures at production's rows
        List<StatementTrace> up = report.migrations().get(1).statements().stream()
                .filter(s -> s.phase() == Phase.UP).toList();
        for (StatementTrace statement : up.subList(0, 2)) {
            ProductionEstimate estimate = statement.atProduction();
            assertThat(estimate).as(statement.sql()).isNotNull();
            assertThat(estimate.relation()).isEqualTo("public.items");
            assertThat(estimate.rows()).isEqualTo(PRODUCTION_ROWS);
            assertThat(estimate.measuredRows()).isEqualTo(20_000);
            assertThat(estimate.smallRows()).isEqualTo(2_000);
            // WAL follows the rows: 100 times the rows of the measured run write far more than it did
            assertThat(estimate.walBytes()).as(statement.sql()).isGreaterThan(20 * statement.walBytes());
            assertThat(estimate.fitError()).isBetween(0.0, 1.0);
            assertThat(estimate.durationMs()).isGreaterThanOrEqualTo(0);
        }

        // AND the WAL threshold was checked against production's figure, which the finding gives beside the measured one
        StatementTrace rewrite = up.get(0);
        assertThat(rewrite.walBytes()).isLessThan(THRESHOLD);
        assertThat(report.migrations().get(1).findings()).filteredOn(f -> f.code().equals("WAL_VOLUME"))
                .anySatisfy(f -> {
                    assertThat(f.line()).isEqualTo(1);
                    assertThat(f.title()).contains("at production size (threshold 32MiB)");
                    assertThat(f.evidence()).contains("at 20 000 rows; ≈ ").contains(" at 2 M rows in production")
                            .contains("fitted through 2 000 rows and 20 000 rows");
                });

        // AND the statement on the table production lacks stays as measured, and the run said why
        assertThat(up.get(2).atProduction()).isNull();
        assertThat(notes).anySatisfy(n -> assertThat(n).contains("public.audit is not in the production statistics"));
        assertThat(notes).anySatisfy(n -> assertThat(n).contains("Rehearsing at 2000 rows per table first"));
    }

    @Test
    void should_refuse_statistics_without_rows_to_extrapolate_from() {
        ProductionStats stats = new ProductionStats(1, Instant.now(), "16", "db", List.of());

        assertThatThrownBy(() -> RehearsalConfig.builder().migrations(dir.toString()).rows(0).productionStats(stats)
                .build())
                .isInstanceOf(RehearsalException.class)
                .hasMessageContaining("rows must be at least 1000, got 0");
    }
}
