package dev.rehearsal.runner.internal.engine;

import dev.rehearsal.report.StepFailure;
import dev.rehearsal.runner.internal.seed.DemandParser;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An {@code INSERT … SELECT} that leaves a {@code NOT NULL} column without a default out of its column list fails
 * whenever its SELECT returns a row, whatever the row holds (Ory Kratos' {@code 20200317160354000002}: the methods
 * copied from each request, without their {@code created_at}). Not the generated values' doing: production's rows fail
 * it the same way.
 */
final class OmittedColumn {

    private static final Pattern NULL_IN = Pattern.compile("null value in column \"((?:[^\"]|\"\")+)\" of relation");
    /** The column list of an INSERT that takes its rows from a query. */
    private static final Pattern COLUMN_LIST = Pattern.compile(
            "^INSERT\\s+INTO\\s+[^(]+?\\s*\\(([^)]*)\\)\\s*(?:OVERRIDING\\s+\\w+\\s+VALUE\\s+)?(?:SELECT|WITH|TABLE|\\()",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    private OmittedColumn() {
    }

    /**
     * The column the failed INSERT left NULL because its column list leaves it out and the column has no default, or
     * {@code null} when the failure is something else (a NULL among the values it copied, an INSERT without a list).
     *
     * @param table the INSERT's table, as findings name it ({@code public."Account"})
     */
    static String of(Connection connection, String table, String sql, StepFailure failure) throws SQLException {
        Matcher column = NULL_IN.matcher(failure.message() == null ? "" : failure.message());
        Matcher list = COLUMN_LIST.matcher(DemandParser.withoutComments(sql).strip());
        if (!"23502".equals(failure.sqlState()) || !column.find() || !list.find()) {
            return null;
        }
        String name = column.group(1).replace("\"\"", "\"");
        for (String listed : list.group(1).split(",")) {
            if (unquoted(listed.strip()).equals(name)) {
                return null;
            }
        }
        try (PreparedStatement statement = connection.prepareStatement("SELECT NOT a.atthasdef AND a.attidentity = ''"
                + " AND a.attgenerated = '' FROM pg_attribute a WHERE a.attrelid = to_regclass(?) AND a.attname = ?"
                + " AND NOT a.attisdropped")) {
            statement.setString(1, table);
            statement.setString(2, name);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() && rows.getBoolean(1) ? name : null;
            }
        }
    }

    private static String unquoted(String identifier) {
        return identifier.startsWith("\"") && identifier.endsWith("\"") && identifier.length() > 1
                ? identifier.substring(1, identifier.length() - 1).replace("\"\"", "\"")
                : identifier.toLowerCase(Locale.ROOT);
    }
}
