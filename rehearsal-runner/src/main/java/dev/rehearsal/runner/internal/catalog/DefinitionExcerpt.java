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
    private static final int WORD_SEARCH = 12;
    private static final String ELLIPSIS = "…";

    static DefinitionExcerpt of(String before, String after) {
        String a = collapse(before);
        String b = collapse(after);
        if (a.equals(b) && !before.equals(after)) {
            // only whitespace differs: show it rather than two equal texts
            a = visible(before);
            b = visible(after);
        }
        int difference = commonPrefix(a, b);
        // start late enough to show the difference, early enough to fill the window
        int start = Math.max(0, Math.min(difference - LEAD, Math.max(a.length(), b.length()) - MAX_LENGTH));
        start = atWord(a, start, difference); // both texts are equal up to the difference
        return new DefinitionExcerpt(window(a, start), window(b, start));
    }

    /** Moves the start to the next word when that is near and keeps the difference in view. */
    private static int atWord(String text, int start, int difference) {
        if (start == 0) {
            return 0;
        }
        int space = text.indexOf(' ', start);
        return space >= 0 && space < difference && space - start <= WORD_SEARCH ? space + 1 : start;
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
