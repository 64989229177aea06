package dev.rehearsal.runner.internal.source;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A script name in the golang-migrate layout: {@code <version>_<name>.up.sql} or {@code <version>_<name>.down.sql},
 * the version an unsigned 64-bit integer (often a timestamp), ordered numerically.
 *
 * @param rawVersion the version as written in the file name (leading zeros kept)
 * @param version    the version as golang-migrate compares it (unsigned)
 */
record GolangName(String rawVersion, long version, String description, boolean up) {

    static final String PATTERNS = "<version>_<name>.up.sql and <version>_<name>.down.sql"
            + " (e.g. 20240101120000_add_status.up.sql; the version an unsigned integer)";

    private static final Pattern NAME = Pattern.compile("([0-9]+)_(.*)\\.(up|down)\\.sql");
    private static final Pattern LOOKS_LIKE = Pattern.compile("[0-9].*|.*\\.(up|down)(\\..*)?");

    /**
     * @param fileName the whole file name, ending in {@code .sql}
     * @return the parsed name, or {@code null} when the name does not look like golang-migrate's
     * @throws MalformedNameException when it looks like golang-migrate's but does not parse
     */
    static GolangName parse(String fileName) throws MalformedNameException {
        Matcher matcher = NAME.matcher(fileName);
        if (matcher.matches()) {
            String raw = matcher.group(1);
            try {
                long version = Long.parseUnsignedLong(raw);
                return new GolangName(raw, version, matcher.group(2).replace('_', ' '), matcher.group(3).equals("up"));
            } catch (NumberFormatException e) {
                throw new MalformedNameException("version " + raw + " is larger than golang-migrate's largest version, "
                        + Long.toUnsignedString(-1L));
            }
        }
        String baseName = fileName.substring(0, fileName.length() - ".sql".length());
        if (LOOKS_LIKE.matcher(baseName).matches()) {
            throw new MalformedNameException(baseName.matches("[0-9]+_.*")
                    ? "it must end in .up.sql or .down.sql"
                    : "it must start with a version number, then an underscore");
        }
        return null;
    }
}
