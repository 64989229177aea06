package dev.rehearsal.runner.internal.seed;

import dev.rehearsal.runner.internal.seed.RowPlan.AlwaysNull;
import dev.rehearsal.runner.internal.seed.RowPlan.RandomValue;
import dev.rehearsal.runner.internal.seed.RowPlan.ReferenceGroup;
import dev.rehearsal.runner.internal.seed.RowPlan.ReferenceValue;
import dev.rehearsal.runner.internal.seed.RowPlan.SelfReference;
import dev.rehearsal.runner.internal.seed.RowPlan.Source;
import dev.rehearsal.runner.internal.seed.RowPlan.UniqueValue;
import dev.rehearsal.runner.internal.seed.TableInfo.Check;
import dev.rehearsal.runner.internal.seed.TableInfo.ForeignKey;
import dev.rehearsal.runner.internal.seed.TableInfo.UniqueKey;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides where each column's values come from so that rows satisfy the table's constraints: unique keys count
 * through one column's values (or enumerate combinations of small domains), foreign keys pick referenced rows,
 * the rest is random with NULLs where allowed.
 */
public final class RowPlanner {

    /** Reads {@code max(column)} of the table being planned, for sequences that continue after existing rows. */
    @FunctionalInterface
    public interface MaxReader {
        BigDecimal max(String column) throws SQLException;
    }

    /**
     * The plan, or why the table cannot be filled.
     *
     * @param plan          the plan, {@code null} when {@code problems} is not empty
     * @param problems      what prevents seeding, each naming the column
     * @param notUnderstood CHECK constraints the plan does not guarantee; rows must be filtered through them
     * @param limitNote     why fewer rows than asked can be generated, {@code null} when not limited
     */
    public record Outcome(RowPlan plan, List<String> problems, List<Check> notUnderstood, String limitNote) {
    }

    private final TableInfo table;
    private final long base;
    private final long wanted;
    private final Map<Integer, Source> sources = new LinkedHashMap<>();
    private final Map<Integer, ValueGenerator> generators = new HashMap<>();
    private final Map<Integer, String> generatorProblems = new HashMap<>();
    private final Map<Integer, Integer> groupOf = new HashMap<>();
    private final List<ReferenceGroup> groups = new ArrayList<>();
    private final Set<Integer> inUniqueKey = new HashSet<>();
    private final Set<Integer> readByGenerated = new HashSet<>(); // a NULL there would leave a generated column NULL
    private final List<String> problems = new ArrayList<>();
    // groups holding only the parent rows no row refers to yet, for keys that refer to each parent row once
    private final Map<Integer, String> unreferencedGroups = new HashMap<>();
    // enumerated keys with a foreign key among their digits, on a table that has rows: their values may repeat those
    private final List<UniqueKey> overChangingParents = new ArrayList<>();
    // of those, the ones whose combinations are fewer than the rows wanted: how many combinations there are
    private final Map<UniqueKey, Long> combinations = new HashMap<>();
    private long capacity = Long.MAX_VALUE;
    private String limitNote;

    private RowPlanner(TableInfo table, long base, long wanted) {
        this.table = table;
        this.base = base;
        this.wanted = wanted;
    }

    /**
     * @param nullFilled foreign keys to leave NULL (they close a cycle), as {@code TableOrder.key}
     * @param base       the first ordinal to generate (rows already generated before)
     * @param wanted     how many rows are wanted from {@code base} on
     */
    public static Outcome plan(TableInfo table, Map<Long, TableInfo> tables, ParentKeys keys, Set<String> nullFilled,
                               long base, long wanted, long seed, MaxReader maxReader) throws SQLException {
        return plan(table, tables, keys, nullFilled, base, wanted, seed, maxReader, CandidatePools.Judged.NONE);
    }

    /**
     * @param judged generators whose values PostgreSQL accepted, by column name: they replace the type's generator,
     *               and the CHECKs they cover need no filtering
     */
    public static Outcome plan(TableInfo table, Map<Long, TableInfo> tables, ParentKeys keys, Set<String> nullFilled,
                               long base, long wanted, long seed, MaxReader maxReader, CandidatePools.Judged judged)
            throws SQLException {
        return new RowPlanner(table, base, wanted).build(tables, keys, nullFilled, seed, maxReader, judged);
    }

    private Outcome build(Map<Long, TableInfo> tables, ParentKeys keys, Set<String> nullFilled, long seed,
                          MaxReader maxReader, CandidatePools.Judged judged) throws SQLException {
        List<Check> notUnderstood = new ArrayList<>();
        Map<String, ValueRule> rules = Generators.tableRules(table, notUnderstood);
        notUnderstood.removeIf(check -> judged.covered().contains(check.name()));
        Map<String, List<JsonKey>> jsonKeys = JsonKey.readBy(table);
        // a serial column is the server's, unless its sequence is short and the rows take values it handed out
        List<ColumnInfo> columns = table.columns().stream().filter(c -> !c.filledByServer()
                || c.numberedBySequence() && judged.generators().containsKey(c.name())).toList();
        for (ColumnInfo column : columns) {
            ValueGenerator pool = judged.generators().get(column.name());
            Generators.Made made = pool != null ? Generators.Made.of(pool)
                    : Generators.forType(column.type(), rules.getOrDefault(column.name(), ValueRule.NONE),
                            jsonKeys.getOrDefault(column.name(), List.of()),
                            Mix.seedFor(seed, table.displayName(), column.name()));
            if (jsonKeys.containsKey(column.name())) {
                readByGenerated.add(column.attnum());
            }
            if (made.generator() != null) {
                generators.put(column.attnum(), made.generator());
            } else {
                generatorProblems.put(column.attnum(), made.problem());
            }
        }
        table.uniqueKeys().forEach(k -> inUniqueKey.addAll(k.attnums()));
        List<ForeignKey> selfReferences = new ArrayList<>();
        // wider keys first: where two keys share a column (Hatchet's StepRateLimit: (tenantId, rateLimitKey) to
        // RateLimit and tenantId to Tenant), the tuple of the wider one decides it; the narrower one, taken first,
        // left the wider one's other columns to random values that no parent row had
        List<ForeignKey> widestFirst = new ArrayList<>(table.foreignKeys());
        widestFirst.sort(java.util.Comparator.comparingInt((ForeignKey fk) -> fk.attnums().size()).reversed());
        for (ForeignKey fk : widestFirst) {
            if (fk.parentOid() == table.oid()) {
                selfReferences.add(fk);
            } else {
                reference(fk, tables.get(fk.parentOid()), keys, nullFilled.contains(TableOrder.key(table, fk)));
            }
        }
        for (UniqueKey key : table.uniqueKeys()) {
            unique(key, maxReader);
        }
        judged.tuples().forEach(this::tuples);
        selfReferences.forEach(this::selfReference);
        List<Source> planned = new ArrayList<>();
        for (ColumnInfo column : columns) {
            planned.add(sources.computeIfAbsent(column.attnum(), a -> fallback(column)));
        }
        if (!problems.isEmpty()) {
            return new Outcome(null, problems, notUnderstood, null);
        }
        List<RowPlan.HeldKey> held = new ArrayList<>();
        for (UniqueKey key : overChangingParents) {
            List<ColumnInfo> keyColumns = columns(key.attnums());
            RowPlan.HeldKey kept = new RowPlan.HeldKey(keyColumns.stream().map(columns::indexOf).toList(),
                    keys.held(table, keyColumns.stream().map(ColumnInfo::name).toList()));
            held.add(kept);
            Long all = combinations.get(key);
            if (all != null) {
                // ordinals from base on go once through every combination (they repeat after `all`), and those
                // the table holds are passed over: what is left is what the rows can still take, however many
                // ordinals earlier seedings, rolled-back attempts and the write load's inserts used
                capacity = Math.min(capacity, base + Math.max(0, all - kept.tuples().size()));
            }
        }
        return new Outcome(new RowPlan(columns, planned, groups, capacity, held), List.of(), notUnderstood, limitNote);
    }

    private Source fallback(ColumnInfo column) {
        ValueGenerator generator = generators.get(column.attnum());
        if (generator != null) {
            // NULLs only where an application would leave them: a nullable column without a default
            return new RandomValue(generator, !column.notNull() && column.defaultExpr() == null
                    && !inUniqueKey.contains(column.attnum()) && !readByGenerated.contains(column.attnum()));
        }
        if (!column.notNull()) {
            return new AlwaysNull();
        }
        problems.add("column " + column.name() + " (" + column.type().name() + ", NOT NULL): "
                + generatorProblems.get(column.attnum()));
        return new AlwaysNull();
    }

    private void reference(ForeignKey fk, TableInfo parent, ParentKeys keys, boolean leaveNull) throws SQLException {
        List<ColumnInfo> columns = columns(fk.attnums());
        if (columns.isEmpty() || columns.stream().anyMatch(ColumnInfo::filledByServer)) {
            return;
        }
        List<ColumnInfo> taken = columns.stream().filter(c -> sources.containsKey(c.attnum())).toList();
        if (taken.size() == 1 && columns.size() > 1 && parent != null && !leaveNull && fk.share() == null
                && sources.get(taken.get(0).attnum()) instanceof ReferenceValue earlier) {
            matching(fk, parent, keys, columns, columns.indexOf(taken.get(0)), earlier);
            return;
        }
        if (!taken.isEmpty()) {
            return;
        }
        boolean nullable = columns.stream().noneMatch(ColumnInfo::notNull);
        // rows already there took some parents: a key that refers to each parent once (Hatchet's WorkflowTriggers, one
        // per workflow version) can only take the others, and the parents added since sort anywhere among the taken
        // ones, so counting on from the earlier rows' positions offered taken parents only (all refused)
        boolean oncePerParent = base > 0 && !leaveNull && parent != null && refersOnceToEach(fk);
        List<String> parentColumns = parent == null ? List.of()
                : fk.parentAttnums().stream().map(a -> parent.column(a).orElseThrow().name()).toList();
        List<String> childColumns = columns.stream().map(ColumnInfo::name).toList();
        List<String[]> tuples = leaveNull || parent == null ? List.of()
                : oncePerParent ? keys.unreferenced(parent, parentColumns, table, childColumns)
                : keys.of(parent, parentColumns);
        if (fk.share() != null) {
            tuples = fk.share().pick(tuples);
        }
        if (oncePerParent && tuples.isEmpty()) {
            // every parent row has its row already: no new row can be made, and no other key may count through an
            // empty list (a radix of 0 divided by zero); the load's inserts get a NULL the server refuses
            capacity = Math.min(capacity, base);
            limitNote = "every row of " + parent.displayName() + " is referred to already through " + names(columns)
                    + ", which a unique key lets each row of it be referred to once";
            columns.forEach(c -> sources.put(c.attnum(), new AlwaysNull()));
            return;
        }
        if (oncePerParent) {
            unreferencedGroups.put(groups.size(), parent.displayName());
        } else if (tuples.isEmpty()) {
            if (nullable) {
                columns.forEach(c -> sources.put(c.attnum(), new AlwaysNull()));
            } else {
                problems.add("column " + names(columns) + " references " + (parent == null ? "a table" : parent.displayName())
                        + (leaveNull ? " in a cycle of NOT NULL foreign keys" : ", which has no rows"));
            }
            return;
        }
        int group = groups.size();
        // a key that takes turns with others (ChainDemands) can: its columns are nullable
        groups.add(new ReferenceGroup(tuples, nullable && columns.stream().noneMatch(c -> inUniqueKey.contains(c.attnum())),
                1, 0, nullable ? fk.turn() : null));
        for (int i = 0; i < columns.size(); i++) {
            sources.put(columns.get(i).attnum(), new ReferenceValue(group, i, tuples));
            groupOf.put(columns.get(i).attnum(), group);
        }
    }

    /**
     * A foreign key one of whose columns an earlier key already fills (two keys through the same {@code project_id}):
     * its other columns come from parent rows that hold, in the shared column, what the earlier key chose; see
     * {@link RowPlan.Match}. Taken in the order the keys come (the wider first), so the earlier key decides.
     */
    private void matching(ForeignKey fk, TableInfo parent, ParentKeys keys, List<ColumnInfo> columns, int own,
            ReferenceValue earlier) throws SQLException {
        List<String> parentColumns = fk.parentAttnums().stream().map(a -> parent.column(a).orElseThrow().name()).toList();
        List<String[]> tuples = keys.of(parent, parentColumns);
        if (tuples.isEmpty()) {
            return; // no parent row at all: the columns left are generated, and refused, as before
        }
        int group = groups.size();
        groups.add(new ReferenceGroup(tuples, false, 1, 0, null,
                RowPlan.Match.of(earlier.group(), earlier.component(), own, tuples)));
        for (int i = 0; i < columns.size(); i++) {
            if (i != own) {
                sources.put(columns.get(i).attnum(), new ReferenceValue(group, i, tuples));
                groupOf.put(columns.get(i).attnum(), group);
            }
        }
    }

    private void unique(UniqueKey key, MaxReader maxReader) throws SQLException {
        List<ColumnInfo> columns = columns(key.attnums());
        if (columns.size() < key.attnums().size()
                || columns.stream().anyMatch(c -> c.filledByServer() || isCounting(c.attnum()))) {
            return; // identity, serial or generated values differ already, or another key counts through a column
        }
        if (columns.stream().anyMatch(c -> sources.get(c.attnum()) instanceof AlwaysNull)) {
            // a foreign key left its column NULL (no parent rows yet, or a cycle filled later): a key holding a NULL
            // never collides, and distinct values there would refer to rows that do not exist (Tolgee's unique
            // project.base_language_id, OpenMeter's unique charge cost_basis_id: no project or charge was seeded)
            return;
        }
        Integer once = groupOf.get(columns.get(0).attnum());
        if (once != null && unreferencedGroups.containsKey(once)
                && columns.stream().allMatch(c -> once.equals(groupOf.get(c.attnum())))) {
            // ordinals base, base + 1, … fall on distinct parents: consecutive numbers modulo the parents' count
            ReferenceGroup group = groups.get(once);
            long left = group.tuples().size();
            groups.set(once, group.enumerated(1));
            if (left < wanted) {
                capacity = Math.min(capacity, base + left);
                String parent = unreferencedGroups.get(once);
                limitNote = "unique key " + key.name() + " (" + names(columns) + ") refers to each row of " + parent
                        + " at most once, and only " + left + " rows of " + parent + " had none yet";
            }
            return;
        }
        ColumnInfo best = null;
        for (ColumnInfo column : columns) {
            ValueGenerator generator = generators.get(column.attnum());
            if (generator != null && !groupOf.containsKey(column.attnum())
                    && (best == null || generator.capacity() > generators.get(best.attnum()).capacity())) {
                best = column;
            }
        }
        if (best != null) {
            ValueGenerator generator = generators.get(best.attnum());
            long start = base;
            if (base > 0 && generator instanceof NumberGenerator number) {
                BigDecimal max = maxReader.max(best.name());
                start = max == null ? base : Math.max(base, number.ordinalAfter(max));
            }
            TableInfo.Share share = key.share(); // only one-column keys carry one (ChainDemands)
            long step = share == null ? 1 : share.of();
            if ((generator.capacity() - start) / step >= wanted) {
                // value number (start - base + ordinal) * step + index: every step-th value, its share's own
                sources.put(best.attnum(), new UniqueValue(generator,
                        (start - base) * step + (share == null ? 0 : share.index()), 1, Long.MAX_VALUE, step));
                return;
            }
        }
        enumerate(key, columns);
    }

    /**
     * Mixed radix over the key's columns (a foreign key counts as one digit), the smallest domain counting fastest
     * so that, say, each order gets lines 1, 2, 3 before the next order is used. Digits the rows do not need — the
     * faster ones already tell every row apart — keep their random values: a membership table keyed by (user, team)
     * over 100 000 users and teams puts each user in some team, not every user in the first one (DependencyTrack's
     * statement trigger joined such a table with another keyed the same way: 10^10 pairs, a seeding that never ended).
     */
    private void enumerate(UniqueKey key, List<ColumnInfo> keyColumns) {
        long stride = 1;
        Set<Integer> doneGroups = new HashSet<>();
        boolean parentsAmongDigits = false;
        List<ColumnInfo> columns = new ArrayList<>(keyColumns);
        columns.sort(java.util.Comparator.comparingLong(this::radixOf));
        for (ColumnInfo column : columns) {
            if (stride >= base + wanted) {
                break;
            }
            Integer group = groupOf.get(column.attnum());
            long radix;
            if (group != null) {
                if (!doneGroups.add(group)) {
                    continue;
                }
                distinctOn(group, keyColumns);
                radix = groups.get(group).tuples().size();
                groups.set(group, groups.get(group).enumerated(stride));
                parentsAmongDigits = true;
            } else {
                ValueGenerator generator = generators.get(column.attnum());
                if (generator == null) {
                    return; // reported by fallback()
                }
                radix = generator.capacity();
                sources.put(column.attnum(), new UniqueValue(generator, 0, stride, radix));
            }
            stride = stride > Long.MAX_VALUE / Math.max(1, radix) ? Long.MAX_VALUE : stride * radix;
        }
        boolean overChanging = parentsAmongDigits && base > 0;
        if (overChanging) {
            // the earlier rows enumerated over the parent rows of their day; the digits here count over today's
            overChangingParents.add(key);
        }
        if (stride < base + wanted) {
            if (overChanging) {
                combinations.put(key, stride); // the capacity follows from the keys the table holds (build)
            } else {
                capacity = Math.min(capacity, stride);
            }
            limitNote = "unique key " + key.name() + " (" + names(columns) + ") admits only " + stride
                    + " distinct values with the allowed values and referenced rows";
        }
    }

    /**
     * Keeps one referenced row per distinct value of the key's columns in the group, when the key holds only some of
     * the foreign key's columns: distinct referenced rows may share those (Ente's trash, keyed by file_id, refers to
     * collection_files by (file_id, collection_id), and a file sits in several collections), and counting through
     * them gave the key the same value twice — the table was left empty.
     */
    private void distinctOn(int group, List<ColumnInfo> keyColumns) {
        List<Integer> components = new ArrayList<>();
        int width = 0;
        for (ColumnInfo column : table.columns()) {
            if (sources.get(column.attnum()) instanceof ReferenceValue value && value.group() == group) {
                width++;
                if (keyColumns.contains(column)) {
                    components.add(value.component());
                }
            }
        }
        if (components.size() == width) {
            return;
        }
        Map<List<String>, String[]> firstOf = new LinkedHashMap<>();
        for (String[] tuple : groups.get(group).tuples()) {
            firstOf.putIfAbsent(components.stream().map(c -> tuple[c]).toList(), tuple);
        }
        List<String[]> distinct = List.copyOf(firstOf.values());
        groups.set(group, groups.get(group).withTuples(distinct));
        for (Map.Entry<Integer, Source> entry : sources.entrySet()) {
            if (entry.getValue() instanceof ReferenceValue value && value.group() == group) {
                entry.setValue(new ReferenceValue(group, value.component(), distinct));
            }
        }
    }

    private long radixOf(ColumnInfo column) {
        Integer group = groupOf.get(column.attnum());
        ValueGenerator generator = generators.get(column.attnum());
        return group != null ? groups.get(group).tuples().size() : generator == null ? 0 : generator.capacity();
    }

    /** Whether a unique key of the table is made of exactly this foreign key's columns. */
    private boolean refersOnceToEach(ForeignKey fk) {
        Set<Integer> columns = new HashSet<>(fk.attnums());
        return table.uniqueKeys().stream().anyMatch(k -> k.attnums().size() == columns.size()
                && columns.containsAll(k.attnums()));
    }

    private void selfReference(ForeignKey fk) {
        List<ColumnInfo> columns = columns(fk.attnums());
        if (columns.size() != 1 || columns.get(0).filledByServer() || sources.containsKey(columns.get(0).attnum())) {
            return;
        }
        ColumnInfo column = columns.get(0);
        Source key = fk.parentAttnums().size() == 1 ? sources.get(fk.parentAttnums().get(0)) : null;
        if (key instanceof UniqueValue counting && counting.stride() == 1 && counting.radix() == Long.MAX_VALUE) {
            sources.put(column.attnum(), new SelfReference(counting.generator(), counting.shift(), base, !column.notNull()));
        } else if (!column.notNull()) {
            sources.put(column.attnum(), new AlwaysNull()); // the key is the server's (identity): no earlier row known
        } else if (fk.name().startsWith(ChainDemands.LATER_FOREIGN_KEY)) {
            return; // not a key yet: the values stay as generated, and the rehearsal's probe removes what it rejects
        } else {
            problems.add("column " + column.name() + " references its own table through " + fk.name()
                    + ", whose key the seeder does not generate");
        }
    }

    /** Columns of a CHECK over several columns take their values from one tuple PostgreSQL accepted. */
    private void tuples(TuplePools.Tuples accepted) {
        List<ColumnInfo> columns = accepted.columns().stream().map(n -> table.column(n).orElse(null)).toList();
        if (columns.contains(null) || columns.stream().anyMatch(c -> sources.containsKey(c.attnum()))) {
            return;
        }
        int group = groups.size();
        groups.add(new ReferenceGroup(accepted.tuples(), false, 1, 0));
        for (int i = 0; i < columns.size(); i++) {
            sources.put(columns.get(i).attnum(), new ReferenceValue(group, i, accepted.tuples()));
        }
    }

    private boolean isCounting(int attnum) {
        return sources.get(attnum) instanceof UniqueValue u && u.radix() == Long.MAX_VALUE;
    }

    private List<ColumnInfo> columns(List<Integer> attnums) {
        List<ColumnInfo> result = new ArrayList<>();
        for (int attnum : attnums) {
            table.column(attnum).ifPresent(result::add);
        }
        return result;
    }

    private static String names(List<ColumnInfo> columns) {
        return String.join(", ", columns.stream().map(ColumnInfo::name).toList());
    }
}
