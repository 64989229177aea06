package dev.rehearsal.runner.internal.source;

import dev.rehearsal.runner.core.ErrorCode;
import dev.rehearsal.runner.core.RehearsalException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * The values for {@code ${name}} placeholders: Flyway's built-ins, as Flyway fills them for a default PostgreSQL
 * setup, then the user's values (which may also override a built-in, e.g. {@code flyway:user}). Names are
 * case-insensitive, as in Flyway.
 */
final class Placeholders {

    private static final String PREFIX = "${";
    private static final String SUFFIX = "}";
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final Map<String, String> values;

    private Placeholders(Map<String, String> values) {
        this.values = Collections.unmodifiableMap(values);
    }

    static Placeholders of(Map<String, String> userValues, String workingDirectory, LocalDateTime now) {
        Map<String, String> values = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        values.put("flyway:defaultSchema", "public");
        values.put("flyway:schemas", "");
        values.put("flyway:user", "postgres");
        values.put("flyway:database", "postgres");
        values.put("flyway:table", "flyway_schema_history");
        values.put("flyway:timestamp", TIMESTAMP.format(now));
        values.put("flyway:workingDirectory", workingDirectory);
        values.put("flyway:environment", "default");
        values.putAll(userValues);
        return new Placeholders(values);
    }

    /** The values for one script: all of these plus {@code flyway:filename}. */
    Map<String, String> forScript(String fileName) {
        Map<String, String> result = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        result.putAll(values);
        result.putIfAbsent("flyway:filename", fileName);
        return result;
    }

    /**
     * Fails on the first placeholder without a value, reading the text as Flyway's placeholder reader does:
     * everything between {@code ${} and the next {@code }}, in SQL, strings and comments alike.
     */
    static void requireValues(String content, Map<String, String> values, String displayPath) {
        int start = content.indexOf(PREFIX);
        while (start >= 0) {
            int end = content.indexOf(SUFFIX, start + PREFIX.length());
            int nameStart = start + PREFIX.length();
            String name = end < 0 ? content.substring(nameStart) : content.substring(nameStart, end);
            if (!values.containsKey(name)) {
                throw missing(name, content, start, displayPath);
            }
            if (end < 0) {
                return;
            }
            start = content.indexOf(PREFIX, end + SUFFIX.length());
        }
    }

    private static RehearsalException missing(String name, String content, int offset, String displayPath) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (content.charAt(i) == '\n') {
                line++;
            }
        }
        String shown = name.lines().findFirst().orElse("");
        return new RehearsalException(ErrorCode.MISSING_PLACEHOLDER,
                displayPath + " line " + line + ": placeholder ${" + shown + "} has no value. Pass one: on the command"
                        + " line --placeholder " + shown + "=<value>, in configuration rehearsal.placeholders." + shown
                        + "=<value>, or in code SourceOptions.withPlaceholders(Map.of(\"" + shown + "\", …)). Flyway"
                        + " fails on it as well unless flyway.placeholders." + shown + " is set; if the text is not"
                        + " meant as a placeholder, set placeholderReplacement=false in " + fileName(displayPath)
                        + ".conf.");
    }

    private static String fileName(String displayPath) {
        return displayPath.substring(displayPath.lastIndexOf('/') + 1);
    }
}
