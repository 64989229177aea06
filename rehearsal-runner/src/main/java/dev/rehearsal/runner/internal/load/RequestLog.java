package dev.rehearsal.runner.internal.load;

/**
 * The requests of one load client, 16 bytes each: intended start (nanoTime), latency from the intended start in
 * microseconds, and an error id (-1 for success). One thread appends; any thread may read what was published.
 */
final class RequestLog {

    private static final int CHUNK_BITS = 14;
    private static final int CHUNK = 1 << CHUNK_BITS;

    private volatile long[][] intended = new long[16][];
    private volatile int[][] latencyMicros = new int[16][];
    private volatile int[][] errors = new int[16][];
    private volatile int size;

    /** Appends one request; called by the owning client thread only. */
    void record(long intendedNanos, long latencyNanos, int errorId) {
        int index = size;
        int chunk = index >>> CHUNK_BITS;
        if (chunk >= intended.length) {
            grow();
        }
        if (intended[chunk] == null) {
            intended[chunk] = new long[CHUNK];
            latencyMicros[chunk] = new int[CHUNK];
            errors[chunk] = new int[CHUNK];
        }
        int offset = index & (CHUNK - 1);
        intended[chunk][offset] = intendedNanos;
        latencyMicros[chunk][offset] = (int) Math.min(Integer.MAX_VALUE, Math.max(0, latencyNanos / 1000));
        errors[chunk][offset] = errorId;
        size = index + 1; // volatile write: publishes the entry
    }

    private void grow() {
        int length = intended.length * 2;
        long[][] moreIntended = java.util.Arrays.copyOf(intended, length);
        int[][] moreLatency = java.util.Arrays.copyOf(latencyMicros, length);
        int[][] moreErrors = java.util.Arrays.copyOf(errors, length);
        intended = moreIntended;
        latencyMicros = moreLatency;
        errors = moreErrors;
    }

    /** Visits every published request. */
    void forEach(Visitor visitor) {
        int published = size; // volatile read first: the arrays below hold at least this many entries
        long[][] allIntended = intended;
        int[][] allLatency = latencyMicros;
        int[][] allErrors = errors;
        for (int i = 0; i < published; i++) {
            int chunk = i >>> CHUNK_BITS;
            int offset = i & (CHUNK - 1);
            visitor.request(allIntended[chunk][offset], allLatency[chunk][offset], allErrors[chunk][offset]);
        }
    }

    int size() {
        return size;
    }

    @FunctionalInterface
    interface Visitor {
        void request(long intendedNanos, int latencyMicros, int errorId);
    }
}
