package dev.rehearsal.report.render;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A finding's fix in Markdown: SQL (and the settings lines that go with it) in {@code sql} blocks, the sentences
 * around it as paragraphs. A fix is written for people first, so prose inside a code block reads as if it were
 * meant to be run.
 */
final class MarkdownFix {

    /** A line of SQL: a comment, a statement keyword, a continuation, a terminator. */
    private static final Pattern SQL = Pattern.compile(
            "^(\\s+\\S.*|--.*|[A-Z]{2,}(\\s|\\(|;|$).*|.*;\\s*(--.*)?|\\$\\$.*|END\\b.*|\\).*)$");
    /** A line of a settings file, such as a script's {@code .conf}: {@code executeInTransaction=false}. */
    private static final Pattern SETTING = Pattern.compile("^[A-Za-z][\\w.]*=\\S*$");

    private enum Kind { PROSE, SQL, SETTING }

    private MarkdownFix() {
    }

    static String render(String remediation) {
        StringBuilder md = new StringBuilder();
        List<String> block = new ArrayList<>();
        Kind current = null;
        for (String line : remediation.lines().toList()) {
            Kind kind = SETTING.matcher(line).matches() ? Kind.SETTING
                    : SQL.matcher(line).matches() ? Kind.SQL : Kind.PROSE;
            if (current != null && kind != current) {
                flush(block, current, md);
            }
            current = kind;
            block.add(line);
        }
        if (current != null) {
            flush(block, current, md);
        }
        return md.toString();
    }

    private static void flush(List<String> block, Kind kind, StringBuilder md) {
        String text = String.join("\n", block);
        switch (kind) {
            case SQL -> md.append(Markdown.codeBlock("sql", text));
            case SETTING -> md.append(Markdown.codeBlock("properties", text));
            case PROSE -> md.append(Markdown.text(text, 3000)).append('\n');
        }
        md.append('\n');
        block.clear();
    }
}
