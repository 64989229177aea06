package dev.rehearsal.runner.internal.seed;

import dev.rehearsal.runner.internal.util.SqlScan;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the whole chain will demand of today's columns, read before the first migration runs: a text column later
 * cast to jsonb, uuid, an integer, a timestamp or an enum (by a migration, or by a trigger it attaches,
 * {@link TriggerCasts}) gets values of that shape now; a column later made NOT
 * NULL gets no NULLs; columns of a later unique key get distinct values; a later CHECK the seeder understands is
 * obeyed already. Generated rows then fit the migrations ahead, as production rows would have; values stay text
 * for the text column they go into.
 */
public final class ChainDemands {

    public static final ChainDemands NONE = new ChainDemands(Map.of());

    /** The demands on one table's columns, by folded column name. */
    private static final class TableDemands {
        final Map<String, CastShapes.Shape> casts = new LinkedHashMap<>();
        final java.util.Set<String> notNull = new java.util.HashSet<>();
        final List<List<String>> uniques = new ArrayList<>();
        final LaterChecks checks = new LaterChecks();
        final List<ColumnInfo> generated = new ArrayList<>();
        /** Later foreign keys: the rows must reference rows their parent holds when the key is validated. */
        final List<DemandParser.References> references = new ArrayList<>();
        /** Columns copied with others into one unique column: the share of their parent's rows each may use. */
        final Map<String, TableInfo.Share> shares = new HashMap<>();
        /** Join columns of which each row may set only one (takeTurns): the rows in which each is set. */
        final Map<String, TableInfo.Share> turns = new HashMap<>();
        /** Columns the chain's INSERTs number with nextval of a sequence: the sequence, as written, by column. */
        final Map<String, String> sequenceFed = new LinkedHashMap<>();
    }

    /** Finds a parent table by its name as a statement wrote it; {@code null} when it does not exist (yet). */
    @FunctionalInterface
    public interface TableLookup {
        TableInfo named(String written) throws java.sql.SQLException;
    }

    /** The parent oid of a key read ahead whose parent table does not exist yet: no table has it. */
    static final long NOT_CREATED_YET = 0;

    /** Name of the foreign keys read ahead, so a cycle they would close can be told from the catalog's own. */
    static final String LATER_FOREIGN_KEY = "a later foreign key";

    private final Map<String, TableDemands> byTable;

    private ChainDemands(Map<String, TableDemands> byTable) {
        this.byTable = byTable;
    }

    /** Reads the statements of every up script of the chain, in order. */
    public static ChainDemands of(List<List<String>> scripts) {
        Map<String, List<String>> enumLabels = new HashMap<>();
        Map<String, TableDemands> byTable = new HashMap<>();
        List<CopiedColumns.Copy> copies = new ArrayList<>();
        TriggerCasts triggers = new TriggerCasts();
        for (List<String> script : scripts) {
            // a goose StatementBegin block or a Java migration's string holds several statements: each is read
            for (String statement : script.stream().flatMap(s -> SqlScan.statements(s).stream()).toList()) {
                String sql = DemandParser.withoutComments(statement).strip();
                CastShapes.enumLabels(sql, enumLabels);
                copies.addAll(CopiedColumns.of(sql));
                for (SequenceFedColumns.Fed fed : SequenceFedColumns.of(sql)) {
                    byTable.computeIfAbsent(fed.table(), t -> new TableDemands()).sequenceFed
                            .putIfAbsent(fed.column(), fed.sequence());
                }
                List<DemandParser.Demand> demands = new ArrayList<>(triggers.read(sql));
                demands.addAll(DemandParser.of(sql));
                for (DemandParser.Demand demand : demands) {
                    TableDemands table = byTable.computeIfAbsent(demand.table(), t -> new TableDemands());
                    if (demand instanceof DemandParser.Cast cast) {
                        CastShapes.Shape shape = CastShapes.of(cast, enumLabels);
                        if (shape != null) {
                            table.casts.putIfAbsent(cast.column(), shape); // the first cast meets today's text
                        }
                    } else if (demand instanceof DemandParser.NotNull notNull) {
                        table.notNull.add(notNull.column());
                    } else if (demand instanceof DemandParser.Unique unique) {
                        table.uniques.add(unique.columns());
                    } else if (demand instanceof DemandParser.Added added) {
                        table.checks.added(added);
                    } else if (demand instanceof DemandParser.Updated updated) {
                        table.checks.updated(updated);
                    } else if (demand instanceof DemandParser.Check check) {
                        table.checks.check(check.expression());
                    } else if (demand instanceof DemandParser.References references) {
                        table.references.add(references);
                    } else if (demand instanceof DemandParser.Generated generated) {
                        table.generated.add(new ColumnInfo(0, generated.column(), CastShapes.typeOf(generated.type(), enumLabels),
                                false, false, true, generated.expression(), null));
                    }
                }
            }
        }
        copiedBack(copies, byTable);
        return new ChainDemands(Map.copyOf(byTable));
    }

    /**
     * A unique key or NOT NULL on columns an {@code INSERT … SELECT} fills from another table's columns holds for
     * those too: the copy of a generated duplicate or NULL would break it (CopiedColumns). When several tables are
     * copied into one unique column, their values must also differ from each other's: each source column that is a
     * foreign key then references a share of its parent's rows of its own (Documenso's envelope migration copies both
     * documents' and templates' data rows into one unique column); any other source column takes a share of its
     * unique values of its own (every k-th value), so that two tables' rows never hold the same one.
     */
    private static void copiedBack(List<CopiedColumns.Copy> copies, Map<String, TableDemands> byTable) {
        for (Map.Entry<String, TableDemands> target : Map.copyOf(byTable).entrySet()) {
            Map<String, List<CopiedColumns.Copy>> into = new HashMap<>();
            copies.stream().filter(c -> c.table().equals(target.getKey()) && !c.sourceTable().equals(target.getKey()))
                    .distinct().forEach(c -> into.computeIfAbsent(c.column(), k -> new ArrayList<>()).add(c));
            if (into.isEmpty()) {
                continue;
            }
            for (List<String> unique : List.copyOf(target.getValue().uniques)) {
                if (unique.size() == 1) {
                    List<CopiedColumns.Copy> sources = into.getOrDefault(unique.get(0), List.of());
                    sources.forEach(source -> demandsOf(byTable, source).uniques.add(List.of(source.sourceColumn())));
                    Map<String, List<CopiedColumns.Copy>> bySource = bySourceColumn(sources);
                    shareOut(bySource, byTable);
                    takeTurns(bySource, byTable);
                    continue;
                }
                List<CopiedColumns.Copy> sources = unique.stream()
                        .map(column -> into.getOrDefault(column, List.of()).stream().findFirst().orElse(null)).toList();
                if (!sources.contains(null) && sources.stream().map(CopiedColumns.Copy::sourceTable).distinct().count() == 1) {
                    demandsOf(byTable, sources.get(0)).uniques
                            .add(sources.stream().map(CopiedColumns.Copy::sourceColumn).toList());
                }
            }
            for (String column : List.copyOf(target.getValue().notNull)) {
                into.getOrDefault(column, List.of())
                        .forEach(source -> demandsOf(byTable, source).notNull.add(source.sourceColumn()));
            }
        }
    }

    /**
     * One column of one table copied several times into one unique column, each time from the rows joined on another
     * of its columns ({@code JOIN meta m ON m.document_id = d.id}, then {@code ON m.template_id = t.id}): a row with
     * two of those columns set would be copied twice. The join columns take turns: each row sets one (Documenso's
     * DocumentMeta, a document's or a template's).
     */
    private static void takeTurns(Map<String, List<CopiedColumns.Copy>> bySource, Map<String, TableDemands> byTable) {
        for (List<CopiedColumns.Copy> copies : bySource.values()) {
            if (copies.stream().anyMatch(c -> c.joinColumn() == null)) {
                continue;
            }
            List<String> joins = copies.stream().map(CopiedColumns.Copy::joinColumn).distinct().sorted().toList();
            if (joins.size() < 2) {
                continue;
            }
            TableDemands demands = demandsOf(byTable, copies.get(0));
            for (int i = 0; i < joins.size(); i++) {
                demands.turns.putIfAbsent(joins.get(i), new TableInfo.Share(i, joins.size()));
            }
        }
    }

    private static TableDemands demandsOf(Map<String, TableDemands> byTable, CopiedColumns.Copy source) {
        return byTable.computeIfAbsent(source.sourceTable(), t -> new TableDemands());
    }

    /** The copies into one column by source column ({@code table.column}), in name order. */
    private static Map<String, List<CopiedColumns.Copy>> bySourceColumn(List<CopiedColumns.Copy> sources) {
        Map<String, List<CopiedColumns.Copy>> bySource = new java.util.TreeMap<>();
        sources.forEach(c -> bySource.computeIfAbsent(c.sourceTable() + "." + c.sourceColumn(), k -> new ArrayList<>())
                .add(c));
        return bySource;
    }

    /** Gives each of several columns copied into one unique column a share of its parent's rows (in name order). */
    private static void shareOut(Map<String, List<CopiedColumns.Copy>> bySource, Map<String, TableDemands> byTable) {
        if (bySource.size() < 2) {
            return;
        }
        int index = 0;
        for (List<CopiedColumns.Copy> copies : bySource.values()) {
            CopiedColumns.Copy source = copies.get(0);
            demandsOf(byTable, source).shares.putIfAbsent(source.sourceColumn(), new TableInfo.Share(index++,
                    bySource.size()));
        }
    }

    public boolean isEmpty() {
        return byTable.isEmpty();
    }

    /**
     * Every demand in one canonical text (tables, columns and lists sorted): equal for two chains whose migrations
     * differ in ways that ask nothing different of the rows, so rows seeded for one fit the other.
     */
    public String fingerprint() {
        StringBuilder text = new StringBuilder();
        new java.util.TreeMap<>(byTable).forEach((table, demands) -> {
            text.append(table).append('\n');
            line(text, "cast", new java.util.TreeMap<>(demands.casts).entrySet());
            line(text, "not null", demands.notNull);
            line(text, "unique", demands.uniques);
            demands.checks.fingerprint(text);
            line(text, "generated", demands.generated);
            line(text, "references", demands.references);
            line(text, "share", new java.util.TreeMap<>(demands.shares).entrySet());
            line(text, "turn", new java.util.TreeMap<>(demands.turns).entrySet());
            line(text, "sequence", new java.util.TreeMap<>(demands.sequenceFed).entrySet());
        });
        return text.toString();
    }

    /** One kind of demand, each as its record prints it, in sorted order (the chain's order says nothing here). */
    static void line(StringBuilder text, String kind, java.util.Collection<?> demands) {
        if (!demands.isEmpty()) {
            text.append(' ').append(kind).append(' ')
                    .append(demands.stream().map(String::valueOf).sorted().toList()).append('\n');
        }
    }

    /**
     * The existing sequences the chain's INSERTs number integer columns of {@code table} from, by column name
     * ({@link SequenceFedColumns}): the write load numbers its rows from them.
     */
    public Map<String, String> sequencesFeeding(TableInfo table, java.sql.Connection connection)
            throws java.sql.SQLException {
        return SequenceFedColumns.existing(connection, sequencesNamed(table));
    }

    /**
     * Those sequences as the chain names them, whether they exist yet or not: generated rows leave each one that does
     * past their values ({@link SequenceFedColumns#advance} skips the others in the same query).
     */
    Map<String, String> sequencesNamed(TableInfo table) {
        TableDemands demands = table == null ? null : byTable.get(table.name());
        return demands == null ? Map.of() : SequenceFedColumns.feeding(demands.sequenceFed, table);
    }

    /** The table as the seeder and the write load should see it: its columns shaped by what lies ahead. */
    public TableInfo applyTo(TableInfo table) {
        try {
            return applyTo(table, written -> null);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e); // the lookup above reads nothing
        }
    }

    /**
     * As {@link #applyTo(TableInfo)}, and with the foreign keys later migrations add to it whose parent exists now
     * (found with {@code parents}): its rows then reference rows the parent holds, as production's did when the key
     * was validated. A nullable key whose parent is created later is left NULL.
     */
    public TableInfo applyTo(TableInfo table, TableLookup parents) throws java.sql.SQLException {
        TableDemands demands = table == null ? null : byTable.get(table.name());
        if (demands == null) {
            return table;
        }
        List<ColumnInfo> columns = new ArrayList<>();
        for (ColumnInfo c : table.columns()) {
            PgType type = CastShapes.shaped(c.type(), demands.casts.get(c.name()));
            boolean notNull = c.notNull() || demands.notNull.contains(c.name());
            columns.add(new ColumnInfo(c.attnum(), c.name(), type, notNull, c.identity(), c.generated(),
                    c.generationExpr(), c.defaultExpr()));
        }
        List<TableInfo.UniqueKey> keys = new ArrayList<>(table.uniqueKeys());
        for (List<String> unique : demands.uniques) {
            List<Integer> attnums = unique.stream().map(n -> table.column(n).map(ColumnInfo::attnum).orElse(-1)).toList();
            if (!attnums.contains(-1) && keys.stream().noneMatch(k -> k.attnums().equals(attnums))) {
                keys.add(new TableInfo.UniqueKey("a later unique key on " + String.join(", ", unique), attnums, false));
            }
        }
        keys.replaceAll(key -> sharedKey(key, table, demands));
        List<TableInfo.Check> checks = new ArrayList<>(table.checks());
        for (LaterChecks.ReadCheck check : demands.checks.read(table)) {
            String definition = "CHECK (" + check.expression() + ")";
            // only checks fully read into value rules (unread ones go through columnDemands): a later check may
            // name columns that do not exist yet
            if (check.columns().stream().allMatch(n -> table.column(n).isPresent())
                    && checks.stream().noneMatch(ch -> ch.definition().equals(definition))) {
                checks.add(new TableInfo.Check("a later check", definition, check.expression(), check.columns().stream()
                        .map(n -> table.column(n).orElseThrow().attnum()).toList()));
            }
        }
        List<ColumnInfo> later = demands.generated.stream().filter(g -> table.column(g.name()).isEmpty()).toList();
        List<TableInfo.ForeignKey> foreignKeys = foreignKeys(table, demands, parents).stream()
                .map(fk -> shared(fk, table, demands)).toList();
        return new TableInfo(table.oid(), table.schema(), table.name(), columns, keys, foreignKeys, checks,
                table.partitioning(), later);
    }

    /**
     * A one-column unique key on a column copied with other tables' columns into one unique column: its values are a
     * share of the column's of its own (a foreign key's column gets a share of the parent's rows instead).
     */
    private static TableInfo.UniqueKey sharedKey(TableInfo.UniqueKey key, TableInfo table, TableDemands demands) {
        if (key.attnums().size() != 1 || key.share() != null
                || table.foreignKeys().stream().anyMatch(fk -> fk.attnums().equals(key.attnums()))) {
            return key;
        }
        String column = table.column(key.attnums().get(0)).map(ColumnInfo::name).orElse(null);
        TableInfo.Share share = column == null ? null : demands.shares.get(column);
        return share == null ? key : key.sharing(share);
    }

    /** A one-column key with the share of the parent's rows and the turn among the table's rows its column has. */
    private static TableInfo.ForeignKey shared(TableInfo.ForeignKey fk, TableInfo table, TableDemands demands) {
        String column = fk.attnums().size() != 1 ? null
                : table.column(fk.attnums().get(0)).map(ColumnInfo::name).orElse(null);
        if (column == null) {
            return fk;
        }
        TableInfo.ForeignKey shaped = fk;
        if (demands.shares.containsKey(column)) {
            shaped = shaped.sharing(demands.shares.get(column));
        }
        if (demands.turns.containsKey(column)) {
            shaped = shaped.takingTurns(demands.turns.get(column));
        }
        return shaped;
    }

    private static List<TableInfo.ForeignKey> foreignKeys(TableInfo table, TableDemands demands, TableLookup parents)
            throws java.sql.SQLException {
        List<TableInfo.ForeignKey> keys = new ArrayList<>(table.foreignKeys());
        for (DemandParser.References reference : demands.references) {
            List<Integer> attnums = reference.columns().stream()
                    .map(n -> table.column(n).map(ColumnInfo::attnum).orElse(-1)).toList();
            if (attnums.contains(-1)) {
                continue; // a column that does not exist yet
            }
            TableInfo parent = parents.named(reference.parent());
            boolean nullable = reference.columns().stream().allMatch(n -> !table.column(n).orElseThrow().notNull()
                    && !demands.notNull.contains(n));
            if (parent == null && nullable) {
                // the parent is created later: nothing it will hold can be referred to now, and NULL is what the key
                // accepts then (Fineract creates every table before its keys, children before some parents)
                keys.add(new TableInfo.ForeignKey(LATER_FOREIGN_KEY + " " + String.join("_", reference.columns())
                        + " → " + reference.parent() + ", created later", attnums, NOT_CREATED_YET, List.of()));
                continue;
            }
            if (parent == null) {
                continue; // NOT NULL: the values stay as generated, and the rehearsal's probe removes what it rejects
            }
            // a reference to the table itself is filled as the catalog's are (RowPlanner: NULL or an earlier row)
            List<Integer> parentAttnums = reference.parentColumns().isEmpty()
                    ? parent.primaryKey().map(TableInfo.UniqueKey::attnums).orElse(List.of())
                    : reference.parentColumns().stream()
                            .map(n -> parent.column(n).map(ColumnInfo::attnum).orElse(-1)).toList();
            if (parentAttnums.size() != attnums.size() || parentAttnums.contains(-1)
                    || keys.stream().anyMatch(k -> k.attnums().equals(attnums) && k.parentOid() == parent.oid())) {
                continue;
            }
            keys.add(new TableInfo.ForeignKey(LATER_FOREIGN_KEY + " " + String.join("_", reference.columns()) + " → "
                    + parent.name(), attnums, parent.oid(), parentAttnums));
        }
        return keys;
    }

    /** The table a statement names, among {@code tables}: by its folded name, and by its schema when written. */
    static TableInfo named(List<TableInfo> tables, String written) {
        String name = DemandParser.tableName(written);
        String schema = DemandParser.schemaName(written);
        return tables.stream().filter(t -> t.name().equals(name) && (schema == null || t.schema().equals(schema)))
                .findFirst().orElse(null);
    }

    /** Later single-column CHECKs the seeder cannot read into value rules: {@link LaterChecks#columnDemands}. */
    public List<ColumnDemand> columnDemands(TableInfo table) {
        TableDemands demands = table == null ? null : byTable.get(table.name());
        return demands == null ? List.of() : demands.checks.columnDemands(table);
    }
}
