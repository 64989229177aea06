package dev.rehearsal.runner.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as people write them in every front door (command line, {@code rehearsal.yaml}, annotation attributes,
 * {@code rehearsal.*} keys, plugin parameters): {@code 500ms}, {@code 2s}, {@code 5min} (or {@code 5m}), {@code 1h},
 * or ISO-8601 {@code PT2S}. One parser, so a value accepted in one place is accepted in all.
 */
public final class Durations {

    private static final Pattern SIMPLE = Pattern.compile("(\\d+)\\s*(ms|s|m|min|h)");

    private Durations() {
    }

    /**
     * @throws IllegalArgumentException naming the value and how to write it; callers prefix where it came from
     */
    public static Duration parse(String value) {
        String text = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
        Matcher m = SIMPLE.matcher(text);
        if (m.matches()) {
            long amount = Long.parseLong(m.group(1));
            return switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m", "min" -> Duration.ofMinutes(amount);
                default -> Duration.ofHours(amount);
            };
        }
        try {
            return Duration.parse(text.toUpperCase(Locale.ROOT));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + value + "' is not a duration; write it like 500ms, 2s, 5min or 1h");
        }
    }

    /** The shortest exact spelling: {@code 10min}, {@code 2s}, {@code 250ms}. */
    public static String format(Duration duration) {
        long millis = duration.toMillis();
        if (millis % 60_000 == 0 && millis > 0) {
            return millis / 60_000 + "min";
        }
        if (millis % 1000 == 0 && millis > 0) {
            return millis / 1000 + "s";
        }
        return millis + "ms";
    }
}
