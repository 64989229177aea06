package dev.rehearsal.report;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Defensive copies for record components: absent collections become empty, never null. */
final class Lists {
    private Lists() {
    }

    static <T> List<T> copy(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }

    static Map<String, String> sortedCopy(Map<String, String> map) {
        return map == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(map));
    }
}
