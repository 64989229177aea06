package dev.rehearsal.runner.internal.seed;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A set of longs as sorted, disjoint, inclusive intervals: the values a numeric or temporal column may take once
 * type limits, CHECK bounds and partition bounds are applied. Sizes saturate at {@link Long#MAX_VALUE}.
 */
public final class LongDomain {

    private final long[] lo;
    private final long[] hi;
    private final long[] startOf; // saturating prefix sums of interval sizes

    private LongDomain(List<long[]> intervals) {
        lo = new long[intervals.size()];
        hi = new long[intervals.size()];
        startOf = new long[intervals.size()];
        long total = 0;
        for (int i = 0; i < intervals.size(); i++) {
            lo[i] = intervals.get(i)[0];
            hi[i] = intervals.get(i)[1];
            startOf[i] = total;
            total = saturatingAdd(total, width(lo[i], hi[i]));
        }
    }

    public static LongDomain of(long from, long to) {
        return from > to ? new LongDomain(List.of()) : new LongDomain(List.<long[]>of(new long[] {from, to}));
    }

    /** The union of inclusive intervals given as {@code {from, to}} pairs, in any order. */
    public static LongDomain union(List<long[]> intervals) {
        List<long[]> sorted = new ArrayList<>(intervals.stream().filter(i -> i[0] <= i[1]).toList());
        sorted.sort((a, b) -> Long.compare(a[0], b[0]));
        List<long[]> merged = new ArrayList<>();
        for (long[] next : sorted) {
            long[] last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && (next[0] <= last[1] || next[0] - 1 == last[1])) {
                last[1] = Math.max(last[1], next[1]);
            } else {
                merged.add(new long[] {next[0], next[1]});
            }
        }
        return new LongDomain(merged);
    }

    public LongDomain intersect(long from, long to) {
        List<long[]> kept = new ArrayList<>();
        for (int i = 0; i < lo.length; i++) {
            long a = Math.max(lo[i], from);
            long b = Math.min(hi[i], to);
            if (a <= b) {
                kept.add(new long[] {a, b});
            }
        }
        return new LongDomain(kept);
    }

    public LongDomain intersect(LongDomain other) {
        List<long[]> kept = new ArrayList<>();
        for (int i = 0; i < other.lo.length; i++) {
            LongDomain part = intersect(other.lo[i], other.hi[i]);
            for (int j = 0; j < part.lo.length; j++) {
                kept.add(new long[] {part.lo[j], part.hi[j]});
            }
        }
        return union(kept);
    }

    public boolean isEmpty() {
        return lo.length == 0;
    }

    public long min() {
        return lo[0];
    }

    public long max() {
        return hi[hi.length - 1];
    }

    public long size() {
        return lo.length == 0 ? 0 : saturatingAdd(startOf[lo.length - 1], width(lo[lo.length - 1], hi[lo.length - 1]));
    }

    /** The n-th smallest value, {@code 0 <= n < size()}. */
    public long nth(long n) {
        int index = 0;
        int low = 0;
        int high = startOf.length - 1;
        while (low <= high) { // last interval whose start is <= n
            int mid = (low + high) >>> 1;
            if (startOf[mid] <= n) {
                index = mid;
                low = mid + 1;
            } else {
                high = mid - 1;
            }
        }
        return lo[index] + (n - startOf[index]);
    }

    /** A uniformly drawn value; the domain must not be empty. */
    public long random(SplittableRandom rnd) {
        long size = size();
        return nth(size == Long.MAX_VALUE ? rnd.nextLong(Long.MAX_VALUE) : rnd.nextLong(size));
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < lo.length; i++) {
            text.append(i == 0 ? "" : " ∪ ").append('[').append(lo[i]).append(", ").append(hi[i]).append(']');
        }
        return lo.length == 0 ? "∅" : text.toString();
    }

    private static long width(long from, long to) {
        long width = to - from + 1;
        return width <= 0 ? Long.MAX_VALUE : width; // overflow: the interval spans more than Long.MAX_VALUE values
    }

    private static long saturatingAdd(long a, long b) {
        long sum = a + b;
        return sum < 0 ? Long.MAX_VALUE : sum;
    }
}
