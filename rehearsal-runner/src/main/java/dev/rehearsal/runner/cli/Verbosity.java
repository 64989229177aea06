package dev.rehearsal.runner.cli;

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
        setIfAbsent("org.slf4j.simpleLogger.defaultLogLevel", verbose ? "debug" : "warn");
        setIfAbsent("org.slf4j.simpleLogger.logFile", "System.err");
        setIfAbsent("org.slf4j.simpleLogger.showDateTime", verbose ? "true" : "false");
        setIfAbsent("org.slf4j.simpleLogger.log.org.postgresql", verbose ? "info" : "error");
        // Testcontainers logs its Docker probing as errors; Rehearsal's own message says what to do instead.
        setIfAbsent("org.slf4j.simpleLogger.log.org.testcontainers", verbose ? "info" : "off");
        // zonky logs the failures Rehearsal reports itself (a server that is gone, a full disk), with stack traces.
        setIfAbsent("org.slf4j.simpleLogger.log.io.zonky", verbose ? "info" : "off");
        if (!verbose) {
            PGJDBC.setLevel(java.util.logging.Level.OFF);
            setIfAbsent("org.slf4j.simpleLogger.showThreadName", "false");
            setIfAbsent("org.slf4j.simpleLogger.showLogName", "false");
        }
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
