package dev.rehearsal.runner.internal.extrapolate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class LinearFitTest {

    @Test
    void should_extrapolate_a_fixed_cost_plus_a_cost_per_row() {
        // GIVEN 12 ms at 10 000 rows and 102 ms at 100 000 (2 ms fixed, 1 µs per row)
        LinearFit fit = LinearFit.through(10_000, 12, 100_000, 102);

        // THEN at 40 M rows: 2 ms + 40 s
        assertThat(fit.at(40_000_000)).isCloseTo(40_002, within(1e-6));
        assertThat(LinearFit.perRowSpread(10_000, 12, 100_000, 102)).isCloseTo(1 - 1.02 / 1.2, within(1e-9));
    }

    @Test
    void should_keep_a_figure_that_did_not_grow_at_its_larger_measurement() {
        LinearFit fit = LinearFit.through(10_000, 5, 100_000, 3);

        assertThat(fit.grows()).isFalse();
        assertThat(fit.at(40_000_000)).isEqualTo(3);
        assertThat(LinearFit.perRowSpread(10_000, 0, 100_000, 0)).isZero();
    }
}
