package dev.rehearsal.runner.internal.findings;

import dev.rehearsal.runner.core.ErrorCode;
import dev.rehearsal.runner.core.RehearsalException;
import dev.rehearsal.runner.source.MigrationScript;
import dev.rehearsal.runner.source.SqlStatement;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Findings a migration's author accepted, with the reason written next to the SQL:
 * <pre>
 * -- rehearsal:allow TABLE_REWRITE the table holds 40 rows in production
 * ALTER TABLE countries ALTER COLUMN code TYPE varchar(3);
 * </pre>
 * {@code rehearsal:allow} in the comments directly above a statement covers that statement;
 * {@code rehearsal:allow-script} anywhere in the script covers the whole script. A reason is required.
 */
public final class Suppressions {

    private static final Pattern DIRECTIVE = Pattern.compile(
            "rehearsal:(allow|allow-script)\\s+([A-Z_]+(?:\\s*,\\s*[A-Z_]+)*)\\s*(.*)");

    private final Map<String, String> scriptWide = new HashMap<>();
    private final Map<Integer, Map<String, String>> byLine = new HashMap<>();

    private Suppressions() {
    }

    public static Suppressions none() {
        return new Suppressions();
    }

    public static Suppressions of(MigrationScript script) {
        Suppressions suppressions = new Suppressions();
        if (script == null) {
            return suppressions;
        }
        for (SqlStatement statement : script.statements()) {
            String sql = statement.sql();
            String leading = sql.substring(0, Math.max(0, sql.indexOf(statement.displaySql())));
            scan(script, statement, leading, suppressions, false);
            scan(script, statement, statement.displaySql(), suppressions, true);
        }
        return suppressions;
    }

    private static void scan(MigrationScript script, SqlStatement statement, String text, Suppressions into,
            boolean onlyScriptWide) {
        for (String rawLine : text.split("\n")) {
            int comment = rawLine.indexOf("--");
            if (comment < 0) {
                continue;
            }
            Matcher m = DIRECTIVE.matcher(rawLine.substring(comment + 2).trim());
            if (!m.matches()) {
                continue;
            }
            boolean wide = m.group(1).equals("allow-script");
            if (onlyScriptWide && !wide) {
                continue;
            }
            String reason = m.group(3).trim();
            if (reason.isEmpty()) {
                throw new RehearsalException(ErrorCode.INVALID_SCRIPT, script.path() + " near line " + statement.line()
                        + ": 'rehearsal:" + m.group(1) + " " + m.group(2) + "' has no reason. Write why the finding "
                        + "is acceptable after the code, e.g. -- rehearsal:allow TABLE_REWRITE the table is empty in production");
            }
            for (String code : m.group(2).split("\\s*,\\s*")) {
                if (wide) {
                    into.scriptWide.put(code, reason);
                } else {
                    into.byLine.computeIfAbsent(statement.line(), l -> new HashMap<>()).put(code, reason);
                }
            }
        }
    }

    /** The reason a finding of {@code code} at {@code line} is accepted, if it is. */
    public Optional<String> reasonFor(String code, Integer line) {
        if (line != null) {
            String reason = byLine.getOrDefault(line, Map.of()).get(code);
            if (reason != null) {
                return Optional.of(reason);
            }
        }
        return Optional.ofNullable(scriptWide.get(code));
    }
}
