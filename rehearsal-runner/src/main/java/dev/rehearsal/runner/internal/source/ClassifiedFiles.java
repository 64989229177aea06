package dev.rehearsal.runner.internal.source;

import dev.rehearsal.runner.source.MigrationLayout;
import java.util.List;
import java.util.Map;

/**
 * The files of a location sorted by what their names say they are.
 *
 * @param flywayScripts  V, U and R scripts
 * @param flywayConfigs  {@code .sql.conf} files by the relative path of the script they configure
 * @param flywayExtras   Flyway scripts Rehearsal does not run: SQL callbacks
 * @param golangScripts  golang-migrate up and down scripts
 * @param gooseScripts   goose scripts (up and down in one file)
 * @param dbmateScripts  every file dbmate would read ({@code .sql} names starting with a digit), whatever else the name
 *                       resembles: dbmate files are told from goose's by their content
 * @param malformed      files that look like migrations but whose names do not parse
 * @param ignored        everything else
 */
record ClassifiedFiles(
        List<FlywayFile> flywayScripts,
        Map<String, FoundFile> flywayConfigs,
        List<FoundFile> flywayExtras,
        List<GolangFile> golangScripts,
        List<GooseFile> gooseScripts,
        List<DbmateFile> dbmateScripts,
        List<Malformed> malformed,
        List<FoundFile> ignored) {

    record FlywayFile(FoundFile file, FlywayName name) {
    }

    record GolangFile(FoundFile file, GolangName name) {
    }

    record GooseFile(FoundFile file, GooseName name) {
    }

    record DbmateFile(FoundFile file, DbmateName name) {
    }

    /** @param layout the layout the name resembles, for the expected pattern in the message */
    record Malformed(FoundFile file, String reason, MigrationLayout layout) {
    }

    boolean hasFlyway() {
        return !flywayScripts.isEmpty() || !flywayExtras.isEmpty();
    }

    boolean hasGolang() {
        return !golangScripts.isEmpty();
    }

    boolean hasGoose() {
        return !gooseScripts.isEmpty();
    }
}
