package dev.rehearsal.junit.internal;

import dev.rehearsal.junit.MigrationRehearsal.Provider;
import dev.rehearsal.report.Severity;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The resolved configuration of a test class: annotation attributes over configuration parameters over defaults.
 *
 * @param owner          the test class, for messages
 * @param location       the migrations location
 * @param postgres       the PostgreSQL major
 * @param provider       where the server comes from (never DEFAULT)
 * @param image          the Docker image for Testcontainers
 * @param jdbcUrl        the server's URL for EXTERNAL, else {@code null}
 * @param rows           rows to seed per table
 * @param load           whether the write load runs
 * @param failOn         the least severity that fails
 * @param writerBlockBudget how long writers may wait on one statement
 * @param placeholders   Flyway placeholders
 * @param jvmScope       whether one server serves every class of the JVM
 * @param reports        where the reports go and in which formats; empty when they are turned off
 */
record Settings(String owner, String location, int postgres, Provider provider, String image, String jdbcUrl, int rows,
                boolean load, Severity failOn, Duration writerBlockBudget, Map<String, String> placeholders,
                boolean jvmScope, Optional<ReportTarget> reports) {

    /** What identifies the server: classes with the same key share one when the scope is the JVM. */
    String serverKey() {
        return switch (provider) {
            case TESTCONTAINERS -> "testcontainers:" + image;
            case EXTERNAL -> "external:" + jdbcUrl;
            default -> "embedded:" + postgres;
        };
    }
}
