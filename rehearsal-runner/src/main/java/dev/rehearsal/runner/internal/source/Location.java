package dev.rehearsal.runner.internal.source;

import dev.rehearsal.runner.core.ErrorCode;
import dev.rehearsal.runner.core.RehearsalException;
import java.util.regex.Pattern;

/** A migration location as the user wrote it: a directory or a class-path location. */
record Location(String given, boolean classPath, String path) {

    private static final String CLASSPATH = "classpath:";
    private static final String FILESYSTEM = "filesystem:";
    // Two letters or more, so that Windows drive letters (C:\…) stay plain paths.
    private static final Pattern OTHER_PREFIX = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]+:.*");

    static Location parse(String given) {
        if (given == null || given.isBlank()) {
            throw new RehearsalException(ErrorCode.MIGRATIONS_NOT_FOUND,
                    "No migration location given. Pass a directory (db/migration or filesystem:db/migration) "
                            + "or a class-path location (classpath:db/migration).");
        }
        if (given.startsWith(CLASSPATH)) {
            String path = trimSlashes(given.substring(CLASSPATH.length()));
            return new Location(given, true, path);
        }
        if (given.startsWith(FILESYSTEM)) {
            return new Location(given, false, given.substring(FILESYSTEM.length()));
        }
        if (OTHER_PREFIX.matcher(given).matches()) {
            String prefix = given.substring(0, given.indexOf(':') + 1);
            throw new RehearsalException(ErrorCode.INVALID_OPTION,
                    "Unsupported migration location " + given + ": Rehearsal reads " + FILESYSTEM + " and " + CLASSPATH
                            + " locations, not " + prefix + ". Copy the migrations to a directory and pass "
                            + FILESYSTEM + "<directory>.");
        }
        return new Location(given, false, given);
    }

    private static String trimSlashes(String path) {
        String result = path.strip();
        while (result.startsWith("/")) {
            result = result.substring(1);
        }
        while (result.endsWith("/")) {
            result = result.substring(0, result.length() - 1);
        }
        return result;
    }
}
