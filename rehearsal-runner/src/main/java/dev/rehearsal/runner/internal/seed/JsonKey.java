package dev.rehearsal.runner.internal.seed;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A key a stored generated column reads from a json(b) column ({@code payload ->> 'sku'}), so that generated rows
 * carry it: the generated column then holds a value instead of NULL, and a NOT NULL or unique generated column
 * can be filled.
 *
 * @param path  the keys from the top-level object down
 * @param kind  the kind of value the generated column expects (a number for {@code (payload->>'qty')::int})
 */
public record JsonKey(List<String> path, TypeKind kind) {

    private static final Pattern FIRST = Pattern.compile("(\"(?:[^\"]|\"\")+\"|[A-Za-z_][\\w$]*)\\s*->>?\\s*'((?:[^']|'')*)'");
    private static final Pattern NEXT = Pattern.compile("\\G(?:::text)?\\)?\\s*->>?\\s*'((?:[^']|'')*)'");

    public JsonKey {
        path = List.copyOf(path);
    }

    /** The keys each json(b) column of the table must carry, by column name. */
    static Map<String, List<JsonKey>> readBy(TableInfo table) {
        Map<String, List<JsonKey>> keys = new LinkedHashMap<>();
        for (ColumnInfo generated : table.columns()) {
            if (!generated.generated() || generated.generationExpr() == null) {
                continue;
            }
            Matcher first = FIRST.matcher(generated.generationExpr());
            while (first.find()) {
                String column = CheckParser.columnName(first.group(1));
                if (column == null || table.column(column).map(c -> !isJson(c.type().kind())).orElse(true)) {
                    continue;
                }
                List<String> path = new ArrayList<>(List.of(first.group(2).replace("''", "'")));
                Matcher next = NEXT.matcher(generated.generationExpr());
                int end = first.end();
                while (next.find(end) && next.start() == end) {
                    path.add(next.group(1).replace("''", "'"));
                    end = next.end();
                }
                keys.computeIfAbsent(column, c -> new ArrayList<>()).add(new JsonKey(path, generated.type().kind()));
            }
        }
        return keys;
    }

    private static boolean isJson(TypeKind kind) {
        return kind == TypeKind.JSON || kind == TypeKind.JSONB;
    }
}
