package dev.rehearsal.runner.cli;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Sets the log level of the bundled slf4j-simple before any logger exists: warnings only by default, the engine's
 * and zonky's progress with {@code --verbose}.
 */
final class Verbosity {

    private Verbosity() {
    }

    static void apply(boolean verbose) {
        levels(verbose).forEach(Verbosity::setIfAbsent);
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
        // The parity run's Flyway relays server notices ("already exists, skipping") as warnings; a parity
        // failure is a finding of its own.
        levels.put("org.slf4j.simpleLogger.log.org.flywaydb", verbose ? "info" : "error");
        return levels;
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
