package dev.rehearsal.runner.cli;

/**
 * Sets the log level of the bundled slf4j-simple before any logger exists: warnings only by default, the engine's
 * and zonky's progress with {@code --verbose}.
 */
final class Verbosity {

    private Verbosity() {
    }

    static void apply(boolean verbose) {
        setIfAbsent("org.slf4j.simpleLogger.defaultLogLevel", verbose ? "debug" : "warn");
        setIfAbsent("org.slf4j.simpleLogger.logFile", "System.err");
        setIfAbsent("org.slf4j.simpleLogger.showDateTime", verbose ? "true" : "false");
        setIfAbsent("org.slf4j.simpleLogger.log.org.postgresql", verbose ? "info" : "error");
        // Testcontainers logs its Docker probing as errors; Rehearsal's own message says what to do instead.
        setIfAbsent("org.slf4j.simpleLogger.log.org.testcontainers", verbose ? "info" : "off");
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
