package dev.rehearsal.runner.internal.seed;

/** Bijective bit mixing: distinct inputs stay distinct, so unique values can look random. */
final class Mix {

    private static final long MASK_62 = (1L << 62) - 1;

    private Mix() {
    }

    /** The splitmix64 finalizer: a bijection on 64 bits. */
    static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /** A bijection on the low 62 bits (multiplications by odd numbers and xor-shifts modulo 2^62). */
    static long mix62(long z) {
        z = (z * 0x9e3779b97f4a7c15L) & MASK_62;
        z ^= z >>> 29;
        z = (z * 0xbf58476d1ce4e5b9L) & MASK_62;
        return z ^ (z >>> 32);
    }

    /** A stable seed for one table and purpose, independent of the JVM. */
    static long seedFor(long seed, String... parts) {
        long h = seed;
        for (String part : parts) {
            for (int i = 0; i < part.length(); i++) {
                h = mix64(h + part.charAt(i));
            }
            h = mix64(h ^ 0x5bd1e995L);
        }
        return h;
    }
}
