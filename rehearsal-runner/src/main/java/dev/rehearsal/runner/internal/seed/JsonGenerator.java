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

    private final Map<String, Object> required; // key -> TypeKind, or a nested map for deeper paths

    JsonGenerator(List<JsonKey> keys) {
        required = new LinkedHashMap<>();
        for (JsonKey key : keys) {
            insert(required, key.path(), 0, key.kind());
        }
    }

    @SuppressWarnings("unchecked")
    private static void insert(Map<String, Object> node, List<String> path, int depth, TypeKind kind) {
        String key = path.get(depth);
        if (depth == path.size() - 1) {
            node.putIfAbsent(key, kind);
            return;
        }
        Object child = node.get(key);
        if (!(child instanceof Map)) {
            child = new LinkedHashMap<String, Object>();
            node.put(key, child);
        }
        insert((Map<String, Object>) child, path, depth + 1, kind);
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
                value(entry.getKey(), (TypeKind) entry.getValue(), row, out);
            }
        }
    }

    private static void value(String key, TypeKind kind, long row, StringBuilder out) {
        if (kind.isNumeric()) {
            out.append(row + 1);
        } else if (kind == TypeKind.BOOLEAN) {
            out.append(row % 2 == 0);
        } else if (kind.isTemporal()) {
            out.append('"');
            CivilTime.appendDate(TemporalGenerator.EVERYDAY_FROM_DAYS + row % 3650, out);
            out.append('"');
        } else {
            string(key.replaceAll("[^A-Za-z0-9]", "") + "-" + Long.toString(row, 36), out);
        }
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
