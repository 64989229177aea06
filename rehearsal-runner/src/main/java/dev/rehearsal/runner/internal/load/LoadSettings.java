package dev.rehearsal.runner.internal.load;

import java.time.Duration;

/**
 * How the write load behaves. Immutable; each method named after a setting returns a changed copy.
 *
 * @param clients           concurrent connections (default 4)
 * @param rate              requests per second across all clients (default {@value #DEFAULT_RATE}); 0 runs a closed
 *                          loop, each client as fast as it can (for throughput benchmarks only: latencies then omit
 *                          the time a blocked client did not send)
 * @param insertPercent     share of INSERTs (default 40)
 * @param updatePercent     share of UPDATEs by primary key (default 40); the rest are primary-key SELECTs
 * @param statementTimeout  {@code statement_timeout} of the load's sessions (default 30 s), so no client hangs forever
 * @param lockTimeout       {@code lock_timeout} of the load's sessions (default 30 s)
 * @param refreshInterval   at most one re-read of a table's columns per interval after errors (default 250 ms)
 * @param seed              seed of the generated values and of the choice of tables and statements
 */
public record LoadSettings(int clients, double rate, int insertPercent, int updatePercent, Duration statementTimeout,
                           Duration lockTimeout, Duration refreshInterval, long seed) {

    /**
     * 400 requests/s. A request costs about 7–12 µs of client and ~30 µs of server CPU ({@code rehearse bench --only
     * load}, 2 cores), so the load takes about 2 % of one core and leaves the migration it measures undisturbed, while
     * a 100 ms timeline window still holds ~40 requests and a lock held for 3 ms is met by a request more often than
     * not (at 400/s requests arrive every 2.5 ms). Raise it to measure busier tables; 4 closed-loop clients reached
     * 72 000–84 000 requests/s on a 2-core machine.
     */
    public static final double DEFAULT_RATE = 400;

    public LoadSettings {
        if (clients < 1 || clients > 64) {
            throw new IllegalArgumentException("clients must be between 1 and 64, was " + clients);
        }
        if (rate < 0) {
            throw new IllegalArgumentException("rate must be 0 (closed loop) or more requests/s, was " + rate);
        }
        if (insertPercent < 0 || updatePercent < 0 || insertPercent + updatePercent > 100) {
            throw new IllegalArgumentException("insert and update shares must be 0..100 and add up to at most 100, were "
                    + insertPercent + " and " + updatePercent);
        }
    }

    public static LoadSettings defaults() {
        return new LoadSettings(4, DEFAULT_RATE, 40, 40, Duration.ofSeconds(30), Duration.ofSeconds(30),
                Duration.ofMillis(250), 1L);
    }

    public LoadSettings clients(int count) {
        return new LoadSettings(count, rate, insertPercent, updatePercent, statementTimeout, lockTimeout,
                refreshInterval, seed);
    }

    public LoadSettings rate(double requestsPerSecond) {
        return new LoadSettings(clients, requestsPerSecond, insertPercent, updatePercent, statementTimeout, lockTimeout,
                refreshInterval, seed);
    }

    /** As fast as possible: for throughput benchmarks. */
    public LoadSettings closedLoop() {
        return rate(0);
    }

    public LoadSettings mix(int inserts, int updates) {
        return new LoadSettings(clients, rate, inserts, updates, statementTimeout, lockTimeout, refreshInterval, seed);
    }

    public LoadSettings statementTimeout(Duration timeout) {
        return new LoadSettings(clients, rate, insertPercent, updatePercent, timeout, lockTimeout, refreshInterval, seed);
    }

    public LoadSettings lockTimeout(Duration timeout) {
        return new LoadSettings(clients, rate, insertPercent, updatePercent, statementTimeout, timeout, refreshInterval,
                seed);
    }

    public LoadSettings refreshInterval(Duration interval) {
        return new LoadSettings(clients, rate, insertPercent, updatePercent, statementTimeout, lockTimeout, interval,
                seed);
    }

    public LoadSettings seed(long value) {
        return new LoadSettings(clients, rate, insertPercent, updatePercent, statementTimeout, lockTimeout,
                refreshInterval, value);
    }

    boolean closed() {
        return rate == 0;
    }
}
