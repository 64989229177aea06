package dev.rehearsal.runner.internal.load;

import dev.rehearsal.runner.internal.seed.CandidatePools;
import dev.rehearsal.runner.internal.seed.CatalogReader;
import dev.rehearsal.runner.internal.seed.ChainDemands;
import dev.rehearsal.runner.internal.seed.ColumnInfo;
import dev.rehearsal.runner.internal.seed.Identifiers;
import dev.rehearsal.runner.internal.seed.ParentKeys;
import dev.rehearsal.runner.internal.seed.RowPlan;
import dev.rehearsal.runner.internal.seed.RowPlanner;
import dev.rehearsal.runner.internal.seed.SeedNotes;
import dev.rehearsal.runner.internal.seed.TableInfo;
import dev.rehearsal.runner.internal.seed.TableInfo.ForeignKey;
import dev.rehearsal.runner.internal.seed.TableInfo.UniqueKey;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * Reads a target table from the catalog and derives its workload: inserts that reuse the seeder's row plans
 * (continuing its row ordinals, so unique values do not collide), updates of up to three non-key columns by
 * primary key (or a NOT NULL unique key), and key lookups.
 */
final class WorkloadBuilder {

    static final int KEY_SAMPLE = 10_000;
    private static final int UPDATED_COLUMNS = 3;
    private static final long INSERTS_PLANNED = 10_000_000;

    private final Connection connection;
    private final CatalogReader catalog;
    private final ParentKeys parentKeys;
    private final long seed;
    private final RowOrdinals ordinals;
    private final ChainDemands demands; // later migrations' casts, NOT NULLs, keys: inserts fit them too
    private final Map<String, KeySample> samples = new HashMap<>();

    private record KeySample(long oid, List<String> columns, List<String[]> tuples) {
    }

    WorkloadBuilder(Connection connection, long seed, RowOrdinals ordinals, ChainDemands demands) {
        this.ordinals = ordinals;
        this.demands = demands;
        this.connection = connection;
        this.catalog = new CatalogReader(connection);
        this.parentKeys = new ParentKeys(connection);
        this.seed = seed;
    }

    /** Every user table the seeder would fill, by SQL name. */
    List<String> allTables() throws SQLException {
        return catalog.tables().stream().map(TableInfo::sqlName).toList();
    }

    /** The workload of a table as it is now, or {@code null} when the table does not exist. */
    TableWorkload build(String target) throws SQLException {
        long oid = catalog.oidOf(target);
        TableInfo table = oid < 0 ? null : demands.applyTo(catalog.table(oid), written -> {
            long parent = catalog.oidOf(written);
            return parent < 0 ? null : catalog.table(parent);
        });
        if (table == null) {
            return null;
        }
        Map<Long, TableInfo> tables = new HashMap<>();
        tables.put(table.oid(), table);
        for (ForeignKey fk : table.foreignKeys()) {
            TableInfo parent = catalog.table(fk.parentOid());
            if (parent != null) {
                tables.put(parent.oid(), parent);
            }
        }
        AtomicLong next = ordinals.of(table.oid(), count(table));
        // the seeder's pools for CHECKs the generators do not read, so inserts pass them instead of being filtered out
        RowPlanner.Outcome outcome = RowPlanner.plan(table, tables, parentKeys, Set.of(), next.get(), INSERTS_PLANNED,
                seed, column -> max(table, column),
                CandidatePools.judge(connection, table, demands.columnDemands(table)));
        Map<String, String> numbered = demands.sequencesFeeding(table, connection);
        RowPlan plan = outcome.plan() == null ? null
                : numberedBySequences(withoutSelfReferences(outcome.plan()), numbered);
        List<ColumnInfo> key = addressingKey(table);
        String insert = plan == null ? null : insertSql(table, plan, outcome.notUnderstood(), numbered);
        List<String> unsure = SeedNotes.columnsOf(table, outcome.notUnderstood());
        if (key.isEmpty()) {
            return new TableWorkload(target, table.oid(), table.displayName(), insert, plan, next, null, List.of(), null,
                    List.of());
        }
        List<String> keyNames = key.stream().map(ColumnInfo::name).toList();
        List<Integer> updatable = updatable(plan, key, unsure);
        List<RowPlan.Source> updated = updatable.stream().map(i -> plan.sources().get(i)).toList();
        String where = keyNames.stream().map(c -> Identifiers.quote(c) + " = ?").collect(Collectors.joining(" AND "));
        String set = updatable.isEmpty() ? Identifiers.quote(keyNames.get(0)) + " = " + Identifiers.quote(keyNames.get(0))
                : updatable.stream().map(i -> Identifiers.quote(plan.columns().get(i).name()) + " = ?")
                .collect(Collectors.joining(", "));
        String update = "UPDATE " + table.sqlName() + " SET " + set + " WHERE " + where;
        String select = "SELECT " + table.columns().stream().map(c -> Identifiers.quote(c.name()))
                .collect(Collectors.joining(", ")) + " FROM " + table.sqlName() + " WHERE " + where;
        return new TableWorkload(target, table.oid(), table.displayName(), insert, plan, next, update, updated, select,
                sample(table, keyNames));
    }

    /** Self-references would point at rows of failed inserts: the load leaves nullable ones NULL. */
    private static RowPlan withoutSelfReferences(RowPlan plan) {
        List<RowPlan.Source> sources = new ArrayList<>();
        for (int i = 0; i < plan.sources().size(); i++) {
            RowPlan.Source source = plan.sources().get(i);
            sources.add(source instanceof RowPlan.SelfReference self && self.nullable() ? new RowPlan.AlwaysNull() : source);
        }
        return plan.withSources(sources);
    }

    /**
     * Columns the chain's own INSERTs number from a sequence ({@code numbered}) are numbered from it here too, as the
     * application's inserts were: their parameter is NULL, and the INSERT takes {@code nextval} instead.
     */
    private static RowPlan numberedBySequences(RowPlan plan, Map<String, String> numbered) {
        if (numbered.isEmpty()) {
            return plan;
        }
        List<RowPlan.Source> sources = new ArrayList<>(plan.sources());
        for (int i = 0; i < sources.size(); i++) {
            if (numbered.containsKey(plan.columns().get(i).name())) {
                sources.set(i, new RowPlan.AlwaysNull());
            }
        }
        return plan.withSources(sources);
    }

    /**
     * {@code INSERT … VALUES}; when the table has CHECKs the generators do not understand, rows go through them
     * first ({@code INSERT … SELECT … WHERE check}), so a row that would break one is skipped instead of failing.
     */
    private static String insertSql(TableInfo table, RowPlan plan, List<TableInfo.Check> notUnderstood,
            Map<String, String> numbered) {
        // a column numbered from a sequence other than its default's takes that sequence, not the default
        List<ColumnInfo> inserted = new ArrayList<>(plan.columns());
        table.columns().stream().filter(c -> numbered.containsKey(c.name()) && !plan.columns().contains(c))
                .forEach(inserted::add);
        if (inserted.isEmpty()) {
            return "INSERT INTO " + table.sqlName() + " DEFAULT VALUES";
        }
        String columns = inserted.stream().map(c -> Identifiers.quote(c.name())).collect(Collectors.joining(", "));
        if (notUnderstood.isEmpty()) {
            return "INSERT INTO " + table.sqlName() + " (" + columns + ") VALUES (" + inserted.stream()
                    .map(c -> value(c, plan, "?", numbered)).collect(Collectors.joining(", ")) + ")";
        }
        String typed = inserted.stream().map(c -> value(c, plan, "?::" + c.type().name(), numbered))
                .collect(Collectors.joining(", "));
        String filter = notUnderstood.stream().map(c -> "(" + c.expression() + ") IS NOT FALSE")
                .collect(Collectors.joining(" AND "));
        return "INSERT INTO " + table.sqlName() + " (" + columns + ") SELECT * FROM (VALUES (" + typed + ")) AS v ("
                + columns + ") WHERE " + filter;
    }

    /**
     * A column's value in the INSERT: its parameter; for a column numbered from a sequence, the sequence's next value
     * in place of the parameter (NULL, {@link #numberedBySequences}), or alone when the plan leaves the column out.
     */
    private static String value(ColumnInfo column, RowPlan plan, String parameter, Map<String, String> numbered) {
        String sequence = numbered.get(column.name());
        if (sequence == null) {
            return parameter;
        }
        String next = "nextval('" + sequence.replace("'", "''") + "')::" + column.type().name();
        return plan.columns().contains(column) ? "coalesce(" + parameter + ", " + next + ")::" + column.type().name()
                : next;
    }

    /** The primary key, or else the first unique key of NOT NULL columns; empty when there is none. */
    private static List<ColumnInfo> addressingKey(TableInfo table) {
        for (UniqueKey key : table.uniqueKeys()) {
            List<ColumnInfo> columns = key.attnums().stream().map(a -> table.column(a).orElse(null)).toList();
            if (!columns.contains(null) && columns.stream().allMatch(ColumnInfo::notNull)
                    && columns.stream().noneMatch(c -> c.generated())) {
                return columns;
            }
        }
        return List.of();
    }

    /**
     * Positions in the plan of up to three columns with random values: not keys, not references, not read by a
     * CHECK the generators do not understand.
     */
    private static List<Integer> updatable(RowPlan plan, List<ColumnInfo> key, List<String> unsure) {
        List<Integer> positions = new ArrayList<>();
        if (plan == null) {
            return positions;
        }
        for (int i = 0; i < plan.columns().size() && positions.size() < UPDATED_COLUMNS; i++) {
            ColumnInfo column = plan.columns().get(i);
            if (plan.sources().get(i) instanceof RowPlan.RandomValue && !key.contains(column)
                    && !unsure.contains(column.name())) {
                positions.add(i);
            }
        }
        return positions;
    }

    private List<String[]> sample(TableInfo table, List<String> keyNames) throws SQLException {
        KeySample known = samples.get(table.sqlName());
        if (known != null && known.oid() == table.oid() && known.columns().equals(keyNames)) {
            return known.tuples();
        }
        String texts = keyNames.stream().map(c -> Identifiers.quote(c) + "::text").collect(Collectors.joining(", "));
        List<String[]> tuples = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT " + texts + " FROM " + table.sqlName() + " LIMIT "
                     + KEY_SAMPLE * 4)) {
            while (rs.next()) {
                String[] tuple = new String[keyNames.size()];
                for (int i = 0; i < tuple.length; i++) {
                    tuple[i] = rs.getString(i + 1);
                }
                tuples.add(tuple);
            }
        }
        Collections.shuffle(tuples, new java.util.Random(seed));
        List<String[]> kept = List.copyOf(tuples.subList(0, Math.min(KEY_SAMPLE, tuples.size())));
        samples.put(table.sqlName(), new KeySample(table.oid(), keyNames, kept));
        return kept;
    }

    private long count(TableInfo table) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT count(*) FROM " + table.sqlName())) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private BigDecimal max(TableInfo table, String column) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT max(" + Identifiers.quote(column) + ")::numeric FROM "
                     + table.sqlName())) {
            rs.next();
            return rs.getBigDecimal(1);
        }
    }
}
