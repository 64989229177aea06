package dev.rehearsal.runner.internal.seed;

import dev.rehearsal.runner.internal.util.SqlScan;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the columns of an {@code INSERT INTO target (a, b) SELECT x.c, d FROM source x …} come from: each target
 * column filled with a plain column of a table the query reads. A unique key or NOT NULL that a later step puts on
 * the target then holds for the copied source column too, or the copy of Rehearsal's generated rows breaks it where
 * production's rows, which the application kept that way, would not (Documenso's envelope migration copies each
 * document's {@code documentDataId} into a table whose unique index it builds next).
 *
 * <p>Only what the text shows for sure is read: a column list on the target, a select list of plain (possibly
 * qualified) columns, tables and aliases in {@code FROM} and {@code JOIN}. {@code SELECT DISTINCT}, set operations
 * and expressions give no source for that column.
 */
final class CopiedColumns {

    /** An identifier, quoted or not (no group); {@link #QUALIFIED}: one, maybe schema-qualified, as a group. */
    static final String NAME = "(?:\"(?:[^\"]|\"\")+\"|[\\w$]+)";
    static final String QUALIFIED = "(" + NAME + "(?:\\s*\\.\\s*" + NAME + ")?)";
    private static final Pattern INSERT_SELECT = Pattern.compile(
            "^INSERT\\s+INTO\\s+" + QUALIFIED + "\\s*(?:AS\\s+" + NAME + "\\s*)?\\(([^()]*)\\)\\s*SELECT\\s+",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern SOURCE = Pattern.compile(
            "(?:\\bFROM|\\bJOIN|,)\\s+(?:ONLY\\s+)?" + QUALIFIED + "(?:\\s+(?:AS\\s+)?(?!(?:ON|USING|WHERE|JOIN|INNER|LEFT"
                    + "|RIGHT|FULL|CROSS|NATURAL|GROUP|ORDER|LIMIT|UNION|EXCEPT|INTERSECT|RETURNING|ON)\\b)(" + NAME
                    + "))?", Pattern.CASE_INSENSITIVE);
    private static final Pattern COLUMN = Pattern.compile("^(?:(" + NAME + ")\\s*\\.\\s*)?(" + NAME + ")"
            + "(?:\\s+(?:AS\\s+)?" + NAME + ")?$", Pattern.CASE_INSENSITIVE);
    private static final Pattern SET_OPERATION = Pattern.compile("\\b(?:UNION|EXCEPT|INTERSECT)\\b", Pattern.CASE_INSENSITIVE);

    /**
     * A column of {@code table} copied from {@code sourceColumn} of {@code sourceTable}; names folded, no schema.
     *
     * @param joinColumn the source's column in its join condition ({@code JOIN meta m ON m.document_id = d.id}),
     *                   {@code null} when it is not joined on one of its own columns
     */
    record Copy(String table, String column, String sourceTable, String sourceColumn, String joinColumn) {

        Copy(String table, String column, String sourceTable, String sourceColumn) {
            this(table, column, sourceTable, sourceColumn, null);
        }
    }

    /** A table the query reads, and the column of its own it is joined on (or null). */
    private record Source(String table, String joinColumn) {
    }

    private static final Pattern JOIN_CONDITION = Pattern.compile("^\\s*ON\\s+(" + NAME + ")\\s*\\.\\s*(" + NAME
            + ")\\s*=\\s*(" + NAME + ")\\s*\\.\\s*(" + NAME + ")\\s*(?:;?\\s*$|\\b(?:WHERE|JOIN|INNER|LEFT|RIGHT|FULL|CROSS"
            + "|NATURAL|GROUP|ORDER|LIMIT|RETURNING|ON)\\b)", Pattern.CASE_INSENSITIVE);

    private CopiedColumns() {
    }

    /** The copied columns of one statement; empty unless it is an {@code INSERT … SELECT} with a column list. */
    static List<Copy> of(String statement) {
        String sql = DemandParser.withoutComments(statement).strip();
        Matcher insert = INSERT_SELECT.matcher(sql);
        if (!insert.find()) {
            return List.of();
        }
        String query = sql.substring(insert.end());
        if (query.regionMatches(true, 0, "DISTINCT", 0, 8) || SET_OPERATION.matcher(query).find()) {
            return List.of();
        }
        int from = topLevelFrom(query);
        if (from < 0) {
            return List.of();
        }
        List<String> targets = SqlScan.splitTopLevel(insert.group(2));
        List<String> selected = SqlScan.splitTopLevel(query.substring(0, from));
        if (targets.size() != selected.size()) {
            return List.of();
        }
        Map<String, Source> tables = sources(query.substring(from));
        String table = DemandParser.tableName(insert.group(1));
        List<Copy> copies = new ArrayList<>();
        for (int i = 0; i < targets.size(); i++) {
            Matcher column = COLUMN.matcher(selected.get(i).strip());
            if (!column.matches()) {
                continue;
            }
            Source source = column.group(1) != null ? tables.get(DemandParser.identifier(column.group(1)))
                    : tables.values().stream().map(Source::table).distinct().count() == 1
                            ? tables.values().iterator().next() : null;
            if (source != null) {
                copies.add(new Copy(table, DemandParser.identifier(targets.get(i)), source.table(),
                        DemandParser.identifier(column.group(2)), source.joinColumn()));
            }
        }
        return copies;
    }

    /** The tables read, by alias and by name (both folded), with the column each is joined on. */
    private static Map<String, Source> sources(String fromClause) {
        Map<String, Source> tables = new HashMap<>();
        String outer = topLevelOnly(fromClause);
        Matcher source = SOURCE.matcher(outer);
        while (source.find()) {
            String table = DemandParser.tableName(source.group(1));
            String alias = source.group(2) != null ? DemandParser.identifier(source.group(2)) : table;
            Source read = new Source(table, joinColumn(outer.substring(source.end()), alias));
            tables.put(table, read);
            tables.put(alias, read);
        }
        return tables;
    }

    /** In {@code ON a.x = b.y} right after a joined table, that table's own column (by its alias); else null. */
    private static String joinColumn(String afterSource, String alias) {
        Matcher on = JOIN_CONDITION.matcher(afterSource);
        if (!on.find()) {
            return null;
        }
        boolean left = DemandParser.identifier(on.group(1)).equals(alias);
        boolean right = DemandParser.identifier(on.group(3)).equals(alias);
        return left == right ? null : DemandParser.identifier(left ? on.group(2) : on.group(4));
    }

    /** Where the select list ends: the first {@code FROM} outside parentheses and quotes; -1 without one. */
    static int topLevelFrom(String query) {
        String outer = topLevelOnly(query);
        Matcher from = Pattern.compile("\\bFROM\\b", Pattern.CASE_INSENSITIVE).matcher(outer);
        return from.find() ? from.start() : -1;
    }

    /**
     * The text with everything inside parentheses and string literals blanked out, same length; quoted identifiers at
     * the top level stay, since they name tables and aliases.
     */
    private static String topLevelOnly(String text) {
        char[] out = text.toCharArray();
        int depth = 0;
        char quote = 0;
        for (int i = 0; i < out.length; i++) {
            char c = out[i];
            if (quote != 0) {
                if (quote == '\'' || depth > 0) {
                    out[i] = ' ';
                }
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                if (c == '\'' || depth > 0) {
                    out[i] = ' ';
                }
            } else if (c == '(' || c == ')') {
                depth += c == '(' ? 1 : -1;
                out[i] = ' ';
            } else if (depth > 0) {
                out[i] = ' ';
            }
        }
        return new String(out);
    }
}
