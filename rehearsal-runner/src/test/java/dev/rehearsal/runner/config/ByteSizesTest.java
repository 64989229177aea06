package dev.rehearsal.runner.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ByteSizesTest {

    @Test
    void should_read_binary_units_as_postgresql_does_and_plain_bytes() {
        assertThat(ByteSizes.parse("1GiB")).isEqualTo(1L << 30);
        assertThat(ByteSizes.parse("1GB")).isEqualTo(1L << 30);
        assertThat(ByteSizes.parse(" 512 MiB ")).isEqualTo(512L << 20);
        assertThat(ByteSizes.parse("64kB")).isEqualTo(64L << 10);
        assertThat(ByteSizes.parse("1073741824")).isEqualTo(1L << 30);
    }

    @Test
    void should_print_the_shortest_exact_spelling_that_it_reads_back() {
        assertThat(ByteSizes.format(1L << 30)).isEqualTo("1GiB");
        assertThat(ByteSizes.format(1536L << 20)).isEqualTo("1536MiB");
        assertThat(ByteSizes.format(1000)).isEqualTo("1000B");
        for (long value : new long[] {1L << 30, 1536L << 20, 1000, 3L << 40}) {
            assertThat(ByteSizes.parse(ByteSizes.format(value))).isEqualTo(value);
        }
    }

    @Test
    void should_say_how_to_write_a_size_when_it_is_not_one() {
        assertThatThrownBy(() -> ByteSizes.parse("a lot")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'a lot' is not a size").hasMessageContaining("1GiB");
        assertThatThrownBy(() -> ByteSizes.parse("9999999TiB")).hasMessageContaining("too large");
    }
}
