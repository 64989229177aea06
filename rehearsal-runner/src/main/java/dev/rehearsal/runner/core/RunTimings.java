package dev.rehearsal.runner.core;

import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * Where a rehearsal's wall time went, part by part, so that the next optimisation is obvious. The parts do not
 * overlap: the write load runs beside the traced statements, so {@link Part#LOAD} counts only the time spent
 * starting the load clients and analysing what they measured, not the time they ran beside a step.
 */
public final class RunTimings {

    /** The parts of a rehearsal, in the order they first happen. */
    public enum Part {
        /** Reading and parsing the migration files. */
        SOURCES("read migrations"),
        /** Starting (or attaching to) the PostgreSQL server. */
        PROVISION("start PostgreSQL"),
        /** Applying (or cloning from the cache) the history before the pending migrations, without rehearsal. */
        HISTORY("history applied without rehearsal"),
        /** Cloning scratch databases from the template, connecting and installing the tracer's event trigger. */
        DATABASE("scratch databases: clone, connect, drop"),
        /** Filling tables with generated rows before each migration. */
        SEED("seed rows"),
        /** Starting the write load and analysing its latencies and lock waits (not the time it runs beside a step). */
        LOAD("write load set-up and analysis"),
        /** Running the migration scripts with their per-statement lock, rewrite and scan probes. */
        TRACE("traced statements"),
        /** Catalog snapshots and the diffs between them. */
        SNAPSHOT("catalog snapshots"),
        /** App-version checks after each step. */
        CHECKS("app-version checks"),
        /** Deriving findings and assembling each migration's report. */
        FINDINGS("findings"),
        /** Applying the chain with Flyway and comparing the schemas. */
        PARITY("Flyway parity"),
        /** The whole rehearsal again at the smaller seeded size, which extrapolation to production fits through. */
        SMALLER_SIZE("rehearsal at the smaller size (production extrapolation)"),
        /** Dropping scratch databases and stopping the server. */
        STOP("stop PostgreSQL");

        private final String label;

        Part(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    private final Map<Part, Long> nanos = new EnumMap<>(Part.class);

    /**
     * Starts timing {@code part}; closing the span adds the time since, once. Written as
     * {@code try (RunTimings.Span span = timings.span(Part.SEED)) { … }}, so every part is measured the same way.
     */
    public Span span(Part part) {
        return new Span(part, System.nanoTime());
    }

    /** A part being timed, from {@link #span} to {@link #close()}. */
    public final class Span implements AutoCloseable {

        private final Part part;
        private final long startNanos;
        private boolean closed;

        private Span(Part part, long startNanos) {
            this.part = part;
            this.startNanos = startNanos;
        }

        /** When the span started, as a {@link System#nanoTime()}. */
        public long startNanos() {
            return startNanos;
        }

        @Override
        public void close() {
            if (!closed) {
                closed = true;
                addSince(part, startNanos);
            }
        }
    }

    /** Adds the time since {@code startNanos} (a {@link System#nanoTime()}) to {@code part}. */
    public synchronized void addSince(Part part, long startNanos) {
        add(part, System.nanoTime() - startNanos);
    }

    /** Adds {@code elapsedNanos} to {@code part}; a negative amount is ignored. */
    public synchronized void add(Part part, long elapsedNanos) {
        if (elapsedNanos > 0) {
            nanos.merge(part, elapsedNanos, Long::sum);
        }
    }

    /** The time spent in each part so far, in {@link Part} order; parts never entered are absent. */
    public synchronized Map<Part, Duration> parts() {
        Map<Part, Duration> copy = new EnumMap<>(Part.class);
        nanos.forEach((part, value) -> copy.put(part, Duration.ofNanos(value)));
        return Collections.unmodifiableMap(copy);
    }
}
