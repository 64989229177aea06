package dev.rehearsal.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProductionFiguresTest {

    @Test
    void should_say_a_figure_beside_its_value_in_production() {
        assertThat(ProductionFigures.durations(318, 100_000, 127_000, 40_000_000))
                .isEqualTo("318 ms at 100 000 rows; ≈ 2 min 07 s at 40 M rows in production");
        assertThat(ProductionFigures.sizes(4 * 1024 * 1024, 10_000, 160L << 30, 2_500_000))
                .isEqualTo("4.0 MiB at 10 000 rows; ≈ 160 GiB at 2.5 M rows in production");
    }

    @Test
    void should_write_rows_and_durations_at_every_scale() {
        assertThat(ProductionFigures.rows(1)).isEqualTo("1 row");
        assertThat(ProductionFigures.rows(9_500)).isEqualTo("9 500 rows");
        assertThat(ProductionFigures.rows(2_000_000)).isEqualTo("2 M rows");
        assertThat(ProductionFigures.rows(1_200_000_000)).isEqualTo("1.2 G rows");
        assertThat(ProductionFigures.duration(7.5)).isEqualTo("7.5 ms");
        assertThat(ProductionFigures.duration(12_400)).isEqualTo("12.4 s");
        assertThat(ProductionFigures.duration(3 * 3_600_000 + 5 * 60_000)).isEqualTo("3 h 05 min");
    }
}
