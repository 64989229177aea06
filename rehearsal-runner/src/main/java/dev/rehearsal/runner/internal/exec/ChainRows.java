package dev.rehearsal.runner.internal.exec;

import dev.rehearsal.runner.internal.seed.DemandParser;
import dev.rehearsal.runner.internal.seed.Identifiers;
import dev.rehearsal.runner.internal.trace.Instrumentation;
import dev.rehearsal.runner.internal.util.SqlScan;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

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
     * The first transaction id after the history applied without rehearsal ({@code --pending-after}); -1 without one.
     * Every row with an older {@code xmin} is the history's: data the migrations shipped, as production holds it.
     */
    private volatile long historyHorizon = -1;

    /**
     * Reads, in a database cloned from a history applied without rehearsal, where the history's transactions end
     * ({@link Instrumentation#HISTORY_ROWS}, written when the history was applied); without one, no row is the
     * history's.
     */
    public void readHistory(Connection connection) {
        historyHorizon = horizon(connection);
    }

    private static long horizon(Connection connection) {
        try (Statement statement = connection.createStatement()) {
            try (ResultSet rs = statement.executeQuery("SELECT to_regclass('" + Instrumentation.HISTORY_ROWS + "') IS NOT NULL")) {
                if (!rs.next() || !rs.getBoolean(1)) {
                    return -1;
                }
            }
            try (ResultSet rs = statement.executeQuery("SELECT horizon FROM " + Instrumentation.HISTORY_ROWS)) {
                return rs.next() ? rs.getLong(1) : -1;
            }
        } catch (SQLException e) {
            return -1;
        }
    }

    /**
     * Before a migration's steps: the tables holding rows now, by {@code schema.table} or bare name. A copy from one of
     * them that the chain never filled itself copies generated rows.
     */
    public void beforeMigration(Collection<String> tablesWithRows) {
        heldRows = tablesWithRows.stream().map(DemandParser::tableName).collect(Collectors.toUnmodifiableSet());
    }

    /**
     * Records a committed transaction of the chain and the statements it ran; returns the tables (bare names) it filled
     * with values of its own, whose keys {@link #keepKeys} keeps.
     */
    Set<String> committed(long xid, Collection<String> statements) {
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
        Set<String> filled = new HashSet<>(tables);
        filled.remove(EVERY_TABLE);
        return filled;
    }

    /**
     * Right after the chain's transaction {@code xid} committed: keeps the primary keys of the rows it wrote in the
     * tables it filled ({@link #committed}), so that a later chain transaction writing every row of such a table (an
     * {@code UPDATE} without {@code WHERE}) does not make the generated rows it touched the chain's. A table without
     * a primary key keeps none: every row a chain transaction wrote there counts as the chain's, as before. One round
     * trip; a failure (a migration that took the session's rights away) keeps none, the same fallback.
     */
    static void keepKeys(Connection connection, long xid, Set<String> tables) {
        if (tables.isEmpty()) {
            return;
        }
        String names = tables.stream().map(Identifiers::literal).collect(Collectors.joining(", "));
        String sql = "DO $keep$ DECLARE r record; BEGIN FOR r IN "
                + "SELECT c.oid, format('%I.%I', n.nspname, c.relname) AS name, array_agg(a.attname::text ORDER BY k.ord) AS cols, "
                + "string_agg(format('t.%I', a.attname), ', ' ORDER BY k.ord) AS key "
                + "FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                + "JOIN pg_index i ON i.indrelid = c.oid AND i.indisprimary "
                + "CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY k(attnum, ord) "
                + "JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.attnum "
                + "WHERE c.relname = ANY (ARRAY[" + names + "]::text[]) AND c.relkind IN ('r', 'p') "
                + "AND n.nspname <> '" + Instrumentation.SCHEMA + "' "
                + "AND n.nspname !~ '^pg_' GROUP BY c.oid, n.nspname, c.relname LOOP "
                + "EXECUTE format('INSERT INTO " + Instrumentation.CHAIN_KEYS
                + " (relid, key_columns, key) SELECT %s, %L, (ROW(%s))::text FROM %s t WHERE t.xmin = %L::xid', "
                + "r.oid, r.cols, r.key, r.name, '" + (xid & 0xFFFF_FFFFL) + "'); END LOOP; END $keep$";
        try (Statement statement = connection.createStatement()) {
            boolean inTransaction = !connection.getAutoCommit();
            try {
                statement.execute(sql);
                if (inTransaction) {
                    connection.commit();
                }
            } catch (SQLException e) {
                if (inTransaction) {
                    connection.rollback();
                }
                // no keys kept: the tables' chain-written rows count as the chain's, the rule without keys
            }
        } catch (SQLException e) {
            // the session is gone: the step's failure will say so
        }
    }

    /**
     * The condition, on the rows of an alias of {@code table} ({@code schema.table}), true for the rows Rehearsal
     * generated: not written last by a transaction that owns them ({@link #owning}). In a table the chain filled
     * whose rows' keys were kept ({@link #keepKeys}) under its primary key as it is now, a row a chain transaction
     * wrote is the chain's only when its key is one the chain filled the table with, or when that transaction may have
     * written anything (a function call). The catalog is read once, whatever the aliases asked for.
     */
    public UnaryOperator<String> generatedIn(Connection connection, String table) {
        Set<Long> owning = owning(table);
        if (!filledByChain(DemandParser.tableName(table))) {
            return alias -> generatedUnless(owning, alias);
        }
        String relation = "to_regclass(" + Identifiers.literal(table) + ")";
        String keys = "WITH pk AS (SELECT array_agg(a.attname::text ORDER BY k.ord) AS columns FROM pg_index i "
                + "CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY k(attnum, ord) "
                + "JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum "
                + "WHERE i.indrelid = " + relation + " AND i.indisprimary) "
                + "SELECT " + relation + "::oid, pk.columns, (SELECT count(*) > 0 AND bool_and(c.key_columns = pk.columns) "
                + "FROM " + Instrumentation.CHAIN_KEYS + " c WHERE c.relid = " + relation
                + ") FROM pk";
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(keys)) {
            if (!rs.next() || rs.getArray(2) == null || !rs.getBoolean(3)) {
                return alias -> generatedUnless(owning, alias); // no key, none kept, or kept under another: no keys
            }
            long relid = rs.getLong(1);
            String[] columns = (String[]) rs.getArray(2).getArray();
            Set<Long> anything = writingAnything();
            Set<Long> chain = transactions();
            return alias -> generatedUnless(anything, alias) + " AND NOT (" + writtenBy(chain, alias)
                    + " AND EXISTS (SELECT 1 FROM " + Instrumentation.CHAIN_KEYS + " k WHERE k.relid = " + relid
                    + " AND k.key = (ROW(" + Arrays.stream(columns).map(c -> alias + "." + Identifiers.quote(c))
                            .collect(Collectors.joining(", ")) + "))::text))";
        } catch (SQLException e) {
            return alias -> generatedUnless(owning, alias); // no record of keys in this database: the rule without keys
        }
    }

    /** A condition true for rows of {@code alias} that none of the transactions wrote last. */
    public static String notWrittenBy(Set<Long> transactions, String alias) {
        return transactions.isEmpty() ? "true" : "NOT " + writtenBy(transactions, alias);
    }

    /**
     * A condition true for the rows of {@code alias} Rehearsal wrote, when the chain's own are those the transactions
     * wrote last and those of the history applied without rehearsal.
     */
    public String generatedUnless(Set<Long> transactions, String alias) {
        String notChain = notWrittenBy(transactions, alias);
        return historyHorizon < 0 ? notChain
                : notChain + " AND NOT (" + alias + ".xmin::text::bigint < " + historyHorizon + ")";
    }

    private static String writtenBy(Set<Long> transactions, String alias) {
        return "(" + alias + ".xmin::text::bigint = ANY ('{" + transactions.stream().sorted().map(String::valueOf)
                .collect(Collectors.joining(",")) + "}'::bigint[]))";
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
        return writingAnything();
    }

    /** The transactions that may have written any table (a procedure or function call): their rows are the chain's. */
    private Set<Long> writingAnything() {
        return owned.entrySet().stream().filter(e -> e.getValue().contains(EVERY_TABLE)).map(Map.Entry::getKey)
                .collect(Collectors.toUnmodifiableSet());
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
        List<String> parts = SqlScan.statements(sql); // a goose StatementBegin block holds several
        if (parts.size() > 1) {
            Set<String> tables = new HashSet<>();
            for (String part : parts) {
                tables.addAll(ownedBy(part, generated));
            }
            return tables.contains(EVERY_TABLE) ? Set.of(EVERY_TABLE) : Set.copyOf(tables);
        }
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
