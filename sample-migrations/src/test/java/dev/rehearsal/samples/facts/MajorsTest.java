package dev.rehearsal.samples.facts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MajorsTest {

    @Test
    void should_write_a_value_once_when_every_major_agrees() {
        assertThat(Majors.group(byMajor("rewrite", "rewrite", "rewrite"), false)).isEqualTo("rewrite");
        assertThat(Majors.group(byMajor("rewrite", "rewrite", "rewrite"), true)).isEqualTo("13–15: rewrite");
    }

    @Test
    void should_name_the_majors_of_each_value_when_they_differ() {
        assertThat(Majors.group(byMajor("a", "b", "a"), false)).isEqualTo("13, 15: a; 14: b");
        assertThat(Majors.range(List.of(13, 14, 16, 17, 18))).isEqualTo("13–14, 16–18");
    }

    private static Map<Integer, String> byMajor(String... values) {
        Map<Integer, String> map = new LinkedHashMap<>();
        for (int i = 0; i < values.length; i++) {
            map.put(13 + i, values[i]);
        }
        return map;
    }
}
