package dev.rehearsal.runner.internal.seed;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Lets PostgreSQL decide which candidate values (or tuples of values, for CHECKs over several columns) pass a set of
 * conditions, in one query: the candidates are unnested as a derived table whose columns carry the table's column
 * names and types, so the constraint expressions apply to them unchanged. A candidate that makes the query fail (a
 * cast, an expression raising an error) is rejected; the batch is split to find it, inside a savepoint so that the
 * seeding transaction survives.
 */
final class CandidateJudge {

    private static final String ORDINAL = "rehearsal_candidate";
    private static final int SMALLEST_SPLIT = 1;

    private final Connection connection;

    CandidateJudge(Connection connection) {
        this.connection = connection;
    }

    /**
     * The indexes of the tuples that pass every condition (each evaluated as {@code (condition) IS NOT FALSE}).
     *
     * @param columns    column names, unquoted, as the conditions reference them
     * @param castTypes  the SQL type of each column, as the values are cast to it
     * @param tuples     one value per column (a {@code null} element is SQL NULL)
     */
    List<Integer> accepted(List<String> columns, List<String> castTypes, List<String> conditions, List<String[]> tuples)
            throws SQLException {
        List<Integer> all = new ArrayList<>();
        for (int i = 0; i < tuples.size(); i++) {
            all.add(i);
        }
        List<Integer> result = new ArrayList<>();
        judge(sql(columns, castTypes, conditions), columns.size(), tuples, all, result);
        result.sort(Integer::compare);
        return result;
    }

    /** The values of one column that pass. */
    List<String> accepted(String column, String castType, List<String> conditions, List<String> values)
            throws SQLException {
        List<String[]> tuples = values.stream().map(v -> new String[] {v}).toList();
        return accepted(List.of(column), List.of(castType), conditions, tuples).stream().map(values::get).toList();
    }

    private void judge(String sql, int width, List<String[]> tuples, List<Integer> indexes, List<Integer> result)
            throws SQLException {
        if (indexes.isEmpty()) {
            return;
        }
        boolean guarded = !connection.getAutoCommit();
        Savepoint savepoint = guarded ? connection.setSavepoint() : null;
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            for (int c = 0; c < width; c++) {
                String[] column = new String[indexes.size()];
                for (int i = 0; i < indexes.size(); i++) {
                    column[i] = tuples.get(indexes.get(i))[c];
                }
                Array array = connection.createArrayOf("text", column);
                query.setArray(c + 1, array);
            }
            List<Integer> passed = new ArrayList<>();
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    passed.add(indexes.get(rs.getInt(1) - 1));
                }
            }
            if (guarded) {
                connection.releaseSavepoint(savepoint);
            }
            result.addAll(passed);
        } catch (SQLException e) {
            if (e.getSQLState() != null && e.getSQLState().startsWith("08")) {
                throw e; // the connection is gone, not a property of a candidate
            }
            if (guarded) {
                connection.rollback(savepoint);
            }
            if (indexes.size() <= SMALLEST_SPLIT) {
                return; // this candidate makes the expression fail: rejected
            }
            int half = indexes.size() / 2;
            judge(sql, width, tuples, indexes.subList(0, half), result);
            judge(sql, width, tuples, indexes.subList(half, indexes.size()), result);
        }
    }

    private static String sql(List<String> columns, List<String> castTypes, List<String> conditions) {
        List<String> arrays = new ArrayList<>();
        List<String> raw = new ArrayList<>();
        List<String> typed = new ArrayList<>();
        for (int c = 0; c < columns.size(); c++) {
            arrays.add("?::text[]");
            raw.add("rehearsal_v" + c);
            typed.add("u.rehearsal_v" + c + "::" + castTypes.get(c) + " AS " + Identifiers.quote(columns.get(c)));
        }
        String where = conditions.isEmpty() ? "true" : conditions.stream().map(c -> "(" + c + ") IS NOT FALSE")
                .collect(Collectors.joining(" AND "));
        return "SELECT " + ORDINAL + " FROM (SELECT u." + ORDINAL + ", " + String.join(", ", typed)
                + " FROM unnest(" + String.join(", ", arrays) + ") WITH ORDINALITY AS u(" + String.join(", ", raw)
                + ", " + ORDINAL + ")) AS candidate WHERE " + where;
    }
}
