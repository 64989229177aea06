package dev.rehearsal.maven;

import dev.rehearsal.report.Severity;
import dev.rehearsal.report.render.ReportFormat;
import dev.rehearsal.runner.core.BuildInfo;
import dev.rehearsal.runner.core.ErrorCode;
import dev.rehearsal.runner.PlanFiles;
import dev.rehearsal.runner.config.Policy;
import dev.rehearsal.runner.core.RehearsalException;
import dev.rehearsal.runner.plan.RolloutPlan;
import dev.rehearsal.runner.config.Server;
import dev.rehearsal.runner.source.MigrationLayout;
import dev.rehearsal.runner.source.SourceOptions;
import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns the plugin's parameters (strings, as Maven hands them over) into the engine's configuration values; every
 * mistake is one message naming the parameter, its {@code rehearsal.*} property and what is accepted.
 */
final class PluginSettings {

    private PluginSettings() {
    }

    static Duration duration(String parameter, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return dev.rehearsal.runner.config.Durations.parse(value);
        } catch (IllegalArgumentException e) {
            throw invalid("<" + parameter + "> (rehearsal." + parameter + ") " + e.getMessage());
        }
    }

    static Long size(String parameter, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return dev.rehearsal.runner.config.ByteSizes.parse(value);
        } catch (IllegalArgumentException e) {
            throw invalid("<" + parameter + "> (rehearsal." + parameter + ") " + e.getMessage());
        }
    }

    static List<ReportFormat> formats(List<String> ids) {
        Set<ReportFormat> chosen = new LinkedHashSet<>();
        for (String list : ids == null ? List.<String>of() : ids) {
            for (String id : list.split(",")) {
                if (id.isBlank()) {
                    continue;
                }
                try {
                    chosen.add(ReportFormat.fromId(id.trim()));
                } catch (IllegalArgumentException e) {
                    throw invalid("<formats> (rehearsal.formats): " + e.getMessage());
                }
            }
        }
        return chosen.isEmpty() ? List.of(ReportFormat.values()) : List.copyOf(chosen);
    }

    /** {@code name=value} entries; a property's comma-separated list arrives as several entries already. */
    static Map<String, String> pairs(String parameter, List<String> entries) {
        Map<String, String> pairs = new LinkedHashMap<>();
        for (String list : entries == null ? List.<String>of() : entries) {
            for (String entry : list.split(",")) {
                if (entry.isBlank()) {
                    continue;
                }
                int equals = entry.indexOf('=');
                if (equals <= 0) {
                    throw invalid("<" + parameter + "> (rehearsal." + parameter + ") entries are name=value, got '"
                            + entry.strip() + "'");
                }
                pairs.put(entry.substring(0, equals).strip(), entry.substring(equals + 1).strip());
            }
        }
        return pairs;
    }

    static Map<String, Integer> tableRows(List<String> entries) {
        Map<String, Integer> rows = new LinkedHashMap<>();
        pairs("tableRows", entries).forEach((table, count) -> {
            try {
                rows.put(table, Integer.valueOf(count));
            } catch (NumberFormatException e) {
                throw invalid("<tableRows> (rehearsal.tableRows): the rows for " + table + " must be a number, got '"
                        + count + "'");
            }
        });
        return rows;
    }

    static SourceOptions source(Map<String, String> placeholders, String layout, String contexts, String labels,
            Path basedir, ClassLoader loader) {
        return SourceOptions.defaults().withPlaceholders(placeholders).withLayout(layout(layout))
                .withContexts(contexts).withLabels(labels).withWorkingDirectory(basedir).withClassLoader(loader);
    }

    /** The Django settings module and Python, on top of {@link #source}. */
    static SourceOptions django(SourceOptions source, String djangoSettings, String python) {
        return source.withDjangoSettings(djangoSettings).withPython(python);
    }

    private static MigrationLayout layout(String layout) {
        String value = layout == null ? "auto" : layout.trim().toLowerCase(Locale.ROOT);
        return switch (value) {
            case "auto", "" -> null;
            case "flyway" -> MigrationLayout.FLYWAY;
            case "golang-migrate", "golang", "migrate" -> MigrationLayout.GOLANG_MIGRATE;
            case "goose" -> MigrationLayout.GOOSE;
            case "dbmate" -> MigrationLayout.DBMATE;
            case "liquibase" -> MigrationLayout.LIQUIBASE;
            case "prisma" -> MigrationLayout.PRISMA;
            case "django" -> MigrationLayout.DJANGO;
            default -> throw invalid("<layout> (rehearsal.layout) must be auto, flyway, golang-migrate, goose,"
                    + " dbmate, liquibase, prisma or django, got '" + layout + "'");
        };
    }

    static Policy policy(String failOn, Duration writerBlockBudget, Long walVolumeThreshold,
            Map<String, String> severities) {
        Policy policy = Policy.defaults().withFailOn(severity("failOn", failOn)).withWriterBlockBudget(writerBlockBudget)
                .withWalVolumeThreshold(walVolumeThreshold);
        for (Map.Entry<String, String> entry : (severities == null ? Map.<String, String>of() : severities).entrySet()) {
            String code = entry.getKey().trim().toUpperCase(Locale.ROOT);
            String level = entry.getValue() == null ? "" : entry.getValue().trim().toLowerCase(Locale.ROOT);
            policy = level.equals("off") ? policy.withDisabled(code) : policy.withSeverity(code, severity(
                    "severities", level));
        }
        return policy;
    }

    private static Severity severity(String parameter, String value) {
        try {
            return Severity.fromJson(value == null ? "error" : value.trim().toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw invalid("<" + parameter + "> (rehearsal." + parameter + ") must be error, warning or info"
                    + (parameter.equals("severities") ? " or off" : "") + ", got '" + value + "'");
        }
    }

    /** The same choices as the command line's --provider, --postgres, --image, --jdbc-url and --allow-remote. */
    /** The engine's {@link Server} value, contradictions refused in the plugin's own words first. */
    static Server server(String name, Integer major, String image, String jdbcUrl, boolean allowRemote) {
        String url = jdbcUrl == null || jdbcUrl.isBlank() ? null : jdbcUrl;
        String chosen = name == null || name.isBlank() ? (url != null ? "external" : "embedded")
                : name.trim().toLowerCase(Locale.ROOT);
        switch (chosen) {
            case "embedded" -> {
                refuse(url != null, "<jdbcUrl> needs <provider>external</provider> (or no provider)");
                refuse(image != null, "<image> needs <provider>testcontainers</provider>");
                if (major != null) {
                    BuildInfo.postgresBinariesVersion(major); // names the supported range
                }
                return new Server(Server.Kind.EMBEDDED, major, null, null, allowRemote);
            }
            case "testcontainers" -> {
                refuse(url != null, "<jdbcUrl> cannot be combined with <provider>testcontainers</provider>, which "
                        + "starts its own server");
                refuse(image != null && major != null, "<postgres> and <image> both choose the version; give one, "
                        + "e.g. <image>postgres:17</image>");
                if (major != null) {
                    BuildInfo.postgresBinariesVersion(major); // names the supported range
                }
                return new Server(Server.Kind.TESTCONTAINERS, major, image, null, allowRemote);
            }
            case "external" -> {
                refuse(url == null, "<provider>external</provider> needs <jdbcUrl>, e.g. "
                        + "-Drehearsal.jdbcUrl=jdbc:postgresql://localhost:5432/postgres?user=me");
                refuse(major != null, "<postgres> chooses the embedded server's version; it cannot be combined "
                        + "with <jdbcUrl>, whose server has its own version");
                refuse(image != null, "<image> needs <provider>testcontainers</provider>");
                return new Server(Server.Kind.EXTERNAL, null, null, url, allowRemote);
            }
            default -> throw invalid("<provider> (rehearsal.provider) must be embedded, testcontainers or external, "
                    + "got '" + name + "'");
        }
    }

    static RolloutPlan plan(File file) {
        return file == null ? RolloutPlan.none() : PlanFiles.read(file.toPath());
    }

    /** The checksums of migrations already applied, from the report.json of an earlier rehearsal. */
    static Map<String, Integer> baseline(File file) {
        return file == null ? Map.of() : dev.rehearsal.runner.BaselineFiles.checksums(file.toPath());
    }

    /** Production's table sizes, from a file {@code rehearse stats} wrote; {@code null} for none. */
    static dev.rehearsal.runner.stats.ProductionStats productionStats(File file) {
        return file == null ? null : dev.rehearsal.runner.stats.ProductionStatsFiles.read(file.toPath());
    }

    private static void refuse(boolean condition, String message) {
        if (condition) {
            throw invalid(message);
        }
    }

    private static RehearsalException invalid(String message) {
        return new RehearsalException(ErrorCode.INVALID_OPTION, "Invalid plugin configuration: " + message + ".");
    }
}
