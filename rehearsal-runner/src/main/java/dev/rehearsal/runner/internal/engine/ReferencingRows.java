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
 * statement deletes are the rejected ones, as a test for {@link RejectedRows}.
 */
final class ReferencingRows {

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
        try (PreparedStatement key = connection.prepareStatement(KEY)) {
            key.setString(1, unquote(error.group(2)));
            key.setString(2, unquote(error.group(3)));
            key.setString(3, unquote(error.group(1)));
            try (ResultSet rs = key.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                String child = rs.getString(1);
                String parent = rs.getString(2);
                String columns = rs.getString(3);
                String parentColumns = rs.getString(4);
                return new RejectedRows.Test(child, null, "(" + columns + ") IN (" + deleted(sql, parent, parentColumns)
                        + ")");
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
            String qualifier = alias != null ? alias : table;
            StringBuilder keys = new StringBuilder();
            for (String column : parentColumns.split(", ")) {
                keys.append(keys.isEmpty() ? "" : ", ").append(qualifier).append('.').append(column);
            }
            return "SELECT " + keys + " FROM " + table + (alias != null ? " " + alias : "") + " WHERE " + delete.group(3);
        }
        return "SELECT " + parentColumns + " FROM " + parent;
    }

    private static String unquote(String quoted) {
        return quoted.replace("\"\"", "\"");
    }
}
