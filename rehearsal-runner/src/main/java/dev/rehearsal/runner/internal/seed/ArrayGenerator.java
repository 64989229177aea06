package dev.rehearsal.runner.internal.seed;

import java.util.SplittableRandom;

/**
 * One-dimensional arrays of one to three elements, each quoted in array literal syntax. Elements come from a
 * vocabulary of {@link #VOCABULARY} values, as tags, labels and roles do in production: a GIN index over such arrays
 * holds that many keys with long lists of rows, where one new element per value made it hold two keys per row, and
 * filling a table with such an index cost about 15 % more than the same rows with repeating elements (measured with
 * {@code COPY} on PostgreSQL 18: docs/benchmarks.md). Values of unique columns still all differ ({@link #unique}).
 */
final class ArrayGenerator implements ValueGenerator {

    /** Distinct elements the random values draw from. */
    static final int VOCABULARY = 1024;

    private final ValueGenerator element;

    ArrayGenerator(ValueGenerator element) {
        this.element = element;
    }

    @Override
    public void random(long row, SplittableRandom rnd, StringBuilder out) {
        StringBuilder item = new StringBuilder();
        int count = 1 + rnd.nextInt(3);
        out.append('{');
        for (int i = 0; i < count; i++) {
            item.setLength(0);
            // the element's own choices come from its slot in the vocabulary; the row stays the row, for elements
            // that must differ per row (ranges)
            element.random(row, new SplittableRandom(rnd.nextInt(VOCABULARY)), item);
            quote(item, out.append(i == 0 ? "" : ","));
        }
        out.append('}');
    }

    @Override
    public long capacity() {
        return element.capacity();
    }

    @Override
    public void unique(long n, StringBuilder out) {
        StringBuilder item = new StringBuilder();
        element.unique(n, item);
        quote(item, out.append('{'));
        out.append('}');
    }

    private static void quote(CharSequence item, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < item.length(); i++) {
            char c = item.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\');
            }
            out.append(c);
        }
        out.append('"');
    }
}
