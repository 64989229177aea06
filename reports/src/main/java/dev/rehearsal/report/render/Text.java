package dev.rehearsal.report.render;

/** Plain-text shaping of user data before any format-specific escaping. */
final class Text {

    private Text() {
    }

    /** Null becomes the empty string. */
    static String orEmpty(String text) {
        return text == null ? "" : text;
    }

    /** Cuts the text to at most {@code max} characters, marking the cut with an ellipsis; never splits a surrogate pair. */
    static String truncate(String text, int max) {
        String value = orEmpty(text);
        if (value.length() <= max) {
            return value;
        }
        int end = max - 1;
        if (Character.isHighSurrogate(value.charAt(end - 1))) {
            end--;
        }
        return value.substring(0, end) + "…";
    }

    /** Collapses every run of whitespace (newlines included) to one space, so text fits on one line. */
    static String oneLine(String text) {
        return orEmpty(text).strip().replaceAll("\\s+", " ");
    }

    /** Keeps the first {@code maxLines} lines and at most {@code maxChars} characters, saying what was cut. */
    static String clip(String text, int maxLines, int maxChars) {
        String value = orEmpty(text).strip();
        String[] lines = value.split("\\R", -1);
        StringBuilder out = new StringBuilder();
        int kept = 0;
        for (String line : lines) {
            if (kept == maxLines || out.length() + line.length() > maxChars) {
                break;
            }
            out.append(kept == 0 ? "" : "\n").append(line);
            kept++;
        }
        if (kept == 0) {
            return truncate(lines[0], maxChars);
        }
        int omitted = lines.length - kept;
        return omitted == 0 ? out.toString() : out + "\n-- … " + Fmt.plural(omitted, "more line") + " (see report.html)";
    }

    /** Replaces characters that XML 1.0 and HTML forbid (most C0 controls, lone surrogates) with U+FFFD. */
    static String legalChars(String text) {
        String value = orEmpty(text);
        StringBuilder out = null;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean legal;
            if (Character.isHighSurrogate(c)) {
                legal = i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1));
                if (legal) {
                    if (out != null) {
                        out.append(c).append(value.charAt(i + 1));
                    }
                    i++;
                    continue;
                }
            } else if (Character.isLowSurrogate(c)) {
                legal = false;
            } else {
                legal = c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c != 0xFFFE && c != 0xFFFF);
            }
            if (!legal && out == null) {
                out = new StringBuilder(value.length()).append(value, 0, i);
            }
            if (out != null) {
                out.append(legal ? c : '\uFFFD');
            }
        }
        return out == null ? value : out.toString();
    }
}
