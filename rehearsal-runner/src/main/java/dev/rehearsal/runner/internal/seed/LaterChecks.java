package dev.rehearsal.runner.internal.seed;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The CHECKs later migrations add to one table, read in the chain's order ({@link ChainDemands}): those the seeder
 * reads into value rules, those PostgreSQL judges candidate values against, and those over columns added without a
 * value before them, read with NULL in their place while a table does not have them yet ({@link AddedWithoutValue}).
 */
final class LaterChecks {

    /** A later CHECK read into value rules, with the columns it constrains. */
    record ReadCheck(String expression, List<String> columns) {
    }

    /** A later CHECK that reads columns added without a value before it. */
    private record NullUntilAdded(String expression, List<String> columns) {
    }

    private final List<ReadCheck> read = new ArrayList<>();
    /** Later CHECKs the seeder cannot read: judged by PostgreSQL when they concern one column. */
    private final List<String> unread = new ArrayList<>();
    /** Columns added without a value for the rows already there and not set by an UPDATE since. */
    private final Set<String> addedNull = new HashSet<>();
    private final List<NullUntilAdded> nullUntilAdded = new ArrayList<>();

    void added(DemandParser.Added added) {
        if (added.leavesNull()) {
            addedNull.add(added.column());
        } else {
            addedNull.remove(added.column());
        }
    }

    /** An UPDATE of the table: a column it mentions may hold values from then on. */
    void updated(DemandParser.Updated updated) {
        addedNull.removeIf(c -> AddedWithoutValue.reads(updated.assignments(), c));
    }

    void check(String expression) {
        List<String> nullColumns = addedNull.stream().filter(c -> AddedWithoutValue.reads(expression, c)).sorted().toList();
        if (!nullColumns.isEmpty()) {
            nullUntilAdded.add(new NullUntilAdded(expression, nullColumns)); // read per table (nullRead)
            return;
        }
        ReadCheck parsed = parse(expression);
        if (parsed != null) {
            read.add(parsed);
        } else {
            unread.add(expression);
        }
    }

    /** The later CHECKs read into value rules, as they read this table's rows. */
    List<ReadCheck> read(TableInfo table) {
        List<ReadCheck> all = new ArrayList<>(read);
        nullRead(table).stream().map(LaterChecks::parse).filter(Objects::nonNull).forEach(all::add);
        return all;
    }

    /**
     * Later single-column CHECKs the seeder cannot read into value rules (a regular expression, a function call), as
     * conditions PostgreSQL judges candidate values against ({@link CandidatePools}): the column's values pass them
     * already, as production's rows did when the constraint was added. CHECKs over several of today's columns are
     * left to the rehearsal's rejection probe.
     */
    List<ColumnDemand> columnDemands(TableInfo table) {
        List<String> expressions = new ArrayList<>(unread);
        nullRead(table).stream().filter(e -> parse(e) == null).forEach(expressions::add);
        List<ColumnDemand> found = new ArrayList<>();
        for (String expression : expressions) {
            List<String> named = table.columns().stream().map(ColumnInfo::name)
                    .filter(name -> AddedWithoutValue.reads(expression, name)).toList();
            if (named.size() == 1 && !table.column(named.get(0)).orElseThrow().filledByServer()) {
                found.add(new ColumnDemand(named.get(0), expression, List.of(), "a later CHECK (" + expression + ")"));
            }
        }
        return found;
    }

    void fingerprint(StringBuilder text) {
        ChainDemands.line(text, "check", read);
        ChainDemands.line(text, "unread", unread);
        ChainDemands.line(text, "null until added", nullUntilAdded);
    }

    /** The later CHECKs over columns added without a value, with NULL for those the table does not have yet. */
    private List<String> nullRead(TableInfo table) {
        return nullUntilAdded.stream().map(c -> AddedWithoutValue.asNull(c.expression(),
                c.columns().stream().filter(n -> table.column(n).isEmpty()).toList())).toList();
    }

    /** The CHECK read into value rules, with the columns it constrains; {@code null} when it cannot be. */
    private static ReadCheck parse(String expression) {
        CheckParser.Result parsed = CheckParser.parse("CHECK (" + expression + ")");
        return parsed.complete() && !parsed.rules().isEmpty()
                ? new ReadCheck(expression, List.copyOf(parsed.rules().keySet())) : null;
    }
}
