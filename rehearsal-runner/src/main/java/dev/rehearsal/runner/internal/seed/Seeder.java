package dev.rehearsal.runner.internal.seed;

import dev.rehearsal.report.SeedSummary;
import dev.rehearsal.report.SeedSummary.SeededTable;
import dev.rehearsal.runner.core.ErrorCode;
import dev.rehearsal.runner.core.RehearsalException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Fills every user table of a database with generated rows that satisfy its types and constraints, parents before
 * children, then refreshes planner statistics. A table that cannot be filled is left as it was and reported in
 * its {@link SeededTable#note()}; seeding goes on with the other tables.
 */
public final class Seeder {

    private Seeder() {
    }

    /**
     * Seeds the database of {@code connection}, committing table by table; the connection's auto-commit setting is
     * restored afterwards.
     *
     * @throws RehearsalException when the seed script fails or the connection is lost
     */
    public static SeedSummary seed(Connection connection, SeedOptions options) {
        return seed(connection, options, ChainDemands.NONE);
    }

    /** Like {@link #seed(Connection, SeedOptions)}, with values that also fit what later migrations will demand. */
    public static SeedSummary seed(Connection connection, SeedOptions options, ChainDemands demands) {
        return seed(connection, options, demands, table -> true);
    }

    /**
     * Like {@link #seed(Connection, SeedOptions, ChainDemands)}, filling only the tables {@code wanted} accepts and
     * the tables their foreign keys reference (transitively), whose keys the wanted rows need.
     */
    public static SeedSummary seed(Connection connection, SeedOptions options, ChainDemands demands,
            java.util.function.Predicate<TableInfo> wanted) {
        return seed(connection, null, options, demands, wanted);
    }

    /**
     * Like {@link #seed(Connection, SeedOptions, ChainDemands, java.util.function.Predicate)}, filling tables that no
     * foreign key ties together side by side, on {@code connection} and on a session {@code more} opens on the same
     * database ({@code null}: one after the other on {@code connection}). The rows are the same either way.
     */
    public static SeedSummary seed(Connection connection, MoreSessions more, SeedOptions options, ChainDemands demands,
            java.util.function.Predicate<TableInfo> wanted) {
        return seed(connection, more, options, demands, wanted, null);
    }

    /**
     * Like {@link #seed(Connection, MoreSessions, SeedOptions, ChainDemands, java.util.function.Predicate)}, taking a
     * table's count from {@code counts} when the server shows that its rows have not changed since an earlier seeding
     * of the same chain counted them ({@code null}: every table is counted).
     */
    public static SeedSummary seed(Connection connection, MoreSessions more, SeedOptions options, ChainDemands demands,
            java.util.function.Predicate<TableInfo> wanted, RowCounts counts) {
        long started = System.nanoTime();
        try {
            boolean autoCommit = connection.getAutoCommit();
            try {
                connection.setAutoCommit(true);
                if (options.seedScript() != null) {
                    runScript(connection, options);
                }
                RowCounts kept = counts;
                if (kept == null || options.seedScript() != null) {
                    kept = new RowCounts(); // never refreshed: it keeps nothing, every table is counted
                } else {
                    kept.refresh(connection);
                }
                List<SeededTable> seeded = seedTables(connection, more, options, demands, wanted, kept);
                return new SeedSummary(seeded, (System.nanoTime() - started) / 1e6);
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new RehearsalException(ErrorCode.CONNECTION_LOST,
                    "Seeding failed: " + e.getMessage() + ". Check that the server is running and reachable.", e);
        }
    }

    /** Opens another session on the database being seeded, with the same settings as the first. */
    @FunctionalInterface
    public interface MoreSessions {
        Connection open() throws SQLException;
    }

    private static List<SeededTable> seedTables(Connection connection, MoreSessions more, SeedOptions options,
            ChainDemands demands, java.util.function.Predicate<TableInfo> wanted, RowCounts counts)
            throws SQLException {
        CatalogReader catalog = new CatalogReader(connection);
        List<TableInfo> raw = catalog.tables();
        List<TableInfo> withDemands = new ArrayList<>();
        for (TableInfo table : raw) {
            withDemands.add(demands.applyTo(table, written -> ChainDemands.named(raw, written)));
        }
        List<TableInfo> tables = TableOrder.openingCycles(withParents(withDemands, wanted));
        TableOrder order = TableOrder.of(tables);
        Map<Long, TableInfo> byOid = new HashMap<>();
        tables.forEach(t -> byOid.put(t.oid(), t));
        for (TableInfo table : tables) { // referenced tables the seeder does not fill still provide keys
            for (TableInfo.ForeignKey fk : table.foreignKeys()) {
                if (!byOid.containsKey(fk.parentOid())) {
                    TableInfo parent = catalog.table(fk.parentOid());
                    if (parent != null) {
                        byOid.put(parent.oid(), parent);
                    }
                }
            }
        }
        connection.setAutoCommit(false);
        java.util.function.Function<TableInfo, List<ColumnDemand>> columnDemands = table -> {
            List<ColumnDemand> all = new ArrayList<>(options.demandsFor(table));
            all.addAll(demands.columnDemands(table));
            return all;
        };
        List<TableInfo> fill = order.order();
        // no trigger or rule fires on INSERT: tables may go side by side, and a superuser may check keys per table
        boolean quiet = !fill.isEmpty() && SeedSchedule.safeFor(connection);
        boolean keysAtOnce = quiet && ForeignKeyCheck.superuser(connection);
        TableSeeder seeder = new TableSeeder(connection, new ParentKeys(connection), byOid, order.nullFilled(),
                options.seed(), columnDemands, keysAtOnce, counts);
        SeededTable[] filled = new SeededTable[fill.size()];
        List<TableSeeder> seeders = new ArrayList<>(List.of(seeder));
        if (more != null && fill.size() > 1 && quiet) {
            Set<String> nullFilled = order.nullFilled();
            TableSeeder second = SeedSchedule.fillSideBySide(fill, options, seeder, more, c -> new TableSeeder(c,
                    new ParentKeys(c), byOid, nullFilled, options.seed(), columnDemands, keysAtOnce, counts), filled);
            if (second != null) {
                seeders.add(second);
            }
        } else {
            for (int i = 0; i < fill.size(); i++) {
                filled[i] = seeder.seed(fill.get(i), options.rowsFor(fill.get(i)));
            }
        }
        List<SeededTable> results = new ArrayList<>(List.of(filled));
        List<TableInfo> toAnalyze = new ArrayList<>();
        for (TableInfo table : fill) {
            if (seeders.stream().anyMatch(s -> s.changed(table))) {
                toAnalyze.add(table); // statistics of a table left alone are still good; ANALYZE costs seconds
            }
        }
        for (TableInfo table : fill) { // the chain's own INSERTs go on numbering after the generated rows
            SequenceFedColumns.advance(connection, table, demands.sequencesNamed(table));
        }
        for (Map.Entry<TableInfo, String> blocked : order.blocked().entrySet()) {
            results.add(new SeededTable(blocked.getKey().displayName(), seeder.count(blocked.getKey()), blocked.getValue()));
        }
        connection.commit();
        connection.setAutoCommit(true);
        analyze(connection, toAnalyze);
        return results;
    }

    /** The wanted tables and every table their foreign keys reach, in catalog order. */
    private static List<TableInfo> withParents(List<TableInfo> tables, java.util.function.Predicate<TableInfo> wanted) {
        Map<Long, TableInfo> byOid = new HashMap<>();
        tables.forEach(t -> byOid.put(t.oid(), t));
        java.util.Set<Long> kept = new java.util.HashSet<>();
        java.util.ArrayDeque<TableInfo> todo = new java.util.ArrayDeque<>(tables.stream().filter(wanted).toList());
        while (!todo.isEmpty()) {
            TableInfo table = todo.pop();
            if (kept.add(table.oid())) {
                for (TableInfo.ForeignKey fk : table.foreignKeys()) {
                    TableInfo parent = byOid.get(fk.parentOid());
                    if (parent != null) {
                        todo.push(parent);
                    }
                }
            }
        }
        return tables.stream().filter(t -> kept.contains(t.oid())).toList();
    }

    private static void analyze(Connection connection, List<TableInfo> tables) throws SQLException {
        if (tables.isEmpty()) {
            return;
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("ANALYZE " + tables.stream().map(TableInfo::sqlName).collect(Collectors.joining(", ")));
        }
    }

    /**
     * Runs a seed script: {@code false} when it refers to a table or column the migrations have not created yet
     * (nothing was changed; it runs again before the next migration).
     */
    public static boolean runScriptWhenReady(Connection connection, java.nio.file.Path script) {
        try {
            runScript(connection, SeedOptions.defaults().seedScript(script));
            return true;
        } catch (RehearsalException e) {
            if (e.getCause() instanceof SQLException sql
                    && ("42P01".equals(sql.getSQLState()) || "42703".equals(sql.getSQLState()))) {
                return false;
            }
            throw e;
        }
    }

    private static void runScript(Connection connection, SeedOptions options) {
        String sql;
        try {
            sql = Files.readString(options.seedScript(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new RehearsalException(ErrorCode.INVALID_OPTION,
                    "Cannot read the seed script " + options.seedScript() + ": " + e.getMessage()
                            + ". Pass an existing, readable UTF-8 SQL file.", e);
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new RehearsalException(ErrorCode.INVALID_SCRIPT,
                    "The seed script " + options.seedScript() + " failed: " + e.getMessage()
                            + ". Fix the script; it runs before rows are generated, against the schema as migrated so far.",
                    e);
        }
    }
}
