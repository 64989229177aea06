package dev.rehearsal.junit.internal;

import dev.rehearsal.runner.config.ConfigOption;
import dev.rehearsal.runner.config.FrontDoor;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * {@code rehearsal.*} keys that no option has, in {@code junit-platform.properties} or the JVM's system properties:
 * JUnit ignores a key nobody reads, so a misspelt {@code rehearsal.failon=warning} would leave the default in force
 * without a word. They are named in a warning, with the known key they are closest to.
 */
final class UnknownKeys {

    static final String PREFIX = "rehearsal.";
    private static final String PROPERTIES_FILE = "junit-platform.properties";
    /** Keys of Rehearsal's own build and tools, which reach test JVMs as system properties. */
    private static final Set<String> TOOLING = Set.of("rehearsal.catalog.verify", "rehearsal.seed.verify",
            "rehearsal.lockRuns", "rehearsal.docs.write", "rehearsal.commit", "rehearsal.version");

    private UnknownKeys() {
    }

    /** Every key any front door reads under {@code rehearsal.}: JUnit keys, and Maven properties given with -D. */
    static Set<String> known() {
        Set<String> known = new TreeSet<>(TOOLING);
        known.add(SettingsResolver.RENAMED_BUDGET_KEY);
        for (ConfigOption option : ConfigOption.values()) {
            option.name(FrontDoor.JUNIT_KEY).ifPresent(known::add);
            option.mavenProperty().ifPresent(known::add);
        }
        return known;
    }

    /** The {@code rehearsal.*} keys given: system properties, and every {@code junit-platform.properties} found. */
    static Set<String> given(Properties system, ClassLoader loader) {
        Set<String> keys = new TreeSet<>(system.stringPropertyNames());
        try {
            Enumeration<URL> files = loader.getResources(PROPERTIES_FILE);
            while (files.hasMoreElements()) {
                Properties file = new Properties();
                try (InputStream in = files.nextElement().openStream()) {
                    file.load(in);
                }
                keys.addAll(file.stringPropertyNames());
            }
        } catch (IOException e) {
            // JUnit reads the same file and reports what is wrong with it
        }
        return keys.stream().filter(k -> k.startsWith(PREFIX)).collect(Collectors.toCollection(TreeSet::new));
    }

    /** The warning for the unknown keys among {@code given}; empty when every key is known. */
    static List<String> warnings(Set<String> given) {
        Set<String> known = known();
        List<String> warnings = new ArrayList<>();
        for (String key : new TreeSet<>(given)) {
            if (!known.contains(key)) {
                String closest = known.stream().filter(k -> !TOOLING.contains(k))
                        .min((a, b) -> Integer.compare(distance(key, a), distance(key, b))).orElseThrow();
                warnings.add(key + " is not a Rehearsal setting and is ignored"
                        + (distance(key, closest) <= Math.max(2, key.length() / 4) ? "; did you mean " + closest + "?"
                        : "; the settings are listed in docs/configuration.md."));
            }
        }
        return warnings;
    }

    /** Edit distance, case-insensitive: the known key a misspelt one is closest to. */
    static int distance(String a, String b) {
        String x = a.toLowerCase(java.util.Locale.ROOT);
        String y = b.toLowerCase(java.util.Locale.ROOT);
        int[] previous = Stream.iterate(0, i -> i + 1).limit(y.length() + 1L).mapToInt(Integer::intValue).toArray();
        for (int i = 1; i <= x.length(); i++) {
            int[] current = new int[y.length() + 1];
            current[0] = i;
            for (int j = 1; j <= y.length(); j++) {
                int substitution = previous[j - 1] + (x.charAt(i - 1) == y.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            previous = current;
        }
        return previous[y.length()];
    }
}
