package dev.rehearsal.runner.plan;

import java.math.BigInteger;
import java.util.Arrays;

/** Compares migration versions the way Flyway orders them: {@code 2}, {@code 02} and {@code 2.0} are one version. */
final class Versions {

    private Versions() {
    }

    static boolean same(String a, String b) {
        if (a == null || b == null) {
            return false;
        }
        if (a.equals(b)) {
            return true;
        }
        BigInteger[] x = parts(a);
        BigInteger[] y = parts(b);
        if (x == null || y == null) {
            return false;
        }
        int n = Math.max(x.length, y.length);
        for (int i = 0; i < n; i++) {
            BigInteger p = i < x.length ? x[i] : BigInteger.ZERO;
            BigInteger q = i < y.length ? y[i] : BigInteger.ZERO;
            if (!p.equals(q)) {
                return false;
            }
        }
        return true;
    }

    private static BigInteger[] parts(String version) {
        String[] raw = version.strip().split("[._]");
        try {
            return Arrays.stream(raw).map(BigInteger::new).toArray(BigInteger[]::new);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
