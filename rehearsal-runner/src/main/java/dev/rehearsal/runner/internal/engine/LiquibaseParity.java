package dev.rehearsal.runner.internal.engine;

import dev.rehearsal.report.Finding;
import dev.rehearsal.report.FindingType;
import dev.rehearsal.runner.config.RehearsalConfig;
import dev.rehearsal.runner.internal.catalog.CatalogDiff;
import dev.rehearsal.runner.internal.catalog.CatalogObject;
import dev.rehearsal.runner.internal.catalog.CatalogSnapshot;
import dev.rehearsal.runner.internal.findings.FindingCollector;
import dev.rehearsal.runner.internal.source.LiquibaseUpdate;
import dev.rehearsal.runner.provision.PostgresServer;
import dev.rehearsal.runner.provision.ScratchDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Production runs Liquibase, not Rehearsal: the changelog is applied with real {@code liquibase update} to a fresh
 * database and its schema, without Liquibase's own history tables, compared with the rehearsed one. A changelog
 * Liquibase refuses (validation, checksums, a failing precondition with onFail HALT) or a different schema is a
 * finding. What it catches that the rehearsal cannot see: preconditions that skip a changeSet (onFail MARK_RAN),
 * custom Java changes, and anything else Liquibase does at run time rather than in SQL it can print.
 */
final class LiquibaseParity {

    private LiquibaseParity() {
    }

    static FlywayParity.Applied apply(PostgresServer server, RehearsalConfig config) {
        FindingCollector findings = new FindingCollector(config.policy(), Map.of());
        try (ScratchDatabase database = server.createDatabase("liquibase")) {
            try (Connection connection = database.connect(); java.sql.Statement statement = connection.createStatement()) {
                // a changelog that hangs under Liquibase must fail the check, not hang the rehearsal
                statement.execute("ALTER DATABASE " + database.name() + " SET statement_timeout = '"
                        + config.statementTimeout().toMillis() + "ms'");
            }
            try {
                LiquibaseUpdate.apply(config.sources().locations(), config.sourceOptions(), database.connect());
            } catch (Exception e) {
                findings.add(FindingType.LIQUIBASE_PARITY, null, null, null, "Liquibase could not apply the changelog",
                        firstLines(e), "Run the same changelog with liquibase update locally and fix what it reports;"
                                + " production would stop at the same place.");
                return new FlywayParity.Applied(null, findings.findings());
            }
            try (Connection connection = database.connect()) {
                return new FlywayParity.Applied(withoutHistory(CatalogSnapshot.take(connection)), List.of());
            }
        } catch (SQLException e) {
            findings.add(FindingType.LIQUIBASE_PARITY, null, null, null, "Liquibase parity could not be checked",
                    e.getMessage(), "Rehearse again; if it persists, run with --verbose and report it.");
            return new FlywayParity.Applied(null, findings.findings());
        }
    }

    /** The finding when Liquibase's schema differs from the rehearsed one, or the problems of applying it. */
    static List<Finding> compare(FlywayParity.Applied applied, CatalogSnapshot rehearsed, RehearsalConfig config) {
        if (applied.schema() == null) {
            return applied.problems();
        }
        FindingCollector findings = new FindingCollector(config.policy(), Map.of());
        CatalogDiff diff = CatalogDiff.between(rehearsed, applied.schema(), "after rehearsal",
                "after liquibase update");
        if (!diff.isEmpty()) {
            findings.add(FindingType.LIQUIBASE_PARITY, null, null, null,
                    "Liquibase produces a different schema than the rehearsal", String.join("\n", diff.lines()),
                    "Check preconditions (onFail MARK_RAN or CONTINUE skips a changeSet), custom changes, contexts,"
                            + " labels and properties: Liquibase applied them differently. Rehearse with the same"
                            + " configuration Liquibase uses in production.");
        }
        return findings.findings();
    }

    private static CatalogSnapshot withoutHistory(CatalogSnapshot snapshot) {
        List<CatalogObject> kept = snapshot.objects().values().stream()
                .filter(o -> !LiquibaseUpdate.isHistoryObject(o.name())).toList();
        Map<String, List<String>> order = new LinkedHashMap<>(snapshot.columnOrder());
        order.keySet().removeIf(LiquibaseUpdate::isHistoryObject);
        return CatalogSnapshot.of(kept, order);
    }

    private static String firstLines(Exception e) {
        Throwable cause = e;
        String message = e.getMessage();
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
            if (cause.getMessage() != null) {
                message = cause.getMessage();
            }
        }
        return message == null ? e.getClass().getSimpleName()
                : message.lines().limit(8).reduce((a, b) -> a + "\n" + b).orElse("");
    }
}
