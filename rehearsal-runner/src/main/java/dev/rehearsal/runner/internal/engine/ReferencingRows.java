package dev.rehearsal.runner.internal.engine;

import dev.rehearsal.report.StepFailure;
import dev.rehearsal.runner.internal.seed.DemandParser;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rows of a child table that keep a migration from deleting (or re-keying) rows of their parent: "update or
 * delete on table job violates RESTRICT setting of foreign key constraint FK_job_id on table job_parameters"
 * (Fineract's 0014 deletes two jobs by name; generated parameters referred to one of them). Generated children
 * refer to any parent row, production's only to the rows they belong to: those that refer to the rows the
 * statement deletes are the rejected ones, as a test for {@link RejectedRows}. The same keys refuse the removal of
 * rejected rows that generated children refer to: those children go with them.
 */
final class ReferencingRows {

    /** Children this deep below the table the rows are removed from are not followed: the removal fails instead. */
    private static final int DEPTH = 8;
    /** Keys refusing one removal that are followed before it fails. */
    private static final int KEYS = 32;
    private static final String QUOTED = "\"((?:[^\"]|\"\")+)\"";
    private static final Pattern REFERENCED = Pattern.compile("update or delete on table " + QUOTED
            + " violates (?:RESTRICT setting of )?foreign key constraint " + QUOTED + " on table " + QUOTED);
    private static final String NAME = "(?:\"(?:[^\"]|\"\")+\"|[\\w$]+)(?:\\.(?:\"(?:[^\"]|\"\")+\"|[\\w$]+))?";
    /** {@code DELETE FROM [ONLY] table [[AS] alias] WHERE …} without USING or RETURNING: the rows it deletes can be read. */
    private static final Pattern DELETE_WHERE = Pattern.compile("^DELETE\\s+FROM\\s+(?:ONLY\\s+)?(" + NAME + ")"
            + "(?:\\s+(?:AS\\s+)?(?!WHERE\\b)([\\w$]+))?\\s+WHERE\\s+(.+)$", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern RETURNING_OR_USING = Pattern.compile("\\b(?:RETURNING|USING)\\b", Pattern.CASE_INSENSITIVE);
    private static final String KEY = """
            SELECT format('%I.%I', cn.nspname, cc.relname), format('%I.%I', pn.nspname, pc.relname),
                   (SELECT string_agg('t.' || quote_ident(a.attname), ', ' ORDER BY k.i)
                    FROM unnest(c.conkey) WITH ORDINALITY k(n, i)
                    JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.n),
                   (SELECT string_agg(quote_ident(a.attname), ', ' ORDER BY k.i)
                    FROM unnest(c.confkey) WITH ORDINALITY k(n, i)
                    JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.n)
            FROM pg_constraint c
            JOIN pg_class cc ON cc.oid = c.conrelid JOIN pg_namespace cn ON cn.oid = cc.relnamespace
            JOIN pg_class pc ON pc.oid = c.confrelid JOIN pg_namespace pn ON pn.oid = pc.relnamespace
            WHERE c.contype = 'f' AND c.conname = ? AND cc.relname = ? AND pc.relname = ?""";

    private ReferencingRows() {
    }

    /**
     * The child rows that refer to the rows the failing statement deletes; when which rows it deletes cannot be read
     * (an UPDATE of the key, a DELETE with USING), the child rows that refer to any parent row. {@code null} when
     * the failure is not a parent row kept by its children, or the key is gone.
     */
    static RejectedRows.Test of(Connection connection, StepFailure failure, String sql) throws SQLException {
        Matcher error = failure.message() == null ? null : REFERENCED.matcher(failure.message());
        if (error == null || !error.find()) {
            return null;
        }
        ChildKey key = childKey(connection, error);
        return key == null ? null : new RejectedRows.Test(key.table(), null, "(" + key.columns() + ") IN ("
                + deleted(sql, key.parent(), key.parentColumns()) + ")");
    }

    /**
     * Deletes the rows of {@code table} ({@code t}) that {@code condition} picks out, with the generated rows of other
     * tables that refer to them through a key that would refuse it (RESTRICT, NO ACTION), and theirs in turn: removed
     * generated rows must not leave generated children behind (Fineract's generated jobs, rejected by the final NOT
     * NULL on their short name, are referred to by generated job parameters). All or nothing, in one transaction;
     * a child row of the chain's own refuses it as before.
     *
     * @param generated the condition on {@code t} that holds for a table's rows Rehearsal generated
     * @return the rows of {@code table} deleted
     */
    static int deleteWithChildren(Connection connection, String table, String condition,
            java.util.function.UnaryOperator<String> generated) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        boolean done = false;
        try (java.sql.Statement statement = connection.createStatement()) {
            int deleted = delete(connection, statement, table, condition, generated, 0);
            connection.commit();
            done = true;
            return deleted;
        } finally {
            if (!done) {
                connection.rollback();
            }
            connection.setAutoCommit(autoCommit);
        }
    }

    private static int delete(Connection connection, java.sql.Statement statement, String table, String condition,
            java.util.function.UnaryOperator<String> generated, int depth) throws SQLException {
        for (int key = 0; ; key++) {
            java.sql.Savepoint before = connection.setSavepoint();
            try {
                int deleted = statement.executeUpdate("DELETE FROM " + table + " t WHERE " + condition);
                connection.releaseSavepoint(before);
                return deleted;
            } catch (SQLException refused) {
                connection.rollback(before);
                Matcher error = refused.getMessage() == null ? null : REFERENCED.matcher(refused.getMessage());
                if (error == null || !error.find() || depth >= DEPTH || key >= KEYS) {
                    throw refused;
                }
                ChildKey child = childKey(connection, error);
                if (child == null) {
                    throw refused;
                }
                // the child's rows that refer to the rows to remove; inside the subquery t is the parent
                String children = "(" + child.columns() + ") IN (SELECT " + qualified("t", child.parentColumns())
                        + " FROM " + table + " t WHERE " + condition + ") AND " + generated.apply(child.table());
                // each deleted child row is checked against the tables that refer to the child (Tolgee's chunk
                // executions, referred to by activity_revision without an index: a scan of it per deleted row)
                try (CascadeIndexes quick = CascadeIndexes.around(connection, child.table())) {
                    if (delete(connection, statement, child.table(), children, generated, depth + 1) == 0) {
                        throw refused; // the rows that refer to them are the chain's own: they stay, and so do these
                    }
                }
            }
        }
    }

    /** A key between two tables: the child's columns as {@code t.column}, the parent's as bare names. */
    private record ChildKey(String table, String parent, String columns, String parentColumns) {
    }

    private static ChildKey childKey(Connection connection, Matcher error) throws SQLException {
        try (PreparedStatement key = connection.prepareStatement(KEY)) {
            key.setString(1, unquote(error.group(2)));
            key.setString(2, unquote(error.group(3)));
            key.setString(3, unquote(error.group(1)));
            try (ResultSet rs = key.executeQuery()) {
                return rs.next() ? new ChildKey(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4))
                        : null;
            }
        }
    }

    /** The keys of the parent rows the statement deletes, as a query; all of the parent's keys when unknown. */
    private static String deleted(String sql, String parent, String parentColumns) {
        String statement = DemandParser.withoutComments(sql).strip().replaceFirst(";\\s*$", "");
        Matcher delete = DELETE_WHERE.matcher(statement);
        if (delete.find() && !RETURNING_OR_USING.matcher(delete.group(3)).find()) {
            String table = delete.group(1);
            String alias = delete.group(2);
            return "SELECT " + qualified(alias != null ? alias : table, parentColumns) + " FROM " + table
                    + (alias != null ? " " + alias : "") + " WHERE " + delete.group(3);
        }
        return "SELECT " + parentColumns + " FROM " + parent;
    }

    /** A column list as the key query gives it ({@code a, b}), each column qualified ({@code q.a, q.b}). */
    private static String qualified(String qualifier, String columns) {
        return java.util.Arrays.stream(columns.split(", ")).map(c -> qualifier + "." + c)
                .collect(java.util.stream.Collectors.joining(", "));
    }

    private static String unquote(String quoted) {
        return quoted.replace("\"\"", "\"");
    }
}
