package dev.rehearsal.report.render;

/** Escaping for XML 1.0 text and double-quoted attributes; characters XML cannot carry become U+FFFD. */
final class Xml {

    private Xml() {
    }

    static String text(String value) {
        return escape(value, false);
    }

    /** Also encodes line breaks and tabs, which a parser would otherwise normalise to spaces in an attribute. */
    static String attr(String value) {
        return escape(value, true);
    }

    private static String escape(String value, boolean attribute) {
        String text = Text.legalChars(value);
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append(attribute ? "&quot;" : "\"");
                case '\n' -> out.append(attribute ? "&#10;" : "\n");
                case '\r' -> out.append("&#13;");
                case '\t' -> out.append(attribute ? "&#9;" : "\t");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
