package dev.rehearsal.report.render;

/**
 * Escaping of user data (SQL, identifiers, paths, messages) for GitHub- and GitLab-flavoured Markdown.
 * Inline text is forced onto one line and every character that could start markup, a table cell, HTML,
 * math or a mention is neutralised with a backslash (CommonMark escapes any ASCII punctuation), so a {@code |} in SQL
 * cannot break a table and {@code <script>} stays text; no HTML entity ({@code &gt;}) appears in the file, which
 * people also read as plain text.
 */
final class Markdown {

    private Markdown() {
    }

    /** User data as inline text on one line, cut to {@code max} characters. */
    static String text(String value, int max) {
        return escape(Text.truncate(Text.oneLine(Text.legalChars(value)), max));
    }

    /** Escapes one line of text; newlines become spaces. Callers never start a line with user data. */
    static String escape(String value) {
        String text = Text.orEmpty(value);
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '@' -> out.append(mention(text, i) ? "`@`" : "@"); // a code span is never a mention
                case '\n', '\r' -> out.append(' ');
                case '\\', '`', '*', '_', '[', ']', '|', '~', '#', '!', '$', '&', '<', '>' ->
                        out.append('\\').append(c);
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** Whether the {@code @} at {@code i} would start a GitHub or GitLab mention: a word start followed by a name. */
    private static boolean mention(String text, int i) {
        boolean wordBefore = i > 0 && (Character.isLetterOrDigit(text.charAt(i - 1)) || text.charAt(i - 1) == '_');
        return !wordBefore && i + 1 < text.length() && Character.isLetterOrDigit(text.charAt(i + 1));
    }

    /**
     * A fenced code block. The fence is longer than any run of backticks in the code, so the code cannot close it;
     * inside a fence nothing is interpreted, so the code needs no other escaping.
     */
    static String codeBlock(String language, String code) {
        String body = Text.legalChars(code);
        int longestRun = 0;
        int run = 0;
        for (int i = 0; i < body.length(); i++) {
            run = body.charAt(i) == '`' ? run + 1 : 0;
            longestRun = Math.max(longestRun, run);
        }
        String fence = "`".repeat(Math.max(3, longestRun + 1));
        return fence + language + "\n" + body + "\n" + fence + "\n";
    }
}
