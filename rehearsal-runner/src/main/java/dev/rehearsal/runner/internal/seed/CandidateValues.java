package dev.rehearsal.runner.internal.seed;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Proposes values for a column whose constraint the in-JVM generators do not understand: values that look right
 * for its name (email, url, phone, slug, codes, hashes, json, …), literals mined from the constraint text (string
 * and number constants, {@code LIKE} patterns filled in, samples of regular expressions) and a few of the type's
 * ordinary values. None of them is trusted: PostgreSQL judges them ({@link CandidateJudge}).
 */
final class CandidateValues {

    private static final Pattern STRING = Pattern.compile("'((?:[^']|'')*)'");
    private static final Pattern REGEX = Pattern.compile("(?<![!~])~\\*?\\s*(?:\\(\\s*)?'((?:[^']|'')*)'");
    private static final Pattern LIKE = Pattern.compile("(?<![!])~~\\*?\\s*(?:\\(\\s*)?'((?:[^']|'')*)'");
    private static final Pattern SIMILAR = Pattern.compile("similar_(?:to_)?escape\\(\\s*'((?:[^']|'')*)'");
    private static final Pattern NUMBER = Pattern.compile("(?<![\\w.'])-?\\d+(?:\\.\\d+)?(?![\\w.'])");
    private static final Pattern NUMERIC_TEXT = Pattern.compile("[-+]?\\d+(\\.\\d+)?([eE][-+]?\\d+)?");
    private static final int REGEX_SAMPLES = 24;
    private static final int TYPE_SAMPLES = 24;

    private CandidateValues() {
    }

    /**
     * @param conditions the constraint texts the values must pass (table CHECK expressions, domain CHECKs)
     * @param extra      candidates a caller already knows (demands of later migrations)
     * @param ordinary   the type's own generator, for its everyday values; may be {@code null}
     */
    static List<String> propose(ColumnInfo column, List<String> conditions, List<String> extra,
                                ValueGenerator ordinary, long salt) {
        Set<String> values = new LinkedHashSet<>(extra);
        SplittableRandom rnd = new SplittableRandom(salt);
        for (String condition : conditions) {
            mine(condition, rnd, values);
        }
        values.addAll(NameHints.forColumn(column.name()));
        if (ordinary != null) {
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < TYPE_SAMPLES; i++) {
                out.setLength(0);
                ordinary.random(i, rnd, out);
                values.add(out.toString());
                if (i < ordinary.capacity()) {
                    out.setLength(0);
                    ordinary.unique(i, out);
                    values.add(out.toString());
                }
            }
        }
        values.addAll(List.of("a", "abc", "Abc", "ABC", "abc123", "x1", "1", "0", "10", "100"));
        return fitting(column.type(), values);
    }

    private static void mine(String condition, SplittableRandom rnd, Set<String> values) {
        Matcher regex = REGEX.matcher(condition);
        while (regex.find()) {
            RegexSample sample = RegexSample.of(unquote(regex.group(1)));
            if (sample != null) {
                values.add(sample.sample(rnd, true));
                for (int i = 0; i < REGEX_SAMPLES; i++) {
                    values.add(sample.sample(rnd, false));
                }
            }
        }
        Matcher like = LIKE.matcher(condition);
        while (like.find()) {
            String pattern = unquote(like.group(1));
            values.add(fillLike(pattern, "", "x"));
            values.add(fillLike(pattern, "ab", "x"));
            values.add(fillLike(pattern, "user.name", "a"));
        }
        Matcher similar = SIMILAR.matcher(condition);
        while (similar.find()) {
            RegexSample sample = RegexSample.of(unquote(similar.group(1)).replace("%", ".*").replace("_", "."));
            if (sample != null) {
                for (int i = 0; i < REGEX_SAMPLES; i++) {
                    values.add(sample.sample(rnd, i == 0));
                }
            }
        }
        Matcher string = STRING.matcher(condition);
        while (string.find()) {
            String literal = unquote(string.group(1));
            values.add(literal);
            if (literal.length() <= 3) { // a separator the value must contain, e.g. position('@' IN email) > 1
                values.add("ab" + literal + "cd");
                values.add("user" + literal + "example.com");
            }
        }
        Matcher number = NUMBER.matcher(condition.replaceAll("'(?:[^']|'')*'", "''"));
        while (number.find()) {
            String n = number.group();
            values.add(n);
            if (!n.contains(".")) {
                long v = Long.parseLong(n);
                values.add(Long.toString(v + 1));
                values.add(Long.toString(v - 1));
                if (v > 0 && v <= 64) { // perhaps a length
                    values.add("a".repeat((int) v));
                    values.add("1".repeat((int) v));
                }
            }
        }
    }

    /** Fills {@code %} with {@code many} and {@code _} with {@code one}, honouring the default escape {@code \}. */
    static String fillLike(String pattern, String many, String one) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\' && i + 1 < pattern.length()) {
                out.append(pattern.charAt(++i));
            } else if (c == '%') {
                out.append(many);
            } else if (c == '_') {
                out.append(one);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** A cheap look at the first character, for types whose input rejects most text. */
    private static boolean plausible(TypeKind kind, String value) {
        if (value.isEmpty()) {
            return kind.isTextual() || kind == TypeKind.BYTEA;
        }
        char first = value.charAt(0);
        return switch (kind) {
            case JSON, JSONB -> "{[\"-0123456789tfn".indexOf(first) >= 0;
            case ARRAY -> first == '{';
            case UUID -> value.length() == 36 || value.length() == 32;
            case DATE, TIMESTAMP, TIMESTAMPTZ, TIME -> Character.isDigit(first);
            case INET -> Character.isDigit(first) || first == ':';
            default -> true;
        };
    }

    private static String unquote(String sqlBody) {
        return sqlBody.replace("''", "'");
    }

    /** Drops what cannot be a value of the type (casts that would fail, text longer than the type allows). */
    static List<String> fitting(PgType type, java.util.Collection<String> values) {
        List<String> result = new ArrayList<>();
        int max = (type.kind() == TypeKind.VARCHAR || type.kind() == TypeKind.CHAR) && type.typmod() >= 4
                ? type.typmod() - 4 : Integer.MAX_VALUE;
        for (String value : values) {
            if (value.indexOf('\0') >= 0) {
                continue;
            }
            if (type.kind().isNumeric() && !NUMERIC_TEXT.matcher(value).matches()) {
                continue;
            }
            if (type.kind() == TypeKind.BOOLEAN && !List.of("t", "f", "true", "false")
                    .contains(value.toLowerCase(Locale.ROOT))) {
                continue;
            }
            if (type.kind().isTextual() && value.length() > max) {
                continue;
            }
            if (!plausible(type.kind(), value)) {
                continue; // the cast would fail: PostgreSQL would reject it, at the cost of a split batch
            }
            result.add(value);
        }
        return result;
    }
}
