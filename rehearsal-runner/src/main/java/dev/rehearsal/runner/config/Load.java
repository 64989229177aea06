package dev.rehearsal.runner.config;

import java.time.Duration;

/**
 * The concurrent write load that runs during each step, and the simulated long reader.
 *
 * @param enabled    whether the write load runs; default true
 * @param rate       requests per second across all clients; default 0, meaning automatic (400 requests/s)
 * @param clients    client connections, 1 to 64; default {@value #DEFAULT_CLIENTS}
 * @param longReader how long a simulated long-running reader holds its lock on each touched table (the lock-queue
 *                   scenario); {@code null} (the default) for none
 */
public record Load(boolean enabled, int rate, int clients, Duration longReader) {

    public static final int DEFAULT_CLIENTS = 4;

    public Load {
        if (rate < 0) {
            throw Invalid.option("the load rate must be 0 (automatic) or more requests per second, got " + rate);
        }
        if (clients < 1 || clients > 64) {
            throw Invalid.option("load clients must be between 1 and 64, got " + clients);
        }
        if (longReader != null) {
            Invalid.requirePositive("long reader duration", longReader);
        }
    }

    public static Load defaults() {
        return new Load(true, 0, DEFAULT_CLIENTS, null);
    }

    public Load withEnabled(boolean value) {
        return new Load(value, rate, clients, longReader);
    }

    public Load withRate(int value) {
        return new Load(enabled, value, clients, longReader);
    }

    public Load withClients(int value) {
        return new Load(enabled, rate, value, longReader);
    }

    public Load withLongReader(Duration value) {
        return new Load(enabled, rate, clients, value);
    }
}
