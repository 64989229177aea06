package dev.rehearsal.runner.internal.engine;

import dev.rehearsal.report.LockHold;
import dev.rehearsal.report.Phase;
import dev.rehearsal.report.StatementTrace;
import dev.rehearsal.report.StepFailure;
import dev.rehearsal.runner.internal.exec.ChainRows;
import dev.rehearsal.runner.internal.findings.RejectedData;
import dev.rehearsal.runner.internal.seed.AddedWithoutValue;
import dev.rehearsal.runner.internal.seed.DemandParser;
import dev.rehearsal.runner.internal.seed.Identifiers;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * After an up step failed with a data error (SQLSTATE class 22 or 23) on a table holding generated rows: asks
 * PostgreSQL which rows the failing statement rejects, and removes them so the step can be rehearsed again. The
 * statement's up was rolled back, so the table is as it was before the step.
 *
 * <p>Rows are judged by what the statement demands: a cast is tried row by row (a PL/pgSQL probe that catches the
 * data error, on every supported major), a CHECK is evaluated, SET NOT NULL looks for NULLs, a unique key for
 * duplicates. When the statement cannot be read (dynamic SQL in a DO block, an UPDATE, an INSERT … SELECT whose
 * keys collide with generated rows), a CHECK written anywhere in it is tried; failing that, the table named by the
 * error (or the one the statement writes) is emptied of generated rows. An INSERT that rejects the values it writes
 * (a NULL, a CHECK, a cast) got them from the rows the step read: those tables are emptied of generated rows instead,
 * as is done when emptying the table itself did not help.
 */
final class RejectedRows {

    private static final String NAME = "((?:\"(?:[^\"]|\"\")+\"|[\\w$]+)(?:\\.(?:\"(?:[^\"]|\"\")+\"|[\\w$]+))?)";
    private static final Pattern RELATION = Pattern.compile("relation \"((?:[^\"]|\"\")+)\"");
    private static final Pattern UPDATE_OR_INDEX = Pattern.compile(
            "^(?:UPDATE|INSERT\\s+INTO|CREATE\\s+(?:UNIQUE\\s+)?INDEX\\s+(?:CONCURRENTLY\\s+)?(?:IF\\s+NOT\\s+EXISTS\\s+)?(?:\\S+\\s+)?ON)"
                    + "\\s+(?:ONLY\\s+)?" + NAME,
            Pattern.CASE_INSENSITIVE);
    private static final Pattern INSERT_INTO = Pattern.compile("^INSERT\\s+INTO\\s+" + NAME, Pattern.CASE_INSENSITIVE);
    private static final Pattern READ_FROM = Pattern.compile("\\b(?:FROM|JOIN)\\s+(?:ONLY\\s+)?" + NAME,
            Pattern.CASE_INSENSITIVE);
    /**
     * Errors of an INSERT that the rows already in its table cause: a unique or exclusion key that collides. A foreign
     * key it breaks is in the values it writes, like a NULL or a CHECK (DSpace's V5.0_2014.09.26 copies generated
     * community ids into a column that references items): emptying its own table could not help.
     */
    private static final Set<String> COLLISIONS = Set.of("23505", "23P01");
    private static final Pattern ADDS_COLUMN = Pattern.compile("\\bADD\\s+(?:COLUMN\\s+)?(?!CONSTRAINT\\b|PRIMARY\\b"
            + "|UNIQUE\\b|CHECK\\b|FOREIGN\\b)", Pattern.CASE_INSENSITIVE);
    private static final String PROBE = """
            CREATE FUNCTION pg_temp.rehearsal_rejects(query text, row_id tid) RETURNS boolean LANGUAGE plpgsql AS $f$
            BEGIN
              EXECUTE query USING row_id;
              RETURN false;
            EXCEPTION WHEN data_exception OR integrity_constraint_violation THEN
              RETURN true;
            END $f$""";

    /** One way of picking out rejected rows: a condition over the table's rows ({@code t}), and the column it judges. */
    record Test(String table, String column, String condition) {
    }

    private RejectedRows() {
    }

    /**
     * Whether a failure is one generated data can cause: a data exception or an integrity violation of up, or of up
     * again (the write load writes between down and up again too, what it cannot know a dynamic constraint rejects).
     */
    static boolean isDataError(StepFailure failure) {
        String state = failure == null || failure.sqlState() == null ? "" : failure.sqlState();
        return failure != null && (failure.phase() == Phase.UP || failure.phase() == Phase.REUP)
                && (state.startsWith("22") || state.startsWith("23"));
    }

    /**
     * Whether up of a Java migration failed on its own exception (no statement failed), or on a statement it built
     * with a syntax error, or up raised an exception of its own in PL/pgSQL ({@code RAISE EXCEPTION}, SQLSTATE P0001):
     * code that reads rows and acts on their values (an enum ordinal, a JSON parse, a literal it writes into SQL, a
     * count of rows a backfill left empty) can fail on values Rehearsal generated where the application's never fail.
     * OpenMeter's {@code require_charge_tax_codes} backfills a column from defaults matched by namespace and raises when
     * a row is left without one before SET NOT NULL: generated rows match no default.
     */
    static boolean isCodeError(StepFailure failure) {
        String script = failure == null || failure.script() == null ? "" : failure.script();
        return failure != null && failure.phase() == Phase.UP
                && ("P0001".equals(failure.sqlState())
                || (failure.sqlState() == null || "42601".equals(failure.sqlState()))
                && (script.endsWith(".class") || script.endsWith(".java")));
    }

    /**
     * Finds and removes the rows the failing statement rejects; {@code null} when the failure does not come from rows
     * Rehearsal generated (no table with rows to blame, or only the chain's own rows left). A column added NOT NULL
     * without a default fails on any populated table: the table is emptied of generated rows and the result says so
     * ({@link RejectedData#anyRows()}), the migration's failure standing. Up again's failure is blamed on generated
     * rows only when the write load ran and the rejected rows can be told apart as its own.
     *
     * @param rowsBefore rows per table before up, by {@code schema.table}
     * @param writersRan whether the write load ran beside the failed attempt: a table empty before it then holds the
     *                   load's rows only (the failed step's own were rolled back with it)
     * @param chainRows  which rows the migrations wrote from values of their own ({@code xmin}): the chain's data, as
     *                   production's would be, never removed; rows it only derived from generated ones may be
     */
    static RejectedData remove(DataSource dataSource, StepFailure failure, List<StatementTrace> statements,
            Map<String, Long> rowsBefore, boolean writersRan, ChainRows chainRows)
            throws SQLException {
        FailedStatement failed = FailedStatement.of(statements, failure);
        // which values code choked on cannot be asked of PostgreSQL: only the tables it read can be emptied (a
        // rehearsal that fails the same way on them blames the code alone, GeneratedDataRules)
        boolean codeError = isCodeError(failure);
        String sql = failed.sql();
        List<DemandParser.Demand> demands = DemandParser.of(sql);
        boolean generated = demands.stream().anyMatch(d -> d instanceof DemandParser.Generated);
        // up again follows an up that accepted the table: only rows the write load wrote since may be blamed (rows
        // of no transaction of the chain); rows a down derived from generated ones are the down's doing
        boolean upAgain = failure.phase() == Phase.REUP;
        if (upAgain && !writersRan) {
            return null;
        }
        // a plain NOT NULL column without a default fails on any row, as on production's: not the data's doing, so
        // no row is singled out; yet the migrations after it deserve a rehearsal, on the table as it needs it (empty)
        boolean anyRows = !upAgain && "23502".equals(failure.sqlState()) && !generated
                && ADDS_COLUMN.matcher(sql).find();
        String written = insertTarget(sql);
        // an INSERT fails on the rows already in its table only by colliding with them; a NULL, a CHECK or a cast it
        // trips over is in the values it writes, which came from the rows the step read
        boolean valuesRejected = !upAgain && written != null && !COLLISIONS.contains(failure.sqlState());
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            try (Statement statement = connection.createStatement()) {
                // the tests ask for one rejected row (LIMIT 1) and the planner, expecting many, would walk the rows
                // in a nested loop to find it early; when only a few of 200 000 rows qualify (Tolgee's permission,
                // 187 keys duplicated) that read the table once per row for minutes. A hash join reads it once.
                statement.execute("SET enable_nestloop = off");
            }
            RejectedData found = valuesRejected || codeError ? null
                    : fromTable(connection, failure, failed, demands, anyRows, rowsBefore, writersRan, chainRows);
            if (found == null && !upAgain && !anyRows) {
                found = fromReadTables(connection, failure, failed, statements, rowsBefore, chainRows);
                String omitted = found == null || !valuesRejected ? null
                        : OmittedColumn.of(connection, found.relation(), sql, failure);
                found = omitted == null ? found : found.onAnyRowsRead(omitted);
            }
            return found;
        }
    }

    /** The rows of the table the statement judges (or the one the error names) that it rejects, else all of them. */
    private static RejectedData fromTable(Connection connection, StepFailure failure, FailedStatement failed,
            List<DemandParser.Demand> demands, boolean anyRows, Map<String, Long> rowsBefore, boolean writersRan,
            ChainRows chainRows) throws SQLException {
        String sql = failed.sql();
        int line = failed.line();
        boolean upAgain = failure.phase() == Phase.REUP;
        List<Test> tests = anyRows ? List.of() : tests(demands, failed.addedWithoutValue(), sql, failure);
        Test referencing = anyRows || upAgain ? null : ReferencingRows.of(connection, failure, sql);
        if (referencing != null) {
            tests = List.of(referencing); // the parent rows it deletes are the chain's: their generated children go
        }
        String table = !tests.isEmpty() ? tests.get(0).table()
                : relationOf(failure.message()) != null ? relationOf(failure.message()) : statementTable(sql);
        String qualified = table == null ? null : qualify(table, rowsBefore);
        if (qualified == null || !rowsBefore.containsKey(qualified)
                || (rowsBefore.get(qualified) == 0 && !writersRan)) {
            return null;
        }
        try (CascadeIndexes quick = CascadeIndexes.around(connection, qualified)) {
            UnaryOperator<String> generated = generatedIn(connection, chainRows, upAgain, qualified);
            String ours = generated.apply("t");
            String others = generated.apply("o");
            for (Test test : tests) {
                Test on = new Test(qualified, test.column(), "(" + test.condition().replace("$OTHER_GENERATED", others)
                        + ") AND " + ours);
                RejectedData found = removeMatching(connection, on, failure, sql, line,
                        generatedOf(connection, chainRows, upAgain));
                if (found != null) {
                    quick.analyze();
                    return found;
                }
            }
            if (upAgain) {
                return null; // no row of the write load's among those up again rejects: the failure stands
            }
            if (referencing != null) {
                return null; // the children that keep the parent rows are the chain's own: the failure stands
            }
            long removed = emptyTable(connection, qualified, ours, generatedOf(connection, chainRows, false));
            if (removed == 0) {
                return null; // only the chain's own rows are left: they fail the step as production's would
            }
            quick.analyze();
            if (anyRows) {
                return RejectedData.onAnyRows(failure.script(), line, sql, failure.sqlState(), failure.message(),
                        qualified, removed);
            }
            return new RejectedData(failure.script(), line, sql, failure.sqlState(), failure.message(), qualified, null,
                    null, null, removed);
        }
    }

    /**
     * The statement wrote values the step read from generated rows (an {@code INSERT … SELECT}, or code that read
     * rows and wrote what it found): which rows gave the rejected values cannot be told, so the tables the step read
     * are emptied of the rows Rehearsal generated; {@code null} when it read none that hold any.
     */
    private static RejectedData fromReadTables(Connection connection, StepFailure failure, FailedStatement failed,
            List<StatementTrace> statements, Map<String, Long> rowsBefore, ChainRows chainRows) throws SQLException {
        String written = insertTarget(failed.sql());
        String writtenTable = written == null ? null : qualify(written, rowsBefore);
        List<String> emptied = new ArrayList<>();
        long removed = 0;
        for (String table : readTables(statements, failure, failed.sql(), rowsBefore)) {
            if (table.equals(writtenTable)) {
                continue; // what it read of its own table decides nothing it writes (a collision is the other path)
            }
            try (CascadeIndexes quick = CascadeIndexes.around(connection, table)) {
                long gone = emptyTable(connection, table, chainRows.generatedIn(connection, table).apply("t"),
                        generatedOf(connection, chainRows, false));
                if (gone > 0) {
                    quick.analyze();
                    emptied.add(table);
                    removed += gone;
                }
            }
        }
        if (emptied.isEmpty()) {
            return null;
        }
        String relation = writtenTable != null ? writtenTable
                : relationOf(failure.message()) != null ? relationOf(failure.message()) : emptied.get(0);
        return RejectedData.fromReadTables(failure.script(), failed.line(), failed.sql(), failure.sqlState(),
                failure.message(), relation, emptied, removed);
    }

    /**
     * The tables (as rows-before names them) the failing phase read up to its failure: those its statements held an
     * AccessShareLock on (the failed statement's own locks are not sampled), and those the failed statement names
     * after FROM or JOIN.
     */
    private static List<String> readTables(List<StatementTrace> statements, StepFailure failure, String failedSql,
            Map<String, Long> rowsBefore) {
        Set<String> tables = new LinkedHashSet<>();
        for (StatementTrace statement : statements) {
            if (statement.phase() != failure.phase()) {
                continue;
            }
            for (LockHold lock : statement.locks()) {
                if ("AccessShareLock".equals(lock.mode()) && rowsBefore.containsKey(lock.relation())) {
                    tables.add(lock.relation());
                }
            }
        }
        Matcher m = READ_FROM.matcher(DemandParser.withoutComments(failedSql));
        while (m.find()) {
            String table = qualify(m.group(1), rowsBefore);
            if (table != null) {
                tables.add(table);
            }
        }
        return List.copyOf(tables);
    }

    private static List<Test> tests(List<DemandParser.Demand> demands, List<DemandParser.Added> added, String sql,
            StepFailure failure) {
        List<Test> tests = new ArrayList<>();
        for (DemandParser.Demand demand : demands) {
            String table = demand.table();
            // the demand's name is the table's own (folded as PostgreSQL folds it): quoted, so that a mixed-case
            // name ("RuntimeEnvironment" in Prisma's schemas) is not folded a second time when it is qualified
            String relation = Identifiers.quote(table);
            if (demand instanceof DemandParser.Cast cast) {
                String value = cast.using() == null ? Identifiers.quote(cast.column()) : cast.using();
                tests.add(new Test(relation, cast.column(), "pg_temp.rehearsal_rejects(format('SELECT (%s)::%s FROM %s "
                        + "WHERE ctid = $1', " + Identifiers.literal(value) + ", " + Identifiers.literal(cast.type())
                        + ", '$TABLE'), ctid)"));
            } else if (demand instanceof DemandParser.NotNull notNull) {
                tests.add(new Test(relation, notNull.column(), Identifiers.quote(notNull.column()) + " IS NULL"));
            } else if (demand instanceof DemandParser.Check check) {
                tests.add(new Test(relation, null, "(" + withAddedAsNull(check.expression(), table, added) + ") IS FALSE"));
            } else if (demand instanceof DemandParser.Unique unique) {
                StringBuilder same = new StringBuilder();
                for (String column : unique.columns()) {
                    same.append(" AND o.").append(Identifiers.quote(column)).append(" = t.")
                            .append(Identifiers.quote(column));
                }
                // of two rows with the same key, the later one goes; failing that, a generated row that meets the
                // chain's own row goes wherever it stands (Tolgee: the write load's rows took pages freed before the
                // chain's). Two tests rather than one with OR: the planner keeps a quick plan for each.
                tests.add(new Test(relation, unique.columns().get(0), "EXISTS (SELECT 1 FROM $TABLE o WHERE o.ctid < t.ctid"
                        + same + ")"));
                tests.add(new Test(relation, unique.columns().get(0), "EXISTS (SELECT 1 FROM $TABLE o WHERE NOT ("
                        + "$OTHER_GENERATED)" + same + ")"));
            } else if (demand instanceof DemandParser.References references) {
                String set = references.columns().stream().map(c -> "t." + Identifiers.quote(c) + " IS NOT NULL")
                        .collect(java.util.stream.Collectors.joining(" AND "));
                // a parent the failed step created went with its rollback: it was empty, so every row that refers
                // to something was refused (trigger.dev drops APIConnection, creates ApiConnection, keys to it)
                tests.add(new Test(relation, references.columns().get(0), "to_regclass("
                        + Identifiers.literal(references.parent()) + ") IS NULL AND " + set));
                if (references.parentColumns().size() == references.columns().size()) {
                    StringBuilder same = new StringBuilder();
                    for (int i = 0; i < references.columns().size(); i++) {
                        same.append(i == 0 ? "" : " AND ").append("p.")
                                .append(Identifiers.quote(references.parentColumns().get(i))).append(" = t.")
                                .append(Identifiers.quote(references.columns().get(i)));
                    }
                    tests.add(new Test(relation, references.columns().get(0), set + " AND NOT EXISTS (SELECT 1 FROM "
                            + references.parent() + " p WHERE " + same + ")"));
                }
            } else if (demand instanceof DemandParser.Generated column) {
                // the rows whose json lacks what a NOT NULL generated column reads, then those its expression rejects
                if ("23502".equals(failure.sqlState())) {
                    tests.add(new Test(relation, null, "(" + column.expression() + ") IS NULL"));
                }
                tests.add(new Test(relation, null, "pg_temp.rehearsal_rejects(format('SELECT (%s)::%s FROM %s WHERE ctid = $1', "
                        + Identifiers.literal(column.expression()) + ", " + Identifiers.literal(column.type())
                        + ", '$TABLE'), ctid)"));
            }
        }
        String check = DemandParser.anyCheckExpression(sql);
        String relation = relationOf(failure.message());
        if (check != null && relation != null && "23514".equals(failure.sqlState())) {
            tests.add(new Test(relation, null, "(" + withAddedAsNull(check, DemandParser.tableName(relation), added)
                    + ") IS FALSE"));
        }
        return tests;
    }

    /**
     * A CHECK over columns the same statement adds without a value reads NULL in them on the rows there: the rolled
     * back step left the table without them, so they are read as NULL.
     *
     * @param table the table's bare name, folded as demands name it
     */
    private static String withAddedAsNull(String expression, String table, List<DemandParser.Added> added) {
        List<String> columns = added.stream().filter(a -> a.table().equals(table))
                .map(DemandParser.Added::column).toList();
        return columns.isEmpty() ? expression : AddedWithoutValue.asNull(expression, columns);
    }

    /** Removes the rows a test picks out; {@code null} when it picks none or cannot be evaluated. */
    private static RejectedData removeMatching(Connection connection, Test test, StepFailure failure, String sql,
            int line, UnaryOperator<String> generated) {
        String condition = test.condition().replace("$TABLE", test.table().replace("'", "''"));
        String column = test.column() != null ? test.column() : columnIn(connection, test.table(), condition);
        try (Statement statement = connection.createStatement()) {
            if (condition.contains("pg_temp.rehearsal_rejects")) {
                statement.execute(PROBE);
            }
            String value = null;
            String from = " FROM " + test.table() + " t WHERE " + condition;
            try (ResultSet rs = statement.executeQuery("SELECT " + (column == null ? "NULL"
                    : "t." + Identifiers.quote(column) + "::text") + from + " LIMIT 1")) {
                if (!rs.next()) {
                    return null;
                }
                value = rs.getString(1);
            }
            int removed = ReferencingRows.deleteWithChildren(connection, test.table(), condition, generated);
            return new RejectedData(failure.script(), line, sql, failure.sqlState(), failure.message(), test.table(),
                    column, value, condition, removed);
        } catch (SQLException e) {
            return null; // the test does not apply as read (a type created by the failed script, a foreign key): next one
        } finally {
            try (Statement drop = connection.createStatement()) {
                drop.execute("DROP FUNCTION IF EXISTS pg_temp.rehearsal_rejects(text, tid)");
            } catch (SQLException ignored) {
                // the session ends right after; its temporary objects go with it
            }
        }
    }

    /**
     * A concurrent index build that failed on generated duplicates leaves its INVALID index; the step rehearsed again
     * would trip over its name. (A build failing again reports the index it leaves then.)
     */
    static void dropInvalidIndexes(DataSource dataSource, List<String> indexes) throws SQLException {
        if (indexes.isEmpty()) {
            return;
        }
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (String index : indexes) {
                statement.execute("DROP INDEX IF EXISTS " + index);
            }
        }
    }

    /** The first column of the table the condition names, for the evidence. */
    private static String columnIn(Connection connection, String table, String condition) {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT attname FROM pg_attribute WHERE attrelid = '"
                     + table.replace("'", "''") + "'::regclass AND attnum > 0 AND NOT attisdropped ORDER BY attnum")) {
            while (rs.next()) {
                String name = rs.getString(1);
                if (Pattern.compile("(?<![\\w$])\"?" + Pattern.quote(name) + "\"?(?![\\w$])", Pattern.CASE_INSENSITIVE)
                        .matcher(condition).find()) {
                    return name;
                }
            }
        } catch (SQLException e) {
            return null;
        }
        return null;
    }

    /**
     * The condition on an alias of the table true for its rows Rehearsal wrote; after up again, only the write load's
     * rows (of no transaction of the chain) are.
     */
    private static UnaryOperator<String> generatedIn(Connection connection, ChainRows chainRows, boolean upAgain,
            String table) {
        return upAgain ? alias -> chainRows.generatedUnless(chainRows.transactions(), alias)
                : chainRows.generatedIn(connection, table);
    }

    /** For each table, the condition on {@code t} true for its rows Rehearsal wrote. */
    private static UnaryOperator<String> generatedOf(Connection connection, ChainRows chainRows, boolean upAgain) {
        return table -> generatedIn(connection, chainRows, upAgain, table).apply("t");
    }

    /**
     * The rows could not be told apart: the step is rehearsed again on a table emptied of the rows Rehearsal wrote (and
     * their dependants); 0 when the chain's own rows would have to go too.
     */
    private static long emptyTable(Connection connection, String table, String generated,
            UnaryOperator<String> generatedOf) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            try {
                return ReferencingRows.deleteWithChildren(connection, table, generated, generatedOf);
            } catch (SQLException referenced) {
                long rows = 0;
                long chainRows = 0;
                try (ResultSet rs = statement.executeQuery("SELECT count(*), count(*) FILTER (WHERE NOT (" + generated
                        + ")) FROM " + table + " t")) {
                    if (rs.next()) {
                        rows = rs.getLong(1);
                        chainRows = rs.getLong(2);
                    }
                }
                if (chainRows > 0) {
                    return 0; // the chain's own rows stay: emptying the table would remove them too
                }
                statement.execute("TRUNCATE " + table + " CASCADE"); // rows of other tables refer to these
                return rows;
            }
        }
    }

    /** {@code schema.table} of a table as rows-before knows it, by its folded bare name; {@code null} if unknown. */
    private static String qualify(String table, Map<String, Long> rowsBefore) {
        if (rowsBefore.containsKey(table)) {
            return table;
        }
        String bare = DemandParser.tableName(table);
        return rowsBefore.keySet().stream().filter(q -> DemandParser.tableName(q).equals(bare))
                .sorted((a, b) -> Boolean.compare(!a.startsWith("public."), !b.startsWith("public.")))
                .findFirst().orElse(null);
    }

    /** The table an error message names ({@code … of relation "orders" …}). */
    private static String relationOf(String message) {
        Matcher m = message == null ? null : RELATION.matcher(message);
        return m != null && m.find() ? Identifiers.quote(m.group(1).replace("\"\"", "\"")) : null;
    }

    /**
     * The table whose rows the statement judges: the one it alters, updates or indexes, or the one a copy
     * ({@code INSERT … SELECT}) inserts into, whose generated rows may already hold the keys it copies.
     */
    private static String statementTable(String sql) {
        String altered = DemandParser.alteredTable(sql);
        if (altered != null) {
            return Identifiers.quote(altered); // folded already: quoted, so that qualify() does not fold it again
        }
        Matcher m = UPDATE_OR_INDEX.matcher(DemandParser.withoutComments(sql).strip());
        return m.find() ? m.group(1) : null;
    }

    /** The table an {@code INSERT} writes to, {@code null} for any other statement. */
    private static String insertTarget(String sql) {
        Matcher m = INSERT_INTO.matcher(DemandParser.withoutComments(sql).strip());
        return m.find() ? m.group(1) : null;
    }
}
