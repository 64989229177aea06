package dev.rehearsal.runner.internal.catalog;

/**
 * Shortens two different definitions for a one-line message: whitespace runs become one space, and when a
 * definition is long only a window around the first difference is shown, so that the change is always visible.
 *
 * @param before the excerpt of the first definition
 * @param after  the excerpt of the second definition
 */
record DefinitionExcerpt(String before, String after) {

    /** Characters of each definition shown at most, not counting the ellipses. */
    static final int MAX_LENGTH = 72;
    /** Characters shown before the first difference when the window has to start later. */
    private static final int LEAD = 24;
    private static final String ELLIPSIS = "…";

    static DefinitionExcerpt of(String before, String after) {
        String a = collapse(before);
        String b = collapse(after);
        if (a.equals(b) && !before.equals(after)) {
            // only whitespace differs: show it rather than two equal texts
            a = visible(before);
            b = visible(after);
        }
        int start = Math.max(0, commonPrefix(a, b) - LEAD);
        if (a.length() <= MAX_LENGTH && b.length() <= MAX_LENGTH) {
            start = 0;
        }
        return new DefinitionExcerpt(window(a, start), window(b, start));
    }

    private static String window(String text, int start) {
        int end = Math.min(text.length(), start + MAX_LENGTH);
        return (start > 0 ? ELLIPSIS : "") + text.substring(start, end) + (end < text.length() ? ELLIPSIS : "");
    }

    private static int commonPrefix(String a, String b) {
        int length = Math.min(a.length(), b.length());
        for (int i = 0; i < length; i++) {
            if (a.charAt(i) != b.charAt(i)) {
                return i;
            }
        }
        return length;
    }

    static String collapse(String text) {
        return text.strip().replaceAll("\\s+", " ");
    }

    private static String visible(String text) {
        return text.replace("\r", "\\r").replace("\n", "\\n").replace("\t", "\\t");
    }
}
