package dev.rehearsal.runner.internal.seed;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Random text stays distinct at any row count, within the column's length limits. */
class TextGeneratorTest {

    private static Set<String> values(TextGenerator generator, int rows) {
        SplittableRandom rnd = new SplittableRandom(7);
        Set<String> distinct = new HashSet<>();
        StringBuilder out = new StringBuilder();
        for (long row = 0; row < rows; row++) {
            out.setLength(0);
            generator.random(row, rnd, out);
            distinct.add(out.toString());
        }
        return distinct;
    }

    @Test
    void should_keep_random_text_distinct_as_the_rows_grow() {
        // GIVEN unlimited text: with words alone, 200 000 rows would repeat each value several times
        Set<String> distinct = values(new TextGenerator(0, -1, 1), 200_000);

        // THEN (nearly) every value differs, so an index on the column grows in proportion to the rows
        assertThat(distinct.size()).isGreaterThan(199_900);
        assertThat(distinct).allMatch(v -> v.matches("[a-z]+( [a-z]+)? [0-9a-z]{1,6}"));
    }

    @Test
    void should_keep_the_number_when_only_part_of_the_text_fits() {
        // GIVEN varchar(8): no room for a word beside the number
        Set<String> distinct = values(new TextGenerator(0, 8, 1), 50_000);

        // THEN values fit and still differ
        assertThat(distinct).allMatch(v -> v.length() <= 8);
        assertThat(distinct.size()).isGreaterThan(49_900);
    }

    @Test
    void should_pad_to_the_minimum_length() {
        Set<String> distinct = values(new TextGenerator(12, 12, 1), 1_000);

        assertThat(distinct).allMatch(v -> v.length() == 12);
    }
}
