package dev.rehearsal.runner.internal.seed;

import dev.rehearsal.runner.internal.util.SqlScan;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Columns the chain's own {@code INSERT}s number with {@code nextval} of a sequence that is not their default:
 * OHDSI WebAPI creates {@code sec_permission_id_seq} on its own and inserts every permission with
 * {@code nextval('sec_permission_id_seq')}, as its application does through JPA. Generated rows and the write
 * load's inserts stand for the application's rows, which took their numbers from that sequence too; numbered
 * otherwise, they held the values the migration's {@code nextval} handed out next (a duplicate key, and the history
 * stopped at its 60th of 196 migrations). Read from {@code INSERT INTO t (…) VALUES (nextval('s'), …)} and
 * {@code INSERT INTO t (…) SELECT nextval('s'), …}.
 */
final class SequenceFedColumns {

    private static final Pattern INSERT = Pattern.compile("^INSERT\\s+INTO\\s+" + CopiedColumns.QUALIFIED
            + "\\s*(?:AS\\s+" + CopiedColumns.NAME + "\\s*)?\\(([^()]*)\\)\\s*(VALUES\\s*\\(|SELECT\\s+)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern NEXTVAL = Pattern.compile(
            "^nextval\\s*\\(\\s*'((?:[^']|'')+)'\\s*(?:::\\s*regclass\\s*)?\\)(?:\\s+(?:AS\\s+)?" + CopiedColumns.NAME
                    + ")?$", Pattern.CASE_INSENSITIVE);

    /**
     * A column of {@code table} (names folded, no schema) numbered from {@code sequence}, as the statement names it
     * (schema-qualified when it was).
     */
    record Fed(String table, String column, String sequence) {
    }

    private SequenceFedColumns() {
    }

    /** The columns one statement numbers from a sequence; empty when it is no such {@code INSERT}. */
    static List<Fed> of(String sql) {
        Matcher insert = INSERT.matcher(sql);
        if (!insert.find()) {
            return List.of();
        }
        String rest = sql.substring(insert.end());
        boolean values = insert.group(3).regionMatches(true, 0, "VALUES", 0, 6);
        int end = values ? SqlScan.topLevelIndexOf(rest, 0, ")") : CopiedColumns.topLevelFrom(rest);
        List<String> items = SqlScan.splitTopLevel(end < 0 ? rest : rest.substring(0, end));
        List<String> targets = SqlScan.splitTopLevel(insert.group(2));
        if (items.size() != targets.size()) {
            return List.of();
        }
        List<Fed> fed = new ArrayList<>();
        String table = DemandParser.tableName(insert.group(1));
        for (int i = 0; i < items.size(); i++) {
            Matcher nextval = NEXTVAL.matcher(items.get(i).strip().replaceAll(";$", "").strip());
            if (nextval.matches()) {
                fed.add(new Fed(table, DemandParser.identifier(targets.get(i)), nextval.group(1).replace("''", "'")));
            }
        }
        return fed;
    }

    /**
     * Of the columns numbered from a sequence, the integer columns of {@code table}. A column whose default takes
     * another sequence is among them: WebAPI's {@code sec_permission.id} defaults to {@code sec_permission_sequence}
     * (from 1000) while every migration inserts with {@code sec_permission_id_seq} (from 500), so generated rows
     * numbered by the default held what the migrations' sequence reached later.
     */
    static Map<String, String> feeding(Map<String, String> fed, TableInfo table) {
        Map<String, String> feeding = new LinkedHashMap<>();
        fed.forEach((column, sequence) -> table.column(column)
                .filter(c -> !c.generated() && c.type().kind().isIntegral())
                .ifPresent(c -> feeding.put(c.name(), sequence)));
        return feeding;
    }

    /** Those of the sequences that exist now: a later migration may create one (WebAPI's, 30 migrations on). */
    static Map<String, String> existing(Connection connection, Map<String, String> feeding) throws SQLException {
        if (feeding.isEmpty()) {
            return feeding;
        }
        Map<String, String> existing = new LinkedHashMap<>();
        try (PreparedStatement exists = connection.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
            for (Map.Entry<String, String> fed : feeding.entrySet()) {
                exists.setString(1, fed.getValue());
                try (java.sql.ResultSet rs = exists.executeQuery()) {
                    if (rs.next() && rs.getBoolean(1)) {
                        existing.put(fed.getKey(), fed.getValue());
                    }
                }
            }
        }
        return existing;
    }

    /**
     * Moves each ascending sequence feeding {@code table} past the largest value its column holds, as if the rows
     * there had taken their numbers from it; a sequence not created yet, or already past them, is left as it is.
     */
    static void advance(Connection connection, TableInfo table, Map<String, String> feeding) throws SQLException {
        for (Map.Entry<String, String> fed : feeding.entrySet()) {
            try (PreparedStatement advance = connection.prepareStatement("SELECT setval(s.seqrelid::regclass, m.v) "
                    + "FROM pg_sequence s, (SELECT max(" + Identifiers.quote(fed.getKey()) + ")::bigint AS v FROM "
                    + table.sqlName() + ") m WHERE s.seqrelid = to_regclass(?) AND s.seqincrement > 0 "
                    + "AND m.v > coalesce(pg_sequence_last_value(s.seqrelid), s.seqstart - 1) AND m.v <= s.seqmax")) {
                advance.setString(1, fed.getValue());
                advance.executeQuery().close();
            }
        }
    }
}
