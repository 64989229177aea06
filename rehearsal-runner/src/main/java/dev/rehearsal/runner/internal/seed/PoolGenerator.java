package dev.rehearsal.runner.internal.seed;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Values PostgreSQL accepted for a column: random ones are picked from the accepted candidates; distinct ones are
 * an accepted candidate with the ordinal written into it ({@link Shape}), a shape PostgreSQL also accepted.
 */
final class PoolGenerator implements ValueGenerator {

    private final List<String> accepted;
    private final Shape shape;

    /** @param shape how to write distinct values, {@code null} when only the accepted candidates are distinct */
    PoolGenerator(List<String> accepted, Shape shape) {
        this.accepted = List.copyOf(accepted);
        this.shape = shape;
    }

    @Override
    public void random(long row, SplittableRandom rnd, StringBuilder out) {
        out.append(accepted.get(rnd.nextInt(accepted.size())));
    }

    @Override
    public long capacity() {
        return shape == null ? accepted.size() : shape.capacity();
    }

    @Override
    public void unique(long n, StringBuilder out) {
        if (shape == null) {
            out.append(accepted.get((int) n));
        } else {
            shape.write(n, out);
        }
    }

    List<String> accepted() {
        return accepted;
    }

    Shape shape() {
        return shape;
    }

    /**
     * An accepted value with the ordinal written between {@code prefix} and {@code suffix} in the digits of
     * {@code alphabet}: padded to {@code width} when the pattern wants a fixed width (a run of four digits
     * replaced), as many digits as needed when {@code width} is 0.
     *
     * @param capacity how many distinct values the shape writes within the lengths PostgreSQL accepted
     */
    record Shape(String prefix, String suffix, String alphabet, int width, long capacity) {

        void write(long n, StringBuilder out) {
            out.append(prefix);
            int start = out.length();
            int radix = alphabet.length();
            long rest = n;
            do {
                out.insert(start, alphabet.charAt((int) (rest % radix)));
                rest /= radix;
            } while (rest > 0);
            while (out.length() - start < width) {
                out.insert(start, alphabet.charAt(0));
            }
            out.append(suffix);
        }

        String write(long n) {
            StringBuilder out = new StringBuilder();
            write(n, out);
            return out.toString();
        }

        /** {@code radix^digits}, or {@link Long#MAX_VALUE} when that does not fit. */
        static long power(int radix, int digits) {
            long value = 1;
            for (int i = 0; i < digits; i++) {
                if (value > Long.MAX_VALUE / radix) {
                    return Long.MAX_VALUE;
                }
                value *= radix;
            }
            return value;
        }
    }
}
