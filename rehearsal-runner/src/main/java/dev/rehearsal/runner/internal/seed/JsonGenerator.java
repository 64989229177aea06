package dev.rehearsal.runner.internal.seed;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Small JSON objects. Keys that generated columns read are always present, with a value of the kind the
 * generated column expects that differs per row (so a unique index over the generated column holds).
 */
final class JsonGenerator implements ValueGenerator {

    private final Map<String, Object> required; // key -> PgType, or a nested map for deeper paths

    JsonGenerator(List<JsonKey> keys) {
        required = new LinkedHashMap<>();
        for (JsonKey key : keys) {
            insert(required, key.path(), 0, key.type());
        }
    }

    @SuppressWarnings("unchecked")
    private static void insert(Map<String, Object> node, List<String> path, int depth, PgType type) {
        String key = path.get(depth);
        if (depth == path.size() - 1) {
            node.putIfAbsent(key, type);
            return;
        }
        Object child = node.get(key);
        if (!(child instanceof Map)) {
            child = new LinkedHashMap<String, Object>();
            node.put(key, child);
        }
        insert((Map<String, Object>) child, path, depth + 1, type);
    }

    @Override
    public void random(long row, SplittableRandom rnd, StringBuilder out) {
        out.append('{');
        boolean first = true;
        if (!required.containsKey("n")) {
            out.append("\"n\": ").append(rnd.nextInt(1000));
            first = false;
        }
        if (!required.containsKey("flag")) {
            out.append(first ? "" : ", ").append("\"flag\": ").append(rnd.nextBoolean());
            first = false;
        }
        writeRequired(required, row, first, out);
        out.append('}');
    }

    @Override
    public long capacity() {
        return Long.MAX_VALUE;
    }

    @Override
    public void unique(long n, StringBuilder out) {
        out.append('{');
        boolean first = true;
        if (!required.containsKey("id")) {
            out.append("\"id\": ").append(n);
            first = false;
        }
        writeRequired(required, n, first, out);
        out.append('}');
    }

    @SuppressWarnings("unchecked")
    private static void writeRequired(Map<String, Object> node, long row, boolean first, StringBuilder out) {
        for (Map.Entry<String, Object> entry : node.entrySet()) {
            out.append(first ? "" : ", ");
            first = false;
            string(entry.getKey(), out);
            out.append(": ");
            if (entry.getValue() instanceof Map) {
                out.append('{');
                writeRequired((Map<String, Object>) entry.getValue(), row, true, out);
                out.append('}');
            } else {
                value(entry.getKey(), (PgType) entry.getValue(), row, out);
            }
        }
    }

    private static void value(String key, PgType type, long row, StringBuilder out) {
        TypeKind kind = type.kind();
        if (kind == TypeKind.ENUM && !type.labels().isEmpty()) {
            // the generated column casts the key to the enum (often through a function): only labels pass
            string(type.labels().get((int) (row % type.labels().size())), out);
        } else if (kind == TypeKind.SMALLINT) {
            out.append(row % Short.MAX_VALUE + 1);
        } else if (kind.isNumeric()) {
            out.append(row + 1);
        } else if (kind == TypeKind.BOOLEAN) {
            out.append(row % 2 == 0);
        } else if (kind.isTemporal()) {
            out.append('"');
            CivilTime.appendDate(TemporalGenerator.EVERYDAY_FROM_DAYS + row % 3650, out);
            out.append('"');
        } else {
            string(text(key, type, row), out);
        }
    }

    /** {@code key-<row in base 36>}, the key shortened so that it fits a varchar(n) or char(n) column. */
    static String text(String key, PgType type, long row) {
        String suffix = Long.toString(row, 36);
        String prefix = key.replaceAll("[^A-Za-z0-9]", "") + "-";
        boolean bounded = (type.kind() == TypeKind.VARCHAR || type.kind() == TypeKind.CHAR) && type.typmod() >= 4;
        int max = bounded ? type.typmod() - 4 : Integer.MAX_VALUE;
        if (prefix.length() + suffix.length() <= max) {
            return prefix + suffix;
        }
        return max > suffix.length() + 1 ? prefix.substring(0, max - suffix.length() - 1) + "-" + suffix
                : suffix.substring(Math.max(0, suffix.length() - max));
    }

    private static void string(String text, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\');
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
                continue;
            }
            out.append(c);
        }
        out.append('"');
    }
}
