package dev.rehearsal.junit.internal;

import dev.rehearsal.junit.MigrationRehearsal.Provider;
import dev.rehearsal.runner.config.Load;
import dev.rehearsal.runner.config.Policy;
import dev.rehearsal.runner.config.Seeding;
import dev.rehearsal.runner.config.Server;
import dev.rehearsal.runner.config.Timeouts;
import dev.rehearsal.runner.plan.RolloutPlan;
import dev.rehearsal.runner.source.MigrationLayout;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The resolved configuration of a test class: annotation attributes over configuration parameters over defaults,
 * in the engine's configuration records.
 *
 * @param owner        the test class, for messages
 * @param locations    the migrations locations
 * @param provider     where the server comes from (never DEFAULT)
 * @param server       the server settings
 * @param disabledWithoutDocker whether the class is skipped, not failed, when Testcontainers finds no Docker
 * @param layout       the migration layout, {@code null} to detect it
 * @param placeholders Flyway placeholders and Liquibase changelog properties
 * @param contexts     Liquibase contexts, {@code null} for every changeSet
 * @param labels       Liquibase labels, {@code null} for every changeSet
 * @param djangoSettings the Django settings module, {@code null} for the one manage.py names
 * @param python       the Python of a Django project, {@code null} for python3 on the PATH
 * @param flywayParity whether the chain is also applied with Flyway
 * @param baseline     checksums of migrations already applied
 * @param productionStats production's table sizes to extrapolate to; {@code null} for none
 * @param searchPath   the search_path of every session on Rehearsal's databases; {@code null} for the server's
 * @param pending      which migrations are rehearsed; the history before them is applied without rehearsal
 * @param seeding      rows, rows per table, seed script
 * @param load         the write load and the long reader
 * @param timeouts     statement and lock timeouts
 * @param policy       fail-on, writer-block budget, severities
 * @param plan         the rollout plan of the annotation or key; a test's {@code withPlan} replaces it
 * @param jvmScope     whether one server serves every class of the JVM
 * @param reports      where the reports go and in which formats; empty when they are turned off
 */
record Settings(String owner, List<String> locations, Provider provider, Server server, boolean disabledWithoutDocker,
                MigrationLayout layout,
                Map<String, String> placeholders, String contexts, String labels, String djangoSettings,
                String python, boolean flywayParity,
                Map<String, Integer> baseline, dev.rehearsal.runner.stats.ProductionStats productionStats,
                dev.rehearsal.runner.config.SearchPath searchPath,
                dev.rehearsal.runner.config.Pending pending, Seeding seeding,
                Load load, Timeouts timeouts, Policy policy, RolloutPlan plan, boolean jvmScope,
                Optional<ReportTarget> reports) {

    /** The locations, comma-separated, for messages. */
    String location() {
        return String.join(", ", locations);
    }

    int postgres() {
        return server.postgresOrDefault();
    }

    String image() {
        return server.imageOrDefault();
    }

    String jdbcUrl() {
        return server.jdbcUrl();
    }

    /** What identifies the server: classes with the same key share one when the scope is the JVM. */
    String serverKey() {
        return switch (provider) {
            case TESTCONTAINERS -> "testcontainers:" + image();
            case EXTERNAL -> "external:" + jdbcUrl() + (server.allowRemote() ? " (remote allowed)" : "");
            default -> "embedded:" + postgres();
        };
    }
}
