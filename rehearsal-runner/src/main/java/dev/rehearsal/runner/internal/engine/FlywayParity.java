package dev.rehearsal.runner.internal.engine;

import dev.rehearsal.report.Finding;
import dev.rehearsal.report.FindingType;
import dev.rehearsal.runner.config.RehearsalConfig;
import dev.rehearsal.runner.internal.catalog.CatalogDiff;
import dev.rehearsal.runner.internal.catalog.CatalogSnapshot;
import dev.rehearsal.runner.internal.findings.FindingCollector;
import dev.rehearsal.runner.provision.PostgresServer;
import dev.rehearsal.runner.provision.ScratchDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.database.postgresql.PostgreSQLConfigurationExtension;

/**
 * Production runs Flyway, not Rehearsal: the whole chain is applied with real Flyway to a fresh database and its
 * schema compared with the rehearsed one. Any difference, or a chain Flyway refuses, is a finding.
 */
final class FlywayParity {

    private FlywayParity() {
    }

    /**
     * What Flyway made of the chain on its own fresh database: its schema, or, when Flyway could not apply the chain
     * (or the check itself failed), the findings that say so.
     */
    record Applied(CatalogSnapshot schema, List<Finding> problems) {
    }

    /**
     * Applies the chain with Flyway. Independent of the rehearsal until {@link #compare}, so it may run beside it on
     * another thread (in another database of the same server).
     */
    static Applied apply(PostgresServer server, RehearsalConfig config) {
        try (ScratchDatabase database = server.createDatabase("flyway")) {
            return apply(database, config, null);
        }
    }

    /**
     * Applies the chain with Flyway to {@code database}, a fresh scratch database the caller closes.
     *
     * @param baselineVersion null for an empty database; else the database already holds the history up to this
     *                        version (applied without rehearsal), and Flyway baselines it there, as on a database
     *                        that Flyway did not create, and applies the pending migrations only
     */
    static Applied apply(ScratchDatabase database, RehearsalConfig config, String baselineVersion) {
        FindingCollector findings = new FindingCollector(config.policy(), Map.of());
        try {
            boundRunTime(database, config);
            try {
                FluentConfiguration flyway = Flyway.configure(config.sourceOptions().classLoader())
                        .dataSource(database.dataSource())
                        .locations(flywayLocations(config))
                        .placeholders(config.sourceOptions().placeholders())
                        .loggers("slf4j")
                        // MIXED_TRANSACTIONAL reports each script Flyway refuses by default; parity compares schemas
                        .mixed(true)
                        .cleanDisabled(true);
                if (baselineVersion != null) {
                    flyway.baselineOnMigrate(true).baselineVersion(baselineVersion);
                }
                // Flyway's default transactional advisory lock makes CREATE INDEX CONCURRENTLY wait for
                // Flyway's own transaction forever (flyway/flyway#3682).
                flyway.getConfigurationExtension(PostgreSQLConfigurationExtension.class).setTransactionalLock(false);
                flyway.load().migrate();
            } catch (FlywayException e) {
                findings.add(FindingType.FLYWAY_PARITY, null, null, null, "Flyway could not apply the chain",
                        firstLines(e.getMessage()),
                        "Run the same migrations with Flyway locally (flyway migrate) and fix what it reports; "
                                + "production would stop at the same place.");
                return new Applied(null, findings.findings());
            }
            try (Connection connection = database.connect()) {
                return new Applied(CatalogSnapshot.take(connection), List.of());
            }
        } catch (SQLException e) {
            findings.add(FindingType.FLYWAY_PARITY, null, null, null, "Flyway parity could not be checked",
                    e.getMessage(), "Rehearse again; if it persists, run with --verbose and report it.");
            return new Applied(null, findings.findings());
        }
    }

    /** The finding when Flyway's schema differs from the rehearsed one, or the problems of applying it. */
    static List<Finding> compare(Applied applied, CatalogSnapshot rehearsed, RehearsalConfig config) {
        if (applied.schema() == null) {
            return applied.problems();
        }
        FindingCollector findings = new FindingCollector(config.policy(), Map.of());
        CatalogDiff diff = CatalogDiff.between(rehearsed, applied.schema(), "after rehearsal", "after flyway migrate");
        if (!diff.isEmpty()) {
            findings.add(FindingType.FLYWAY_PARITY, null, null, null,
                    "Flyway produces a different schema than the rehearsal", String.join("\n", diff.lines()),
                    "Check placeholders, .sql.conf settings and repeatable migrations: Flyway applied them "
                            + "differently. Rehearse with the same configuration Flyway uses in production.");
        }
        return findings.findings();
    }

    /** A chain that hangs under Flyway must fail the parity check, not hang the rehearsal. */
    private static void boundRunTime(ScratchDatabase database, RehearsalConfig config) throws SQLException {
        try (Connection connection = database.connect(); java.sql.Statement statement = connection.createStatement()) {
            statement.execute("ALTER DATABASE " + database.name() + " SET statement_timeout = '"
                    + config.statementTimeout().toMillis() + "ms'");
        }
    }

    /** Flyway resolves relative directories against the JVM's working directory; Rehearsal against its own. */
    private static String[] flywayLocations(RehearsalConfig config) {
        return config.sources().locations().stream().map(location -> {
            if (location.startsWith("classpath:")) {
                return location;
            }
            String directory = location.startsWith("filesystem:") ? location.substring("filesystem:".length())
                    : location;
            return "filesystem:" + config.sourceOptions().workingDirectory().resolve(Path.of(directory)).normalize();
        }).toArray(String[]::new);
    }

    private static String firstLines(String message) {
        return message == null ? "(no message)" : message.lines().limit(8).reduce((a, b) -> a + "\n" + b).orElse("");
    }
}
