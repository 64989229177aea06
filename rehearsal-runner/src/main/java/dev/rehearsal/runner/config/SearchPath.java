package dev.rehearsal.runner.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code search_path} every session on Rehearsal's databases starts with, as production's database sets it
 * ({@code ALTER DATABASE … SET search_path}, or a role's setting): histories that create their tables unqualified in
 * a schema of their own rely on it. Written as PostgreSQL writes it, e.g. {@code app, "$user", public}; unquoted
 * names are folded to lower case as PostgreSQL folds them.
 *
 * @param schemas the schema names in order, as PostgreSQL stores them (folded, unquoted)
 */
public record SearchPath(List<String> schemas) {

    private static final Pattern ELEMENT = Pattern.compile("\\s*(?:\"((?:[^\"]|\"\")+)\"|([A-Za-z_][A-Za-z0-9_$]*))\\s*");
    /** PostgreSQL's NAMEDATALEN - 1. */
    private static final int MAX_NAME_BYTES = 63;

    public SearchPath {
        schemas = List.copyOf(schemas);
        if (schemas.isEmpty()) {
            throw Invalid.option("searchPath names no schema: give one or more, e.g. app, public");
        }
    }

    /**
     * @param text e.g. {@code app, "$user", public}; {@code null} or blank for none
     * @return the search path, or {@code null} for none (the server's default)
     */
    public static SearchPath parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        List<String> schemas = new ArrayList<>();
        Matcher element = ELEMENT.matcher(text);
        int at = 0;
        while (true) {
            element.region(at, text.length());
            if (!element.lookingAt()) {
                throw Invalid.option("searchPath \"" + text + "\" is not a list of schema names at position "
                        + (at + 1) + ": write it as PostgreSQL does, e.g. app, \"$user\", public");
            }
            String name = element.group(1) != null ? element.group(1).replace("\"\"", "\"")
                    : element.group(2).toLowerCase(Locale.ROOT);
            if (name.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_NAME_BYTES) {
                throw Invalid.option("searchPath names " + name + ", longer than PostgreSQL's 63-byte names");
            }
            schemas.add(name);
            at = element.end();
            if (at == text.length()) {
                return new SearchPath(schemas);
            }
            if (text.charAt(at) != ',') {
                throw Invalid.option("searchPath \"" + text + "\" is not a list of schema names at position "
                        + (at + 1) + ": separate the names with commas, e.g. app, \"$user\", public");
            }
            at++;
        }
    }

    /** The value as SQL, each name quoted: {@code "app", "$user", "public"}. */
    public String sql() {
        return String.join(", ", schemas.stream().map(s -> '"' + s.replace("\"", "\"\"") + '"').toList());
    }

    /** As a user writes it: names that need no quotes bare, the others quoted, e.g. {@code app, "$user", public}. */
    @Override
    public String toString() {
        return String.join(", ", schemas.stream()
                .map(s -> s.matches("[a-z_][a-z0-9_$]*") ? s : '"' + s.replace("\"", "\"\"") + '"').toList());
    }
}
