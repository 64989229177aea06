package dev.rehearsal.junit.internal;

import dev.rehearsal.junit.MigrationRehearsal;
import dev.rehearsal.junit.MigrationRehearsal.Provider;
import dev.rehearsal.report.Severity;
import dev.rehearsal.report.render.ReportFormat;
import dev.rehearsal.runner.BuildInfo;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/**
 * Reads {@link MigrationRehearsal} and the {@code rehearsal.*} configuration parameters and validates every value
 * before anything starts; a wrong value is reported with where it came from and how to fix it.
 */
final class SettingsResolver {

    static final String DEFAULT_LOCATION = "classpath:db/migration";

    private final String owner;
    private final MigrationRehearsal annotation;
    private final Function<String, Optional<String>> parameters;

    SettingsResolver(Class<?> testClass, MigrationRehearsal annotation, Function<String, Optional<String>> parameters) {
        this.owner = testClass.getName();
        this.annotation = annotation;
        this.parameters = parameters;
    }

    Settings resolve() {
        String location = location();
        int postgres = postgres();
        String jdbcUrl = text(annotation.jdbcUrl(), "jdbcUrl", "rehearsal.jdbcUrl");
        Provider provider = provider(jdbcUrl);
        String image = text(annotation.image(), "image", "rehearsal.image");
        if (provider == Provider.EXTERNAL && jdbcUrl == null) {
            throw fail("the EXTERNAL provider needs a JDBC URL: add jdbcUrl = \"jdbc:postgresql://localhost:5432/"
                    + "postgres?user=me\" or set rehearsal.jdbcUrl");
        }
        if (provider != Provider.EXTERNAL && jdbcUrl != null) {
            throw fail("a JDBC URL is set, but the provider is " + provider + "; remove the URL, or use "
                    + "provider = EXTERNAL (the default when a URL is set)");
        }
        if (image != null && provider != Provider.TESTCONTAINERS) {
            throw fail("image = \"" + image + "\" needs provider = TESTCONTAINERS (or rehearsal.provider=testcontainers)");
        }
        int rows = annotation.rows() >= 0 ? annotation.rows()
                : intParameter("rehearsal.rows", dev.rehearsal.runner.RehearsalConfig.DEFAULT_ROWS, "rows, e.g. 1000 (0 "
                        + "turns seeding off)");
        if (annotation.rows() < -1) {
            throw fail("rows = " + annotation.rows() + " is negative; write rows = 0 to turn seeding off");
        }
        long budget = annotation.writerBlockBudgetMs() >= 0 ? annotation.writerBlockBudgetMs()
                : intParameter("rehearsal.writerBlockBudgetMs", 100, "milliseconds, e.g. 100");
        return new Settings(owner, location, postgres, provider,
                image != null ? image : "postgres:" + postgres, jdbcUrl, rows, bool(annotation.load(), "load",
                "rehearsal.load", true), severity(), Duration.ofMillis(budget), placeholders(),
                scopeIsJvm(), reports());
    }

    /** {@code none} for either setting turns the reports off. */
    private Optional<ReportTarget> reports() {
        String directory = text(annotation.reportsDir(), "reportsDir", "rehearsal.reports.dir");
        List<String> formats = annotation.reportFormats().length > 0 ? List.of(annotation.reportFormats())
                : parameters.apply("rehearsal.reports.formats").map(String::strip).filter(v -> !v.isEmpty())
                        .map(v -> List.of(v.split("\\s*,\\s*"))).orElse(List.of());
        boolean formatsNone = formats.size() == 1 && formats.get(0).strip().equalsIgnoreCase("none");
        if (formatsNone || "none".equalsIgnoreCase(directory)) {
            return Optional.empty();
        }
        Path path;
        try {
            path = Path.of(directory != null ? directory : ReportTarget.DEFAULT_DIRECTORY);
        } catch (InvalidPathException e) {
            throw fail(origin(annotation.reportsDir(), "reportsDir", "rehearsal.reports.dir", directory)
                    + " is not a directory path (" + e.getReason() + "); write e.g. rehearsal.reports.dir="
                    + ReportTarget.DEFAULT_DIRECTORY + ", or none for no reports");
        }
        Set<ReportFormat> chosen = EnumSet.noneOf(ReportFormat.class);
        for (String id : formats) {
            try {
                chosen.add(ReportFormat.fromId(id));
            } catch (IllegalArgumentException e) {
                String source = annotation.reportFormats().length > 0 ? "reportFormats = \"" + id.strip() + "\""
                        : "rehearsal.reports.formats=" + String.join(",", formats);
                throw fail(source + " is not a report format: write some of " + ReportFormat.knownIds()
                        + " (comma-separated in rehearsal.reports.formats), or none for no reports");
            }
        }
        return Optional.of(new ReportTarget(path, chosen.isEmpty() ? EnumSet.allOf(ReportFormat.class) : chosen));
    }

    private String location() {
        String[] locations = annotation.locations();
        if (locations.length == 0) {
            String configured = parameters.apply("rehearsal.locations").map(String::strip).orElse(DEFAULT_LOCATION);
            locations = configured.split("\\s*,\\s*");
        }
        if (locations.length != 1 || locations[0].isBlank()) {
            throw fail("give exactly one migrations location, e.g. locations = \"classpath:db/migration\" or "
                    + "locations = \"src/main/resources/db/migration\"; got " + Arrays.toString(locations)
                    + " (several locations are not supported yet)");
        }
        return locations[0].strip();
    }

    private int postgres() {
        int major = annotation.postgres() != 0 ? annotation.postgres()
                : intParameter("rehearsal.postgres", BuildInfo.defaultPostgresMajor(), "a PostgreSQL major, e.g. "
                        + BuildInfo.NEWEST_MAJOR);
        if (major < BuildInfo.OLDEST_MAJOR || major > BuildInfo.NEWEST_MAJOR) {
            String source = annotation.postgres() != 0 ? "postgres = " + major : "rehearsal.postgres=" + major;
            throw fail(source + " is not supported: choose a PostgreSQL major from " + BuildInfo.OLDEST_MAJOR + " to "
                    + BuildInfo.NEWEST_MAJOR + ", e.g. postgres = " + BuildInfo.NEWEST_MAJOR
                    + ", or leave it out for the default (" + BuildInfo.defaultPostgresMajor() + ")");
        }
        return major;
    }

    private Provider provider(String jdbcUrl) {
        if (annotation.provider() != Provider.DEFAULT) {
            return annotation.provider();
        }
        Optional<String> configured = parameters.apply("rehearsal.provider").map(String::strip);
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

    private Severity severity() {
        String value = text(annotation.failOn(), "failOn", "rehearsal.failOn");
        if (value == null) {
            return Severity.ERROR;
        }
        try {
            return Severity.fromJson(value.toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw fail(origin(annotation.failOn(), "failOn", "rehearsal.failOn", value) + " is not a severity: write "
                    + "error, warning or info");
        }
    }

    private Map<String, String> placeholders() {
        List<String> pairs = annotation.placeholders().length > 0 ? List.of(annotation.placeholders())
                : parameters.apply("rehearsal.placeholders").map(v -> List.of(v.split("\\s*,\\s*"))).orElse(List.of());
        Map<String, String> placeholders = new LinkedHashMap<>();
        for (String pair : pairs) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw fail("placeholder '" + pair + "' is not name=value; write e.g. placeholders = \"schema=app\"");
            }
            placeholders.put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
        }
        return placeholders;
    }

    private boolean scopeIsJvm() {
        String scope = parameters.apply("rehearsal.server.scope").map(String::strip).orElse("class");
        return switch (scope.toLowerCase(Locale.ROOT)) {
            case "class" -> false;
            case "jvm" -> true;
            default -> throw fail("rehearsal.server.scope=" + scope + " is not a scope: write class (one server per "
                    + "test class, the default) or jvm (one server for all test classes)");
        };
    }

    private String text(String attribute, String name, String key) {
        if (!attribute.isBlank()) {
            return attribute.strip();
        }
        return parameters.apply(key).map(String::strip).filter(v -> !v.isEmpty()).orElse(null);
    }

    private boolean bool(String attribute, String name, String key, boolean fallback) {
        String value = text(attribute, name, key);
        if (value == null) {
            return fallback;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw fail(origin(attribute, name, key, value) + " is not true or false");
        };
    }

    private int intParameter(String key, int fallback, String expected) {
        Optional<String> value = parameters.apply(key).map(String::strip);
        if (value.isEmpty()) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value.get());
            if (parsed < 0) {
                throw new NumberFormatException();
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw fail(key + "=" + value.get() + " is not a whole number of " + expected + "; write e.g. " + key + "="
                    + fallback);
        }
    }

    private static String origin(String attribute, String name, String key, String value) {
        return attribute.isBlank() ? key + "=" + value : name + " = \"" + value + "\"";
    }

    private ExtensionConfigurationException fail(String message) {
        return new ExtensionConfigurationException("@MigrationRehearsal on " + owner + ": " + message + ".");
    }
}
