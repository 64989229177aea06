package dev.rehearsal.runner.internal.seed;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A key a stored generated column reads from a json(b) column ({@code payload ->> 'sku'} or
 * {@code payload #>> '{state,current}'}), so that generated rows carry it: the generated column then holds a value
 * instead of NULL, and a NOT NULL or unique generated column can be filled.
 *
 * @param path  the keys from the top-level object down
 * @param type  the type of the generated column: its kind says what value to write (a number for
 *              {@code (payload->>'qty')::int}); an enum's labels are the only values a cast to it accepts
 */
public record JsonKey(List<String> path, PgType type) {

    private static final String COLUMN = "(\"(?:[^\"]|\"\")+\"|[A-Za-z_][\\w$]*)\\s*";
    private static final Pattern FIRST = Pattern.compile(COLUMN + "->>?\\s*'((?:[^']|'')*)'");
    private static final Pattern NEXT = Pattern.compile("\\G(?:::text)?\\)?\\s*->>?\\s*'((?:[^']|'')*)'");
    // pg_get_expr prints a path operator as: value #>> '{state,current}'::text[]
    private static final Pattern PATH = Pattern.compile(COLUMN + "#>>?\\s*'\\{((?:[^'}]|'')*)}'");
    private static final Pattern PATH_ELEMENT = Pattern.compile("\\s*(\"(?:[^\"\\\\]|\\\\.)*\"|[^,\"]*?)\\s*(?:,|$)");

    public JsonKey {
        path = List.copyOf(path);
    }

    public TypeKind kind() {
        return type.kind();
    }

    /** The keys each json(b) column of the table must carry, by column name: for its generated columns and later ones. */
    static Map<String, List<JsonKey>> readBy(TableInfo table) {
        Map<String, List<JsonKey>> keys = new LinkedHashMap<>();
        List<ColumnInfo> generatedColumns = new ArrayList<>(table.columns());
        generatedColumns.addAll(table.laterGenerated());
        for (ColumnInfo generated : generatedColumns) {
            if (!generated.generated() || generated.generationExpr() == null) {
                continue;
            }
            String expr = generated.generationExpr();
            Matcher first = FIRST.matcher(expr);
            while (first.find()) {
                List<String> path = new ArrayList<>(List.of(first.group(2).replace("''", "'")));
                Matcher next = NEXT.matcher(expr);
                int end = first.end();
                while (next.find(end) && next.start() == end) {
                    path.add(next.group(1).replace("''", "'"));
                    end = next.end();
                }
                add(table, first.group(1), path, generated, keys);
            }
            Matcher array = PATH.matcher(expr);
            while (array.find()) {
                add(table, array.group(1), pathElements(array.group(2).replace("''", "'")), generated, keys);
            }
        }
        return keys;
    }

    private static void add(TableInfo table, String columnToken, List<String> path, ColumnInfo generated,
                            Map<String, List<JsonKey>> keys) {
        String column = CheckParser.columnName(columnToken);
        if (path.isEmpty() || column == null
                || table.column(column).map(c -> !isJson(c.type().kind())).orElse(true)) {
            return;
        }
        keys.computeIfAbsent(column, c -> new ArrayList<>()).add(new JsonKey(path, generated.type()));
    }

    /** The elements of a text[] literal's body: {@code state, current} or {@code source,"name space"}. */
    static List<String> pathElements(String body) {
        List<String> elements = new ArrayList<>();
        Matcher element = PATH_ELEMENT.matcher(body);
        int at = 0;
        while (at < body.length() && element.find(at) && element.start() == at) {
            String raw = element.group(1);
            if (raw.startsWith("\"")) {
                raw = raw.substring(1, raw.length() - 1).replaceAll("\\\\(.)", "$1");
            }
            if (raw.isEmpty()) {
                return List.of();
            }
            elements.add(raw);
            at = element.end();
        }
        return elements;
    }

    private static boolean isJson(TypeKind kind) {
        return kind == TypeKind.JSON || kind == TypeKind.JSONB;
    }
}
