package dev.rehearsal.runner.internal.source;

import java.util.regex.Pattern;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.callback.Event;

/**
 * A script name in the Flyway layout: {@code V<version>__<description>.sql}, {@code U<version>__<description>.sql}
 * or {@code R__<description>.sql}. Versions are Flyway's own {@link MigrationVersion}, so that ordering and
 * equality ({@code 1_1} = {@code 1.1}, {@code 1.0} = {@code 1}) are exactly Flyway's.
 *
 * @param rawVersion the version as written in the file name, {@code null} for repeatable scripts
 */
record FlywayName(Prefix prefix, String rawVersion, MigrationVersion version, String description) {

    static final String PATTERNS = "V<version>__<description>.sql (e.g. V1.2__add_status.sql: digits separated by"
            + " . or _, then two underscores), U<version>__<description>.sql for its undo script, or"
            + " R__<description>.sql for a repeatable migration";

    // Upper-case V/U/R with a version-like character, or any V/U/R name with the double underscore.
    private static final Pattern LOOKS_VERSIONED = Pattern.compile("[VURvur][0-9._].*");
    private static final Pattern LOOKS_SEPARATED = Pattern.compile("[VUR].*__.*");

    enum Prefix { VERSIONED, UNDO, REPEATABLE, BASELINE }

    /**
     * @param baseName the file name without {@code .sql}
     * @return the parsed name, or {@code null} when the name does not start like a Flyway migration
     * @throws MalformedNameException when it starts like one but does not parse
     */
    static FlywayName parse(String baseName) throws MalformedNameException {
        char first = baseName.isEmpty() ? ' ' : baseName.charAt(0);
        if (first == 'R' && baseName.startsWith("R__")) {
            return new FlywayName(Prefix.REPEATABLE, null, null, describe(baseName.substring(3)));
        }
        // B: a baseline migration; a B name without a version (Backfill_notes.sql) is no Flyway name at all
        if (first == 'V' || first == 'U' || first == 'B') {
            String rest = baseName.substring(1);
            int separator = rest.indexOf("__");
            String version = separator < 0 ? rest : rest.substring(0, separator);
            String description = separator < 0 ? "" : rest.substring(separator + 2);
            MigrationVersion parsed = version(version);
            if (parsed != null) {
                Prefix prefix = first == 'V' ? Prefix.VERSIONED : first == 'U' ? Prefix.UNDO : Prefix.BASELINE;
                return new FlywayName(prefix, version, parsed, describe(description));
            }
            if (looksLikeMigration(baseName)) {
                throw new MalformedNameException("'" + version + "' is not a Flyway version");
            }
            return null;
        }
        if (looksLikeMigration(baseName)) {
            throw new MalformedNameException(first == 'R'
                    ? "a repeatable migration has no version: R, two underscores, then the description"
                    : "the prefix must be an upper-case V, U or R");
        }
        return null;
    }

    /** Flyway SQL callbacks ({@code afterMigrate.sql}, {@code beforeEachMigrate__log.sql}, …). */
    static boolean isCallback(String baseName) {
        int separator = baseName.indexOf("__");
        return Event.fromId(separator < 0 ? baseName : baseName.substring(0, separator)) != null;
    }

    static boolean looksLikeMigration(String baseName) {
        return LOOKS_VERSIONED.matcher(baseName).matches() || LOOKS_SEPARATED.matcher(baseName).matches();
    }

    private static MigrationVersion version(String text) {
        if (text.isEmpty() || !Character.isDigit(text.charAt(0))) {
            return null;
        }
        try {
            return MigrationVersion.fromVersion(text);
        } catch (FlywayException | NumberFormatException e) {
            return null;
        }
    }

    private static String describe(String description) {
        return description.replace('_', ' ');
    }
}
