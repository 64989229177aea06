package dev.rehearsal.samples.facts;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Groups per-major values so that one that holds on every major is written once: {@code 13–18: no rewrite}. */
final class Majors {

    private Majors() {
    }

    /** {@code X} when every major agrees, else {@code 13, 14: X; 15–18: Y}. */
    static String group(Map<Integer, String> byMajor, boolean labelWhenAllAgree) {
        Map<String, List<Integer>> majorsByValue = new LinkedHashMap<>();
        byMajor.forEach((major, value) -> majorsByValue.computeIfAbsent(value, v -> new ArrayList<>()).add(major));
        if (majorsByValue.size() == 1 && !labelWhenAllAgree) {
            return majorsByValue.keySet().iterator().next();
        }
        List<String> parts = new ArrayList<>();
        majorsByValue.forEach((value, majors) -> parts.add(range(majors) + ": " + value));
        return String.join("; ", parts);
    }

    /** {@code 13–18}, {@code 13, 15}, {@code 13–14, 16}. */
    static String range(List<Integer> majors) {
        List<String> runs = new ArrayList<>();
        int start = majors.get(0);
        int previous = start;
        for (int i = 1; i <= majors.size(); i++) {
            if (i < majors.size() && majors.get(i) == previous + 1) {
                previous = majors.get(i);
                continue;
            }
            runs.add(start == previous ? Integer.toString(start) : start + "–" + previous);
            if (i < majors.size()) {
                start = majors.get(i);
                previous = start;
            }
        }
        return String.join(", ", runs);
    }
}
