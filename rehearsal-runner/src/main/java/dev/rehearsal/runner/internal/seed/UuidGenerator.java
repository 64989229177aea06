package dev.rehearsal.runner.internal.seed;

import java.util.SplittableRandom;

/** Version-4-shaped UUIDs; unique ones are a bijection of the ordinal, so they never collide. */
final class UuidGenerator implements ValueGenerator {

    private static final char[] HEX = "0123456789abcdef".toCharArray();
    private final long salt;

    UuidGenerator(long salt) {
        this.salt = salt;
    }

    @Override
    public void random(long row, SplittableRandom rnd, StringBuilder out) {
        append(rnd.nextLong(), rnd.nextLong() & ((1L << 62) - 1), out);
    }

    @Override
    public long capacity() {
        return 1L << 62;
    }

    @Override
    public void unique(long n, StringBuilder out) {
        append(Mix.mix64(n ^ salt), Mix.mix62(n ^ (salt & ((1L << 62) - 1))), out);
    }

    private static void append(long high, long low62, StringBuilder out) {
        long hi = (high & ~0xF000L) | 0x4000L;
        long lo = low62 | 0x8000_0000_0000_0000L;
        hex(hi >>> 32, 8, out);
        out.append('-');
        hex(hi >>> 16, 4, out);
        out.append('-');
        hex(hi, 4, out);
        out.append('-');
        hex(lo >>> 48, 4, out);
        out.append('-');
        hex(lo, 12, out);
    }

    private static void hex(long value, int digits, StringBuilder out) {
        for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4) {
            out.append(HEX[(int) (value >>> shift) & 0xF]);
        }
    }

    static void hexBytes(long value, int bytes, StringBuilder out) {
        hex(value, bytes * 2, out);
    }
}
