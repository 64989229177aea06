package dev.rehearsal.runner.internal.seed;

import java.util.SplittableRandom;

/** One-dimensional arrays of one to three elements, each quoted in array literal syntax. */
final class ArrayGenerator implements ValueGenerator {

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
            element.random(row, rnd, item);
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
