package dev.rehearsal.runner.internal.seed;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a later cast demands of a column's values ({@link ChainDemands}): {@code c::jsonb}, {@code c::uuid}, an
 * integer, a timestamp or an enum read from the chain's {@code CREATE TYPE … AS ENUM} and {@code ADD VALUE}, and
 * the type the seeder then generates the column's text as.
 */
final class CastShapes {

    /** Longest generated JSON document (~30 characters), UUID (36) or timestamp with zone (~32) fits in this. */
    private static final int MIN_LENGTH_FOR_SHAPED_TEXT = 40;

    /** Anywhere in a statement: goose sends a {@code StatementBegin} block of many statements as one. */
    private static final Pattern CREATE_ENUM = Pattern.compile(
            "\\bCREATE\\s+TYPE\\s+((?:\"[^\"]+\"|[\\w$]+)(?:\\.(?:\"[^\"]+\"|[\\w$]+))?)\\s+AS\\s+ENUM\\s*\\("
                    + "((?:'(?:[^']|'')*'|[^')])*)\\)", Pattern.CASE_INSENSITIVE);
    private static final Pattern ADD_VALUE = Pattern.compile(
            "\\bALTER\\s+TYPE\\s+((?:\"[^\"]+\"|[\\w$]+)(?:\\.(?:\"[^\"]+\"|[\\w$]+))?)\\s+ADD\\s+VALUE\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?"
                    + "'((?:[^']|'')*)'", Pattern.CASE_INSENSITIVE);
    private static final Pattern LABEL = Pattern.compile("'((?:[^']|'')*)'");
    private static final Map<String, TypeKind> CAST_TARGETS = Map.ofEntries(
            Map.entry("json", TypeKind.JSON), Map.entry("jsonb", TypeKind.JSONB), Map.entry("uuid", TypeKind.UUID),
            Map.entry("smallint", TypeKind.SMALLINT), Map.entry("int2", TypeKind.SMALLINT),
            Map.entry("integer", TypeKind.INTEGER), Map.entry("int", TypeKind.INTEGER), Map.entry("int4", TypeKind.INTEGER),
            Map.entry("bigint", TypeKind.BIGINT), Map.entry("int8", TypeKind.BIGINT),
            Map.entry("numeric", TypeKind.NUMERIC), Map.entry("decimal", TypeKind.NUMERIC),
            Map.entry("boolean", TypeKind.BOOLEAN), Map.entry("bool", TypeKind.BOOLEAN),
            Map.entry("date", TypeKind.DATE), Map.entry("timestamp", TypeKind.TIMESTAMP),
            Map.entry("timestamp without time zone", TypeKind.TIMESTAMP),
            Map.entry("timestamptz", TypeKind.TIMESTAMPTZ), Map.entry("timestamp with time zone", TypeKind.TIMESTAMPTZ));

    /** The shape a column's values must have: a kind, and the labels when it is an enum. */
    record Shape(TypeKind kind, int typmod, List<String> labels) {
    }

    private CastShapes() {
    }

    /**
     * The type to generate a text column's values as. A {@code char(n)} keeps its padding through a cast, and a
     * short {@code varchar(n)} cannot hold a JSON document or a UUID: those keep their text, and the step that casts
     * them is rehearsed again if it rejects them.
     */
    static PgType shaped(PgType type, Shape shape) {
        if (shape != null && type.kind() == TypeKind.ENUM && shape.kind() == TypeKind.ENUM) {
            // an enum cast through its text into another enum (a trigger copying it): the labels both have
            List<String> shared = type.labels().stream().filter(shape.labels()::contains).toList();
            return shared.isEmpty() || shared.size() == type.labels().size() ? type
                    : new PgType(type.name(), TypeKind.ENUM, type.typmod(), shared, null, type.notNull(), type.checks(),
                            type.base());
        }
        if (shape == null || (type.kind() != TypeKind.TEXT && type.kind() != TypeKind.VARCHAR)) {
            return type;
        }
        int maxLength = type.kind() == TypeKind.VARCHAR && type.typmod() >= 4 ? type.typmod() - 4 : Integer.MAX_VALUE;
        if (shape.kind() == TypeKind.ENUM) {
            List<String> fitting = shape.labels().stream().filter(l -> l.length() <= maxLength).toList();
            return fitting.isEmpty() ? type
                    : new PgType(type.name(), TypeKind.ENUM, type.typmod(), fitting, null, type.notNull(), type.checks(),
                            type.base());
        }
        if (maxLength < MIN_LENGTH_FOR_SHAPED_TEXT) {
            return type;
        }
        return new PgType(type.name(), shape.kind(), shape.typmod(), List.of(), null, type.notNull(), type.checks(),
                type.base()); // candidates are still judged as the text they are stored as
    }

    /** The shape a later cast demands of the column's text; null when any text fits (arrays, computed USING). */
    static Shape of(DemandParser.Cast cast, Map<String, List<String>> enumLabels) {
        if (cast.using() != null && !castsOnly(cast.using(), cast.column())) {
            return null; // the USING expression computes the value: any text may fit
        }
        String written = cast.type().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
        String type = written.replaceAll("\\s*\\(.*?\\)", "").strip();
        if (type.endsWith("[]")) {
            return null;
        }
        TypeKind kind = CAST_TARGETS.get(type.startsWith("pg_catalog.") ? type.substring(11) : type);
        if (kind != null) {
            return new Shape(kind, kind == TypeKind.NUMERIC ? numericTypmod(written) : -1, List.of());
        }
        List<String> labels = enumLabels.get(DemandParser.tableName(cast.type()));
        return labels == null || labels.isEmpty() ? null : new Shape(TypeKind.ENUM, -1, List.copyOf(labels));
    }

    /** The type of a later generated column as written: what its json keys' values must parse as. */
    static PgType typeOf(String written, Map<String, List<String>> enumLabels) {
        String type = written.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").replaceAll("\\s*\\(.*?\\)", "").strip();
        TypeKind kind = CAST_TARGETS.get(type.startsWith("pg_catalog.") ? type.substring(11) : type);
        List<String> labels = kind == null ? enumLabels.getOrDefault(DemandParser.tableName(written), List.of()) : List.of();
        TypeKind resolved = kind != null ? kind : labels.isEmpty() ? TypeKind.TEXT : TypeKind.ENUM;
        return new PgType(type, resolved, -1, labels, null, false, List.of(), null);
    }

    /** {@code numeric(p, s)} as PostgreSQL keeps it in {@code atttypmod}; -1 for an unconstrained numeric. */
    private static int numericTypmod(String type) {
        Matcher m = Pattern.compile("\\((\\d+)\\s*(?:,\\s*(\\d+))?\\)").matcher(type);
        if (!m.find()) {
            return -1;
        }
        int scale = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
        return ((Integer.parseInt(m.group(1)) << 16) | scale) + 4;
    }

    /** {@code col::t}, {@code col::text::t}, {@code CAST(col AS t)}: the column's text itself must fit. */
    private static boolean castsOnly(String using, String column) {
        String text = using.strip();
        Matcher cast = Pattern.compile("^CAST\\s*\\((.*)\\s+AS\\s+[^()]+\\)$", Pattern.CASE_INSENSITIVE | Pattern.DOTALL)
                .matcher(text);
        if (cast.find()) {
            text = cast.group(1).strip();
        }
        while (text.startsWith("(") && text.endsWith(")")) {
            text = text.substring(1, text.length() - 1).strip();
        }
        text = text.replaceAll("(?i)\\s*::\\s*(?:\"[^\"]+\"|[\\w$.]+)(?:\\s*\\(\\s*\\d+\\s*(?:,\\s*\\d+\\s*)?\\))?(?:\\s+(?:with|without)\\s+time\\s+zone)?", "")
                .strip();
        while (text.startsWith("(") && text.endsWith(")")) {
            text = text.substring(1, text.length() - 1).strip();
        }
        return text.matches("\"(?:[^\"]|\"\")+\"|[\\w$]+") && DemandParser.identifier(text).equals(column);
    }

    /** Adds the labels of the enums {@code sql} creates or extends, by folded type name. */
    static void enumLabels(String sql, Map<String, List<String>> enumLabels) {
        Matcher create = CREATE_ENUM.matcher(sql);
        while (create.find()) {
            List<String> labels = new ArrayList<>();
            Matcher label = LABEL.matcher(create.group(2));
            while (label.find()) {
                labels.add(label.group(1).replace("''", "'"));
            }
            enumLabels.put(DemandParser.tableName(create.group(1)), labels);
        }
        Matcher add = ADD_VALUE.matcher(sql);
        while (add.find()) {
            enumLabels.computeIfAbsent(DemandParser.tableName(add.group(1)), t -> new ArrayList<>())
                    .add(add.group(2).replace("''", "'"));
        }
    }
}
