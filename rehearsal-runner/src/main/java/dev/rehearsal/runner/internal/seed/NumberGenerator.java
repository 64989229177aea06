package dev.rehearsal.runner.internal.seed;

import java.util.SplittableRandom;

/**
 * Integers, numerics and floats as fixed-point numbers: a {@link LongDomain} of units of {@code 10^-scale}.
 * Random values prefer a realistic range (small positive numbers) when the domain allows it.
 */
final class NumberGenerator implements ValueGenerator {

    private final LongDomain domain;
    private final LongDomain everyday;
    private final LongDomain uniqueDomain;
    private final int scale;
    private final long unit;

    NumberGenerator(LongDomain domain, int scale, long everydayMaxUnits) {
        this.domain = domain;
        this.scale = scale;
        this.unit = pow10(scale);
        LongDomain preferred = domain.intersect(0, everydayMaxUnits);
        this.everyday = preferred.isEmpty() ? domain : preferred;
        LongDomain positive = domain.intersect(unit, Long.MAX_VALUE);
        this.uniqueDomain = positive.isEmpty() ? domain : positive;
    }

    @Override
    public void random(long row, SplittableRandom rnd, StringBuilder out) {
        append(everyday.random(rnd), out);
    }

    @Override
    public long capacity() {
        return uniqueDomain.size();
    }

    @Override
    public void unique(long n, StringBuilder out) {
        append(uniqueDomain.nth(n), out);
    }

    /** Continues a sequence after existing rows: the ordinal of the value after {@code max} (in whole units). */
    long ordinalAfter(java.math.BigDecimal max) {
        long units = max.movePointRight(scale).setScale(0, java.math.RoundingMode.FLOOR).longValue();
        long low = 0;
        long high = capacity();
        while (low < high) { // the first ordinal whose value exceeds max
            long mid = (low + high) >>> 1;
            if (uniqueDomain.nth(mid) > units) {
                high = mid;
            } else {
                low = mid + 1;
            }
        }
        return low;
    }

    private void append(long units, StringBuilder out) {
        if (scale == 0) {
            out.append(units);
            return;
        }
        if (units < 0) {
            out.append('-');
        }
        long abs = Math.abs(units);
        out.append(abs / unit).append('.');
        String fraction = Long.toString(abs % unit);
        for (int i = fraction.length(); i < scale; i++) {
            out.append('0');
        }
        out.append(fraction);
    }

    static long pow10(int exponent) {
        long value = 1;
        for (int i = 0; i < exponent; i++) {
            value *= 10;
        }
        return value;
    }
}
