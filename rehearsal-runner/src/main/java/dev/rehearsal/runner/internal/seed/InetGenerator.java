package dev.rehearsal.runner.internal.seed;

import java.util.SplittableRandom;

/** IPv4 host addresses (valid for both {@code inet} and {@code cidr}). */
final class InetGenerator implements ValueGenerator {

    private static final long FIRST = 1L << 24; // 1.0.0.0

    @Override
    public void random(long row, SplittableRandom rnd, StringBuilder out) {
        append((10L << 24) | rnd.nextInt(1 << 24), out);
    }

    @Override
    public long capacity() {
        return (1L << 32) - FIRST;
    }

    @Override
    public void unique(long n, StringBuilder out) {
        append(FIRST + n, out);
    }

    private static void append(long address, StringBuilder out) {
        out.append((address >>> 24) & 255).append('.').append((address >>> 16) & 255).append('.')
                .append((address >>> 8) & 255).append('.').append(address & 255);
    }
}
