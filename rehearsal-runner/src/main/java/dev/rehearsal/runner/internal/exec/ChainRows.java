package dev.rehearsal.runner.internal.exec;

import dev.rehearsal.runner.internal.seed.DemandParser;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which rows are the migrations' own data, told by the transaction that wrote them ({@code xmin}). A row the chain
 * wrote from literal values ({@code INSERT … VALUES}, {@code COPY … FROM STDIN}) is data the migration ships, as it
 * would in production: a later step that rejects it fails for real. A row the chain only derived from rows already
 * there — an {@code UPDATE}, an {@code INSERT … SELECT} from a table that held generated rows before the migration, a
 * table rewrite ({@code ALTER COLUMN … TYPE} writes every row again with its own transaction id) — carries the chain's
 * {@code xmin} too, but its values come from the rows Rehearsal generated: a later step that rejects it meets
 * Rehearsal's data, not the migration's. An {@code INSERT … SELECT} from {@code generate_series}, from tables the same
 * migration made, or from tables the chain filled itself writes the migration's own values.
 *
 * <p>Rows carry only their last writer, so a table the chain filled with values of its own anywhere keeps every
 * chain-written row as the chain's (an own row updated later still is one): only a table the chain never filled from
 * literals holds rows derived from generated ones. A {@code DO} block owns the tables it inserts into; one that
 * runs dynamic SQL, and a procedure or function call ({@code SELECT setval(…)} included), may write anything, so the
 * rows they wrote last are the chain's in every table — but they do not make the rows other transactions only derived
 * the chain's: a history with one such call (OpenMeter's usage-period backfill) kept every later derived row as its own,
 * and a step that rejected them stopped the chain on Rehearsal's generated data.
 *
 * <p>Transaction ids are kept modulo 2^32, as {@code xmin} shows them.
 */
public final class ChainRows {

    /** A table name, perhaps qualified, perhaps quoted. */
    private static final String NAME = "((?:\"(?:[^\"]|\"\")+\"|[\\w$]+)(?:\\s*\\.\\s*(?:\"(?:[^\"]|\"\")+\"|[\\w$]+))?)";
    private static final Pattern INSERT_INTO = Pattern.compile("^\\s*INSERT\\s+INTO\\s+" + NAME, Pattern.CASE_INSENSITIVE);
    /** What follows the target up to its rows: an alias, a column list, OVERRIDING … VALUE. */
    private static final Pattern BEFORE_ROWS = Pattern.compile(
            "^\\s*(?:AS\\s+[\\w$\"]+\\s*)?(?:\\([^()]*\\))?\\s*(?:OVERRIDING\\s+\\w+\\s+VALUE\\s*)?", Pattern.CASE_INSENSITIVE);
    private static final Pattern LITERAL_ROWS = Pattern.compile("^(?:VALUES\\b|DEFAULT\\s+VALUES\\b)", Pattern.CASE_INSENSITIVE);
    private static final Pattern COPY_FROM_STDIN = Pattern.compile("^\\s*COPY\\s+" + NAME + "[^;]*\\bFROM\\s+STDIN\\b",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern DO_BLOCK = Pattern.compile("^\\s*DO\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern DYNAMIC = Pattern.compile("\\bEXECUTE\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern INSERT_ANYWHERE = Pattern.compile("\\bINSERT\\s+INTO\\s+" + NAME, Pattern.CASE_INSENSITIVE);
    /** Statements whose writes the text does not show: procedures, functions called by SELECT, prepared plans. */
    private static final Pattern OPAQUE = Pattern.compile(
            "^\\s*(?:CALL\\b|EXECUTE\\b|SELECT\\b(?!.*\\bFROM\\b))", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    /** Marks a transaction that owns the rows of every table. */
    private static final String EVERY_TABLE = "*";

    private static final Pattern READ_TABLE = Pattern.compile("\\b(?:FROM|JOIN)\\s+(?:ONLY\\s+)?" + NAME + "(?![\\w$.\"])(?!\\s*\\()",
            Pattern.CASE_INSENSITIVE);

    /** Per transaction: the tables (by unquoted, lower-case name) it filled with the migration's own values. */
    private final Map<Long, Set<String>> owned = new ConcurrentHashMap<>();
    /** Tables that held rows before the migration being rehearsed (bare names). */
    private volatile Set<String> heldRows = Set.of();

    /**
     * Before a migration's steps: the tables holding rows now, by {@code schema.table} or bare name. A copy from one of
     * them that the chain never filled itself copies generated rows.
     */
    public void beforeMigration(Collection<String> tablesWithRows) {
        heldRows = tablesWithRows.stream().map(DemandParser::tableName).collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    /** Records a committed transaction of the chain and the statements it ran. */
    void committed(long xid, Collection<String> statements) {
        Set<String> generatedSources = new HashSet<>(heldRows);
        generatedSources.removeIf(this::filledByChain);
        Set<String> tables = new HashSet<>();
        for (String sql : statements) {
            tables.addAll(ownedBy(sql, generatedSources::contains));
        }
        owned.merge(xid & 0xFFFF_FFFFL, tables, (a, b) -> {
            Set<String> both = new HashSet<>(a);
            both.addAll(b);
            return both;
        });
    }

    /** Every transaction that committed statements of the chain. */
    public Set<Long> transactions() {
        return Set.copyOf(owned.keySet());
    }

    /**
     * The transactions whose rows of {@code table} ({@code schema.table} or a bare name) are the chain's own data:
     * every chain transaction when the chain filled the table with values of its own; else those that may have written
     * anything (a procedure or function call), for the rows they wrote last.
     */
    public Set<Long> owning(String table) {
        if (filledByChain(DemandParser.tableName(table))) {
            return transactions();
        }
        return owned.entrySet().stream().filter(e -> e.getValue().contains(EVERY_TABLE)).map(Map.Entry::getKey)
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    /** Whether a statement of the chain filled the table with values of its own, as its text shows. */
    private boolean filledByChain(String name) {
        return owned.values().stream().anyMatch(t -> t.contains(name));
    }

    /**
     * The tables whose rows this statement writes from values of the migration's own; {@link #EVERY_TABLE} when
     * unknown.
     *
     * @param generated whether a table (bare name) holds generated rows: a copy from it derives its values
     */
    static Set<String> ownedBy(String sql, java.util.function.Predicate<String> generated) {
        String text = DemandParser.withoutComments(sql).strip();
        if (DO_BLOCK.matcher(text).find()) {
            if (DYNAMIC.matcher(text).find()) {
                return Set.of(EVERY_TABLE);
            }
            Set<String> targets = new HashSet<>();
            Matcher insert = INSERT_ANYWHERE.matcher(text);
            while (insert.find()) {
                targets.add(DemandParser.tableName(insert.group(1)));
            }
            return targets;
        }
        if (OPAQUE.matcher(text).find()) {
            return Set.of(EVERY_TABLE);
        }
        Matcher copy = COPY_FROM_STDIN.matcher(text);
        if (copy.find()) {
            return Set.of(DemandParser.tableName(copy.group(1)));
        }
        Matcher insert = INSERT_INTO.matcher(text);
        if (insert.find()) {
            // INSERT … VALUES carries its rows (a lookup inside them included); INSERT … SELECT derives them from
            // the rows it reads, which are Rehearsal's when a table it reads holds generated ones
            String rest = text.substring(insert.end());
            Matcher before = BEFORE_ROWS.matcher(rest);
            String rows = before.find() ? rest.substring(before.end()) : rest;
            boolean derived = false;
            Matcher read = READ_TABLE.matcher(rows);
            while (!derived && read.find()) {
                derived = generated.test(DemandParser.tableName(read.group(1)));
            }
            return LITERAL_ROWS.matcher(rows).find() || !derived ? Set.of(DemandParser.tableName(insert.group(1))) : Set.of();
        }
        return Set.of();
    }
}
