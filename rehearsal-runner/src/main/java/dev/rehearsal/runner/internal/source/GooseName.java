package dev.rehearsal.runner.internal.source;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A script name in the goose layout: {@code <version>_<name>.sql}, the version numbered ({@code 00001}) or a
 * timestamp ({@code 20230101120000}), ordered numerically; up and down live in the same file. A name ending in
 * {@code .up.sql} or {@code .down.sql} is golang-migrate's and is not taken here.
 *
 * @param rawVersion the version as written in the file name (leading zeros kept)
 * @param version    the version as goose compares it
 */
record GooseName(String rawVersion, long version, String description) {

    static final String PATTERNS = "<version>_<name>.sql with -- +goose Up / -- +goose Down sections"
            + " (e.g. 00002_add_status.sql or 20240101120000_add_status.sql)";

    private static final Pattern NAME = Pattern.compile("([0-9]+)_(.*)\\.sql");
    private static final Pattern GOLANG = Pattern.compile(".*\\.(up|down)\\.sql");

    /**
     * @param fileName the whole file name, ending in {@code .sql}
     * @return the parsed name, or {@code null} when the name is not goose's
     * @throws MalformedNameException when the version does not fit goose's 64-bit version
     */
    static GooseName parse(String fileName) throws MalformedNameException {
        Matcher matcher = NAME.matcher(fileName);
        if (!matcher.matches() || GOLANG.matcher(fileName).matches()) {
            return null;
        }
        String raw = matcher.group(1);
        try {
            return new GooseName(raw, Long.parseLong(raw), matcher.group(2).replace('_', ' '));
        } catch (NumberFormatException e) {
            throw new MalformedNameException("version " + raw + " is larger than goose's largest version, "
                    + Long.MAX_VALUE);
        }
    }
}
