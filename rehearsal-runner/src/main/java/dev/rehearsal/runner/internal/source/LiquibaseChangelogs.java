package dev.rehearsal.runner.internal.source;

import dev.rehearsal.runner.source.MigrationScript;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Recognises Liquibase changelogs without Liquibase: by the master changelog's name in a directory, and by what a file
 * starts with. Liquibase itself is needed only to read one (see {@link LiquibasePresence}).
 */
public final class LiquibaseChangelogs {

    /** The names a master changelog goes by, in the order they are looked for (the first found wins). */
    static final List<String> MASTER_BASE_NAMES = List.of("db.changelog-master", "changelog-master", "db.changelog",
            "changelog", "master");
    static final List<String> EXTENSIONS = List.of(".xml", ".yaml", ".yml", ".json", ".sql");
    static final String PATTERNS = "a master changelog named db.changelog-master, changelog-master, db.changelog,"
            + " changelog or master with the extension .xml, .yaml, .yml, .json or .sql (formatted SQL), or the"
            + " changelog file itself";

    private static final String FORMATTED_SQL = "--liquibase formatted sql";
    private static final int SNIFFED = 4096;

    private LiquibaseChangelogs() {
    }

    /** The master changelog at the top of a scanned directory, when there is one. */
    static Optional<FoundFile> master(List<FoundFile> files) {
        for (String base : MASTER_BASE_NAMES) {
            for (String extension : EXTENSIONS) {
                String name = base + extension;
                Optional<FoundFile> found = files.stream()
                        .filter(f -> f.relativePath().equals(name))
                        .filter(f -> looksLikeChangelog(name, f.read()))
                        .findFirst();
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    /** Whether a file name has a changelog's extension. */
    static boolean hasChangelogExtension(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return EXTENSIONS.stream().anyMatch(lower::endsWith);
    }

    /**
     * Whether a file reads as a changelog: XML, YAML or JSON naming {@code databaseChangeLog} near its start, or SQL
     * starting with {@code --liquibase formatted sql}.
     */
    static boolean looksLikeChangelog(String name, byte[] bytes) {
        String head = new String(bytes, 0, Math.min(bytes.length, SNIFFED), StandardCharsets.UTF_8);
        if (name.toLowerCase(Locale.ROOT).endsWith(".sql")) {
            return isFormattedSql(head);
        }
        return hasChangelogExtension(name) && head.contains("databaseChangeLog");
    }

    static boolean isFormattedSql(String content) {
        String start = content.startsWith("\uFEFF") ? content.substring(1) : content;
        return start.stripLeading().replaceAll("^--\\s*", "--").toLowerCase(Locale.ROOT).startsWith(FORMATTED_SQL);
    }

    /** Whether a migration script is a changeSet of a Liquibase changelog (for messages that name the down step). */
    public static boolean isChangelogScript(MigrationScript script) {
        String lower = script.fileName().toLowerCase(Locale.ROOT);
        return lower.endsWith(".xml") || lower.endsWith(".yaml") || lower.endsWith(".yml") || lower.endsWith(".json")
                || (lower.endsWith(".sql") && isFormattedSql(script.content()));
    }
}
