package dev.rehearsal.runner.internal.engine;

import dev.rehearsal.runner.config.RehearsalConfig;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** The options in effect, as the report shows them. Placeholder values are left out: they can hold secrets. */
public final class ReportSettings {

    private ReportSettings() {
    }

    public static Map<String, String> of(RehearsalConfig config) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("provider", config.provider().name());
        if (config.server().kind() == dev.rehearsal.runner.config.Server.Kind.TESTCONTAINERS
                && config.provider().name().equals("testcontainers")) {
            settings.put("image", config.server().imageOrDefault());
        }
        if (config.server().allowRemote() && config.provider().name().equals("external")) {
            settings.put("allowRemote", "true");
        }
        if (config.sourceOptions().layout() != null) {
            settings.put("layout", config.sourceOptions().layout().id());
        }
        if (config.sourceOptions().contexts() != null) {
            settings.put("contexts", config.sourceOptions().contexts());
        }
        if (config.sourceOptions().labels() != null) {
            settings.put("labels", config.sourceOptions().labels());
        }
        if (config.sourceOptions().djangoSettings() != null) {
            settings.put("djangoSettings", config.sourceOptions().djangoSettings());
        }
        if (config.sourceOptions().python() != null) {
            settings.put("python", config.sourceOptions().python());
        }
        settings.put("rows", Integer.toString(config.rows()));
        settings.put("load", Boolean.toString(config.load()));
        settings.put("loadRate", Long.toString(config.loadRate() == 0
                ? Math.round(dev.rehearsal.runner.internal.load.LoadSettings.DEFAULT_RATE) : config.loadRate()));
        settings.put("loadClients", Integer.toString(config.loadClients()));
        settings.put("statementTimeout", format(config.statementTimeout()));
        settings.put("lockTimeout", config.lockTimeout() == null ? "none" : format(config.lockTimeout()));
        settings.put("longReader", config.longReader() == null ? "none" : format(config.longReader()));
        settings.put("failOn", config.policy().failOn().json());
        settings.put("writerBlockBudget", format(config.policy().writerBlockBudget()));
        settings.put("walVolumeThreshold", dev.rehearsal.runner.config.ByteSizes.format(config.policy().walVolumeThreshold()));
        settings.put("flywayParity", Boolean.toString(config.flywayParity()));
        if (!config.tableRows().isEmpty()) {
            settings.put("tableRows", config.tableRows().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
                    .map(e -> e.getKey() + "=" + e.getValue()).collect(java.util.stream.Collectors.joining(",")));
        }
        if (config.seedScript() != null) {
            settings.put("seedScript", config.seedScript().getFileName().toString());
        }
        if (config.productionStats() != null) {
            var stats = config.productionStats();
            settings.put("productionStats", (stats.database() == null ? "" : stats.database() + ", ") + "PostgreSQL "
                    + stats.serverVersion() + ", taken " + stats.takenAt() + ", " + stats.tables().size() + " tables");
        }
        if (!config.baselineChecksums().isEmpty()) {
            settings.put("baselineMigrations", Integer.toString(config.baselineChecksums().size()));
        }
        if (config.pending().after() != null) {
            settings.put("pendingAfter", config.pending().after());
        }
        if (config.pending().changedSince() != null) {
            settings.put("changedSince", config.pending().changedSince());
        }
        if (config.searchPath() != null) {
            settings.put("searchPath", config.searchPath().toString());
        }
        if (config.pending().templateDatabase() != null) {
            settings.put("templateDatabase", config.pending().templateDatabase());
        }
        if (!config.policy().severities().isEmpty()) {
            settings.put("severities", config.policy().severities().toString());
        }
        if (!config.policy().disabled().isEmpty()) {
            settings.put("disabledFindings", String.join(",", config.policy().disabled()));
        }
        if (!config.sourceOptions().placeholders().isEmpty()) {
            settings.put("placeholders", String.join(",", config.sourceOptions().placeholders().keySet()));
        }
        return settings;
    }

    static String format(Duration duration) {
        return dev.rehearsal.runner.config.Durations.format(duration);
    }
}
