package dev.rehearsal.runner.internal.seed;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class RegexSampleTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "^[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}$",
            "^[^@]+@[^@]+\\.[a-z]{2,}$",
            "^[A-Z]{3}-[0-9]{4}$",
            "^\\d{5}(-\\d{4})?$",
            "^(pgb|https?)://",
            "^#[0-9a-fA-F]{6}$",
            "^[a-z0-9]+(?:-[a-z0-9]+)*$",
            "^[[:alpha:]][[:alnum:]_]{2,15}$",
            "^https?://[^\\s]+$"})
    void should_write_strings_the_pattern_matches(String regex) {
        // GIVEN
        RegexSample sample = RegexSample.of(regex);
        SplittableRandom rnd = new SplittableRandom(7);
        Pattern java = Pattern.compile(regex.replace("[[:alpha:]]", "\\p{Alpha}").replace("[[:alnum:]_]", "[\\p{Alnum}_]"));

        // WHEN / THEN every sample, minimal or random, matches
        assertThat(sample).isNotNull();
        for (int i = 0; i < 50; i++) {
            String value = sample.sample(rnd, i == 0);
            assertThat(java.matcher(value).find()).as("%s from %s", value, regex).isTrue();
        }
    }

    @Test
    void should_give_up_on_back_references_and_lookaround() {
        assertThat(RegexSample.of("^(a)\\1$")).isNull();
        assertThat(RegexSample.of("^(?=a)b$")).isNull();
        assertThat(RegexSample.of("abc(")).isNull();
    }
}
