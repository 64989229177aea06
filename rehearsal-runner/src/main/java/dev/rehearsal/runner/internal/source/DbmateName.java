package dev.rehearsal.runner.internal.source;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A script name as dbmate reads it: any {@code .sql} file whose name starts with a digit, its version the leading
 * digits ({@code 20230101120000_add_status.sql}). dbmate compares versions as text and applies the files in the order
 * of their names; other files are skipped.
 *
 * @param version the leading digits, as dbmate records them
 */
record DbmateName(String version, String description) {

    static final String PATTERNS = "<version>_<name>.sql with -- migrate:up / -- migrate:down sections"
            + " (e.g. 20240101120000_add_status.sql)";

    private static final Pattern NAME = Pattern.compile("([0-9]+)(.*)\\.sql");

    /** @return the parsed name, or {@code null} when dbmate would skip the file */
    static DbmateName parse(String fileName) {
        Matcher matcher = NAME.matcher(fileName);
        if (!matcher.matches()) {
            return null;
        }
        String description = matcher.group(2).replaceFirst("^[_-]", "").replace('_', ' ');
        return new DbmateName(matcher.group(1), description);
    }
}
