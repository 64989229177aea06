package dev.rehearsal.runner.internal.seed;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Random arrays repeat elements of a bounded vocabulary, as tag arrays do; unique ones still all differ. */
class ArrayGeneratorTest {

    private static final int ROWS = 20_000;

    @Test
    void should_draw_random_elements_from_a_vocabulary_whatever_the_row_count() {
        // GIVEN arrays of unlimited text, whose elements alone would all differ
        ArrayGenerator generator = new ArrayGenerator(new TextGenerator(0, -1, 1));
        SplittableRandom rnd = new SplittableRandom(7);
        List<String> elements = new ArrayList<>();
        StringBuilder out = new StringBuilder();

        // WHEN
        for (long row = 0; row < ROWS; row++) {
            out.setLength(0);
            generator.random(row, rnd, out);
            elements.addAll(elementsOf(out.toString()));
        }

        // THEN one to three elements per value, and every element one of the vocabulary, most of which is used
        assertThat(elements).hasSizeBetween(ROWS, 3 * ROWS);
        Set<String> distinct = new HashSet<>(elements);
        assertThat(distinct.size()).isLessThanOrEqualTo(ArrayGenerator.VOCABULARY)
                .isGreaterThan(ArrayGenerator.VOCABULARY * 9 / 10);
        assertThat(distinct).allMatch(v -> v.matches("[a-z]+( [a-z]+)? [0-9a-z]{1,6}"));
    }

    @Test
    void should_keep_the_values_of_a_unique_column_apart() {
        ArrayGenerator generator = new ArrayGenerator(new TextGenerator(0, -1, 1));
        Set<String> values = new HashSet<>();
        StringBuilder out = new StringBuilder();
        for (long n = 0; n < ROWS; n++) {
            out.setLength(0);
            generator.unique(n, out);
            values.add(out.toString());
        }

        assertThat(values).hasSize(ROWS);
    }

    @Test
    void should_keep_ranges_of_different_rows_apart_inside_arrays() {
        // GIVEN range elements: each row owns a slot of its own (RangeGenerator), whatever the vocabulary draws
        ArrayGenerator generator = new ArrayGenerator(new RangeGenerator("int4range"));
        SplittableRandom rnd = new SplittableRandom(7);
        Set<String> firstElements = new HashSet<>();
        StringBuilder out = new StringBuilder();
        for (long row = 0; row < 1_000; row++) {
            out.setLength(0);
            generator.random(row, rnd, out);
            firstElements.add(elementsOf(out.toString()).get(0).replaceAll(",.*", ""));
        }

        assertThat(firstElements).hasSize(1_000);
    }

    /** The elements of an array literal as ArrayGenerator writes it: every element double-quoted. */
    private static List<String> elementsOf(String literal) {
        assertThat(literal).startsWith("{\"").endsWith("\"}");
        return List.of(literal.substring(2, literal.length() - 2).split("\",\""));
    }
}
