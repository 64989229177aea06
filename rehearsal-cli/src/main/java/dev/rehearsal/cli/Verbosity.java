package dev.rehearsal.cli;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Sets the log level of the bundled slf4j-simple before any logger exists: warnings only by default, one line each
 * ("WARN …"); the engine's and zonky's progress with {@code --verbose}.
 */
final class Verbosity {

    /** pgjdbc logs through java.util.logging, e.g. a warning about a URL Rehearsal then refuses with its own message. */
    private static final java.util.logging.Logger PGJDBC = java.util.logging.Logger.getLogger("org.postgresql");

    private Verbosity() {
    }

    static void apply(boolean verbose) {
        levels(verbose).forEach(Verbosity::setIfAbsent);
        if (!verbose) {
            PGJDBC.setLevel(java.util.logging.Level.OFF);
        }
    }

    /** The slf4j-simple settings for a run, by system property. */
    static Map<String, String> levels(boolean verbose) {
        Map<String, String> levels = new LinkedHashMap<>();
        levels.put("org.slf4j.simpleLogger.defaultLogLevel", verbose ? "debug" : "warn");
        levels.put("org.slf4j.simpleLogger.logFile", "System.err");
        levels.put("org.slf4j.simpleLogger.showDateTime", verbose ? "true" : "false");
        levels.put("org.slf4j.simpleLogger.log.org.postgresql", verbose ? "info" : "error");
        // Testcontainers logs its Docker probing as errors; Rehearsal's own message says what to do instead.
        levels.put("org.slf4j.simpleLogger.log.org.testcontainers", verbose ? "info" : "off");
        // The parity run's Flyway relays server notices ("already exists, skipping") as warnings, and logs the
        // failures it then throws, with stack traces, from its own thread when it runs beside the rehearsal; a
        // parity failure is a finding of its own, and a lost server is reported once by Rehearsal.
        levels.put("org.slf4j.simpleLogger.log.org.flywaydb", verbose ? "info" : "off");
        // zonky logs the failures Rehearsal reports itself (a server that is gone, a full disk), with stack traces.
        levels.put("org.slf4j.simpleLogger.log.io.zonky", verbose ? "info" : "off");
        if (!verbose) {
            levels.put("org.slf4j.simpleLogger.showThreadName", "false");
            levels.put("org.slf4j.simpleLogger.showLogName", "false");
        }
        return levels;
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
