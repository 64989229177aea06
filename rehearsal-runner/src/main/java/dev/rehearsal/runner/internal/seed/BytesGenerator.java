package dev.rehearsal.runner.internal.seed;

import java.util.SplittableRandom;

/** {@code bytea} in hex input form ({@code \x…}). */
final class BytesGenerator implements ValueGenerator {

    @Override
    public void random(long row, SplittableRandom rnd, StringBuilder out) {
        out.append("\\x");
        int words = 1 + rnd.nextInt(3);
        for (int i = 0; i < words; i++) {
            UuidGenerator.hexBytes(rnd.nextLong(), 8, out);
        }
    }

    @Override
    public long capacity() {
        return Long.MAX_VALUE;
    }

    @Override
    public void unique(long n, StringBuilder out) {
        out.append("\\x");
        UuidGenerator.hexBytes(Mix.mix64(n), 8, out);
    }
}
