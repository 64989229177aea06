package dev.rehearsal.junit.internal;

import dev.rehearsal.junit.MigrationRehearsal;
import dev.rehearsal.junit.MigrationRehearsal.Provider;
import dev.rehearsal.junit.Toggle;
import dev.rehearsal.report.Severity;
import dev.rehearsal.runner.BaselineFiles;
import dev.rehearsal.runner.config.ByteSizes;
import dev.rehearsal.runner.core.BuildInfo;
import dev.rehearsal.runner.config.ConfigOption;
import dev.rehearsal.runner.config.Durations;
import dev.rehearsal.runner.config.FrontDoor;
import dev.rehearsal.runner.config.Load;
import dev.rehearsal.runner.PlanFiles;
import dev.rehearsal.runner.config.Policy;
import dev.rehearsal.runner.core.RehearsalException;
import dev.rehearsal.runner.config.Seeding;
import dev.rehearsal.runner.config.Server;
import dev.rehearsal.runner.config.Timeouts;
import dev.rehearsal.runner.plan.RolloutPlan;
import dev.rehearsal.runner.source.MigrationLayout;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/**
 * Reads {@link MigrationRehearsal} and the {@code rehearsal.*} configuration parameters (each option's key as the
 * catalogue {@link ConfigOption} names it) and validates every value before anything starts; a wrong value is reported
 * with where it came from and how to fix it.
 */
final class SettingsResolver {

    static final String DEFAULT_LOCATION = "classpath:db/migration";
    /** The key of milliseconds before durations were strings; read only to say it was renamed. */
    static final String RENAMED_BUDGET_KEY = "rehearsal.writerBlockBudgetMs";

    private final String owner;
    private final MigrationRehearsal annotation;
    private final Function<String, Optional<String>> parameters;

    SettingsResolver(Class<?> testClass, MigrationRehearsal annotation, Function<String, Optional<String>> parameters) {
        this.owner = testClass.getName();
        this.annotation = annotation;
        this.parameters = parameters;
    }

    /** A value and where it came from, for messages: {@code rows = "x"} or {@code rehearsal.rows=x}. */
    private record Given(String value, String origin, boolean fromAttribute) {
    }

    Settings resolve() {
        // A renamed key would otherwise be ignored without a word, and its default used.
        parameters.apply(RENAMED_BUDGET_KEY).ifPresent(millis -> {
            throw fail(RENAMED_BUDGET_KEY + "=" + millis + " was renamed: write it as a duration, "
                    + "rehearsal.writerBlockBudget=" + millis.strip() + "ms");
        });
        List<String> locations = locations();
        String jdbcUrl = text(ConfigOption.JDBC_URL, annotation.jdbcUrl()).map(Given::value).orElse(null);
        Provider provider = provider(jdbcUrl);
        Optional<Given> image = text(ConfigOption.IMAGE, annotation.image());
        Optional<Given> postgres = text(ConfigOption.POSTGRES, annotation.postgres());
        Integer major = postgres.map(this::major).orElse(null);
        boolean allowRemote = toggle(ConfigOption.ALLOW_REMOTE, annotation.allowRemote(), false);
        if (provider == Provider.EXTERNAL && jdbcUrl == null) {
            throw fail("the EXTERNAL provider needs a JDBC URL: add jdbcUrl = \"jdbc:postgresql://localhost:5432/"
                    + "postgres?user=me\" or set rehearsal.jdbcUrl");
        }
        if (provider != Provider.EXTERNAL && jdbcUrl != null) {
            throw fail("a JDBC URL is set, but the provider is " + provider + "; remove the URL, or use "
                    + "provider = EXTERNAL (the default when a URL is set)");
        }
        if (image.isPresent() && provider != Provider.TESTCONTAINERS) {
            throw fail("image = \"" + image.get().value() + "\" needs provider = TESTCONTAINERS (or "
                    + "rehearsal.provider=testcontainers)");
        }
        Server server = engine(() -> new Server(Server.Kind.valueOf(provider.name()),
                provider == Provider.EXTERNAL ? null : major, image.map(Given::value).orElse(null), jdbcUrl,
                allowRemote));
        Seeding seeding = engine(() -> new Seeding(
                number(ConfigOption.ROWS, annotation.rows(), Seeding.DEFAULT_ROWS, "rows, e.g. 1000 (0 turns seeding off)"),
                tableRows(), path(ConfigOption.SEED_SCRIPT, annotation.seedScript()).orElse(null)));
        Load load = engine(() -> new Load(toggle(ConfigOption.LOAD, annotation.load(), true),
                number(ConfigOption.LOAD_RATE, annotation.loadRate(), 0, "requests per second, e.g. 400"),
                number(ConfigOption.LOAD_CLIENTS, annotation.loadClients(), Load.DEFAULT_CLIENTS, "clients, e.g. 4"),
                duration(ConfigOption.LONG_READER, annotation.longReader()).orElse(null)));
        Timeouts timeouts = engine(() -> new Timeouts(duration(ConfigOption.STATEMENT_TIMEOUT,
                annotation.statementTimeout()).orElse(Timeouts.DEFAULT_STATEMENT),
                duration(ConfigOption.LOCK_TIMEOUT, annotation.lockTimeout()).orElse(null)));
        Policy policy = engine(this::policy);
        Map<String, Integer> baseline = path(ConfigOption.BASELINE, annotation.baseline())
                .map(file -> engine(() -> BaselineFiles.checksums(file))).orElse(Map.of());
        dev.rehearsal.runner.stats.ProductionStats productionStats = path(ConfigOption.PRODUCTION_STATS,
                annotation.productionStats()).map(file -> engine(() -> dev.rehearsal.runner.stats.ProductionStatsFiles
                        .read(file))).orElse(null);
        dev.rehearsal.runner.config.SearchPath searchPath = text(ConfigOption.SEARCH_PATH, annotation.searchPath())
                .map(given -> engine(() -> dev.rehearsal.runner.config.SearchPath.parse(given.value()))).orElse(null);
        dev.rehearsal.runner.config.Pending pending = engine(() -> new dev.rehearsal.runner.config.Pending(
                text(ConfigOption.PENDING_AFTER, annotation.pendingAfter()).map(Given::value).orElse(null),
                text(ConfigOption.CHANGED_SINCE, annotation.changedSince()).map(Given::value).orElse(null),
                text(ConfigOption.TEMPLATE_DATABASE, annotation.templateDatabase()).map(Given::value).orElse(null)));
        RolloutPlan plan = path(ConfigOption.PLAN, annotation.plan()).map(file -> engine(() -> PlanFiles.read(file)))
                .orElse(RolloutPlan.none());
        boolean disabledWithoutDocker = annotation.disabledWithoutDocker()
                || toggle(ConfigOption.DISABLED_WITHOUT_DOCKER, Toggle.DEFAULT, false);
        return new Settings(owner, locations, provider, server, disabledWithoutDocker, layout(), pairs(ConfigOption.PLACEHOLDERS,
                annotation.placeholders()), text(ConfigOption.CONTEXTS, annotation.contexts()).map(Given::value)
                .orElse(null), text(ConfigOption.LABELS, annotation.labels()).map(Given::value).orElse(null),
                text(ConfigOption.DJANGO_SETTINGS, annotation.djangoSettings()).map(Given::value).orElse(null),
                text(ConfigOption.PYTHON, annotation.python()).map(Given::value).orElse(null),
                toggle(ConfigOption.FLYWAY_PARITY, annotation.flywayParity(), true),
                baseline, productionStats, searchPath, pending, seeding, load, timeouts, policy, plan, scopeIsJvm(), reports());
    }

    /** {@code none} for either setting turns the reports off. */
    private Optional<ReportTarget> reports() {
        Optional<Given> directory = text(ConfigOption.REPORTS_DIR, annotation.reportsDir());
        List<String> formats = list(ConfigOption.REPORT_FORMATS, annotation.reportFormats());
        boolean formatsNone = formats.size() == 1 && formats.get(0).equalsIgnoreCase("none");
        if (formatsNone || directory.map(d -> d.value().equalsIgnoreCase("none")).orElse(false)) {
            return Optional.empty();
        }
        Path path;
        try {
            path = Path.of(directory.map(Given::value).orElse(ReportTarget.DEFAULT_DIRECTORY));
        } catch (java.nio.file.InvalidPathException e) {
            throw fail(directory.orElseThrow().origin() + " is not a directory path (" + e.getReason()
                    + "); write e.g. rehearsal.reports.dir=" + ReportTarget.DEFAULT_DIRECTORY + ", or none for no reports");
        }
        java.util.Set<dev.rehearsal.report.render.ReportFormat> chosen =
                java.util.EnumSet.noneOf(dev.rehearsal.report.render.ReportFormat.class);
        for (String id : formats) {
            try {
                chosen.add(dev.rehearsal.report.render.ReportFormat.fromId(id));
            } catch (IllegalArgumentException e) {
                String source = annotation.reportFormats().length > 0 ? "reportFormats = \"" + id + "\""
                        : "rehearsal.reports.formats=" + String.join(",", formats);
                throw fail(source + " is not a report format: write some of "
                        + dev.rehearsal.report.render.ReportFormat.knownIds()
                        + " (comma-separated in rehearsal.reports.formats), or none for no reports");
            }
        }
        return Optional.of(new ReportTarget(path, chosen.isEmpty()
                ? java.util.EnumSet.allOf(dev.rehearsal.report.render.ReportFormat.class) : chosen));
    }

    private List<String> locations() {
        List<String> locations = list(ConfigOption.LOCATIONS, annotation.locations());
        if (locations.isEmpty()) {
            return List.of(DEFAULT_LOCATION);
        }
        return locations;
    }

    private int major(Given given) {
        int major;
        try {
            major = Integer.parseInt(given.value());
        } catch (NumberFormatException e) {
            major = -1;
        }
        if (major < BuildInfo.OLDEST_MAJOR || major > BuildInfo.NEWEST_MAJOR) {
            throw fail(given.origin() + " is not supported: choose a PostgreSQL major from " + BuildInfo.OLDEST_MAJOR
                    + " to " + BuildInfo.NEWEST_MAJOR + ", e.g. postgres = \"" + BuildInfo.NEWEST_MAJOR
                    + "\", or leave it out for the default (" + BuildInfo.defaultPostgresMajor() + ")");
        }
        return major;
    }

    private Provider provider(String jdbcUrl) {
        if (annotation.provider() != Provider.DEFAULT) {
            return annotation.provider();
        }
        Optional<String> configured = key(ConfigOption.PROVIDER);
        if (configured.isEmpty()) {
            return jdbcUrl != null ? Provider.EXTERNAL : Provider.EMBEDDED;
        }
        return switch (configured.get().toLowerCase(Locale.ROOT)) {
            case "embedded" -> Provider.EMBEDDED;
            case "testcontainers" -> Provider.TESTCONTAINERS;
            case "external" -> Provider.EXTERNAL;
            default -> throw fail("rehearsal.provider=" + configured.get() + " is not a provider: write "
                    + "rehearsal.provider=embedded, testcontainers or external");
        };
    }

    private MigrationLayout layout() {
        return text(ConfigOption.LAYOUT, annotation.layout()).map(given -> switch (given.value()
                .toLowerCase(Locale.ROOT)) {
            case "auto" -> null;
            case "flyway" -> MigrationLayout.FLYWAY;
            case "golang-migrate" -> MigrationLayout.GOLANG_MIGRATE;
            case "goose" -> MigrationLayout.GOOSE;
            case "dbmate" -> MigrationLayout.DBMATE;
            case "liquibase" -> MigrationLayout.LIQUIBASE;
            case "prisma" -> MigrationLayout.PRISMA;
            case "django" -> MigrationLayout.DJANGO;
            default -> throw fail(given.origin() + " is not a layout: write auto, flyway, golang-migrate, goose,"
                    + " dbmate, liquibase, prisma or django");
        }).orElse(null);
    }

    private Policy policy() {
        Policy policy = Policy.defaults().withFailOn(severity(text(ConfigOption.FAIL_ON, annotation.failOn())))
                .withWriterBlockBudget(duration(ConfigOption.WRITER_BLOCK_BUDGET, annotation.writerBlockBudget())
                        .orElse(Policy.DEFAULT_WRITER_BLOCK_BUDGET))
                .withWalVolumeThreshold(size(ConfigOption.WAL_VOLUME_THRESHOLD, annotation.walVolumeThreshold())
                        .orElse(null));
        for (Map.Entry<String, String> entry : pairs(ConfigOption.SEVERITIES, annotation.severities()).entrySet()) {
            String code = entry.getKey().toUpperCase(Locale.ROOT);
            String level = entry.getValue().toLowerCase(Locale.ROOT);
            policy = level.equals("off") ? policy.withDisabled(code) : policy.withSeverity(code,
                    severity(Optional.of(new Given(level, "severities " + code + "=" + level, true))));
        }
        return policy;
    }

    private Severity severity(Optional<Given> given) {
        if (given.isEmpty()) {
            return Severity.ERROR;
        }
        try {
            return Severity.fromJson(given.get().value().toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw fail(given.get().origin() + " is not a severity: write error, warning or info");
        }
    }

    private Map<String, Integer> tableRows() {
        Map<String, Integer> rows = new LinkedHashMap<>();
        pairs(ConfigOption.TABLE_ROWS, annotation.tableRows()).forEach((table, count) -> {
            try {
                rows.put(table, Integer.valueOf(count));
            } catch (NumberFormatException e) {
                throw fail("tableRows " + table + "=" + count + ": the rows must be a whole number, e.g. "
                        + table + "=5000");
            }
        });
        return rows;
    }

    private boolean scopeIsJvm() {
        String scope = key(ConfigOption.SERVER_SCOPE).orElse("class");
        return switch (scope.toLowerCase(Locale.ROOT)) {
            case "class" -> false;
            case "jvm" -> true;
            default -> throw fail("rehearsal.server.scope=" + scope + " is not a scope: write class (one server per "
                    + "test class, the default) or jvm (one server for all test classes)");
        };
    }

    // --- reading one option: the attribute when set, else its key ---

    private Optional<String> key(ConfigOption option) {
        String key = option.name(FrontDoor.JUNIT_KEY).orElseThrow();
        return parameters.apply(key).map(String::strip).filter(v -> !v.isEmpty());
    }

    private Optional<Given> text(ConfigOption option, String attribute) {
        if (!attribute.isBlank()) {
            return Optional.of(new Given(attribute.strip(), option.name(FrontDoor.ANNOTATION).orElseThrow() + " = \""
                    + attribute.strip() + "\"", true));
        }
        String key = option.name(FrontDoor.JUNIT_KEY).orElseThrow();
        return key(option).map(value -> new Given(value, key + "=" + value, false));
    }

    /** An array attribute, else the key's comma-separated list. */
    private List<String> list(ConfigOption option, String[] attribute) {
        if (attribute.length > 0) {
            return java.util.Arrays.stream(attribute).map(String::strip).filter(v -> !v.isEmpty()).toList();
        }
        return key(option).map(v -> List.of(v.split("\\s*,\\s*"))).orElse(List.of());
    }

    private Map<String, String> pairs(ConfigOption option, String[] attribute) {
        Map<String, String> pairs = new LinkedHashMap<>();
        for (String pair : list(option, attribute)) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                String name = option.name(FrontDoor.ANNOTATION).orElseThrow();
                throw fail(name + " entry '" + pair + "' is not name=value; write e.g. " + name + " = \""
                        + (option == ConfigOption.PLACEHOLDERS ? "schema=app" : option == ConfigOption.TABLE_ROWS
                        ? "public.orders=5000" : "NO_LOCK_TIMEOUT=off") + "\"");
            }
            pairs.put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
        }
        return pairs;
    }

    private boolean toggle(ConfigOption option, Toggle attribute, boolean fallback) {
        if (attribute != Toggle.DEFAULT) {
            return attribute == Toggle.ON;
        }
        Optional<String> value = key(option);
        if (value.isEmpty()) {
            return fallback;
        }
        return switch (value.get().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw fail(option.name(FrontDoor.JUNIT_KEY).orElseThrow() + "=" + value.get()
                    + " is not true or false");
        };
    }

    private int number(ConfigOption option, String attribute, int fallback, String expected) {
        Optional<Given> given = text(option, attribute);
        if (given.isEmpty()) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(given.get().value().replace("_", ""));
            if (parsed < 0) {
                throw new NumberFormatException();
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw fail(given.get().origin() + " is not a whole number of " + expected + "; write e.g. "
                    + (given.get().fromAttribute() ? option.name(FrontDoor.ANNOTATION).orElseThrow() + " = \""
                    + fallback + "\"" : option.name(FrontDoor.JUNIT_KEY).orElseThrow() + "=" + fallback));
        }
    }

    private Optional<Duration> duration(ConfigOption option, String attribute) {
        return text(option, attribute).map(given -> {
            try {
                return Durations.parse(given.value());
            } catch (IllegalArgumentException e) {
                throw fail(given.origin() + ": " + e.getMessage());
            }
        });
    }

    private Optional<Long> size(ConfigOption option, String attribute) {
        return text(option, attribute).map(given -> {
            try {
                return ByteSizes.parse(given.value());
            } catch (IllegalArgumentException e) {
                throw fail(given.origin() + ": " + e.getMessage());
            }
        });
    }

    /** A file, relative to the working directory (with Maven and Gradle: the module's directory). */
    private Optional<Path> path(ConfigOption option, String attribute) {
        return text(option, attribute).map(given -> Path.of(given.value()));
    }

    /** A value the engine's records validate: their message, said of this class. */
    private <T> T engine(Supplier<T> make) {
        try {
            return make.get();
        } catch (RehearsalException e) {
            throw fail(e.getMessage().replaceFirst("^Invalid configuration: ", "").replaceFirst("\\.$", ""));
        }
    }

    private ExtensionConfigurationException fail(String message) {
        return new ExtensionConfigurationException("@MigrationRehearsal on " + owner + ": " + message + ".");
    }
}
