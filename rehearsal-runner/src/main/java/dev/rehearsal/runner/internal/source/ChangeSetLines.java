package dev.rehearsal.runner.internal.source;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import liquibase.changelog.ChangeSet;

/**
 * Where a changeSet is written, for messages and SARIF: Liquibase keeps the file but not the line, so the line is
 * found in the text ({@code id="…"} in XML, {@code id: …} in YAML and JSON, {@code --changeset author:id} in
 * formatted SQL). ChangeSets of one file are found in order, each after the previous one.
 */
final class ChangeSetLines {

    /** @param line 1-based; 1 when the id is not found as written (e.g. built from a property) */
    record Place(String displayPath, String content, int line) {
    }

    private final LiquibaseSession session;
    private final Map<String, LiquibaseSession.ChangelogFile> files = new HashMap<>();
    private final Map<String, Integer> cursors = new HashMap<>();

    ChangeSetLines(LiquibaseSession session) {
        this.session = session;
    }

    Place of(ChangeSet changeSet) {
        String path = changeSet.getFilePath();
        LiquibaseSession.ChangelogFile file = files.computeIfAbsent(path, this::read);
        int from = cursors.getOrDefault(path, 0);
        Matcher matcher = pattern(path, changeSet).matcher(file.content());
        if (!matcher.find(from)) {
            return new Place(file.displayPath(), file.content(), 1);
        }
        cursors.put(path, matcher.end());
        int line = 1;
        for (int i = 0; i < matcher.start(); i++) {
            if (file.content().charAt(i) == '\n') {
                line++;
            }
        }
        return new Place(file.displayPath(), file.content(), line);
    }

    private static Pattern pattern(String path, ChangeSet changeSet) {
        String id = Pattern.quote(changeSet.getId());
        if (path.toLowerCase(Locale.ROOT).endsWith(".sql")) {
            return Pattern.compile("(?im)^[ \\t]*--[ \\t]*changeset[ \\t]+\\S*?:" + id + "(?=\\s|$)");
        }
        return Pattern.compile("(?i)[\"']?\\bid[\"']?\\s*[=:]\\s*[\"']?" + id + "(?=[\"'\\s,}>/]|$)");
    }

    private LiquibaseSession.ChangelogFile read(String path) {
        try {
            return session.file(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
