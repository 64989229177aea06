package dev.rehearsal.runner.internal.seed;

import dev.rehearsal.runner.internal.seed.ValueRule.Comparison;
import dev.rehearsal.runner.internal.seed.ValueRule.Span;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Builds the generator of a column from its type and the rules that CHECKs, domains and partitions impose. */
public final class Generators {

    /**
     * A generator, or why there is none.
     *
     * @param generator the generator, {@code null} when the column cannot be filled
     * @param problem   what prevents generating values, {@code null} when there is a generator
     */
    public record Made(ValueGenerator generator, String problem) {
        static Made of(ValueGenerator generator) {
            return new Made(generator, null);
        }

        static Made fails(String problem) {
            return new Made(null, problem);
        }
    }

    private Generators() {
    }

    /**
     * @param rule     what the table's CHECKs and partition bounds demand of the column
     * @param jsonKeys keys that generated columns read, for json(b) columns
     * @param salt     varies unique text and UUIDs between columns
     */
    public static Made forType(PgType type, ValueRule rule, List<JsonKey> jsonKeys, long salt) {
        ValueRule all = rule;
        for (String check : type.checks()) {
            ValueRule domainRule = CheckParser.parse(check).rules().get("VALUE");
            if (domainRule != null) {
                all = all.and(domainRule);
            }
        }
        TypeKind kind = type.kind();
        if (kind == TypeKind.ENUM || kind == TypeKind.BOOLEAN || all.allowed() != null) {
            return choice(type, all);
        }
        if (kind.isNumeric()) {
            return number(type, all);
        }
        if (kind.isTemporal() || kind == TypeKind.INTERVAL) {
            return temporal(type, all);
        }
        return switch (kind) {
            case TEXT, VARCHAR, CHAR -> text(type, all, salt);
            case UUID -> Made.of(new UuidGenerator(salt));
            case JSON, JSONB -> Made.of(new JsonGenerator(jsonKeys));
            case BYTEA -> Made.of(new BytesGenerator());
            case INET -> Made.of(new InetGenerator());
            case RANGE -> RangeGenerator.supports(type.base() == null ? type.name() : type.base())
                    ? Made.of(new RangeGenerator(type.base() == null ? type.name() : type.base()))
                    : Made.fails("range type " + type.name() + " is not one the seeder can generate");
            case ARRAY -> {
                // the column's modifier is the elements' (char(2)[] holds char(2) values)
                Made element = forType(type.element().withTypmod(type.typmod()), ValueRule.NONE, List.of(), salt);
                yield element.generator() == null ? element : Made.of(new ArrayGenerator(element.generator()));
            }
            default -> Made.fails("type " + type.name() + " is not one the seeder can generate");
        };
    }

    private static Made choice(PgType type, ValueRule rule) {
        List<String> values = type.kind() == TypeKind.ENUM ? type.labels()
                : type.kind() == TypeKind.BOOLEAN ? List.of("t", "f") : rule.allowed();
        if (rule.allowed() != null && type.kind() == TypeKind.ENUM) {
            values = values.stream().filter(rule.allowed()::contains).toList();
        }
        if (type.kind() == TypeKind.BOOLEAN && rule.allowed() != null) {
            values = rule.allowed().stream().map(v -> v.toLowerCase(java.util.Locale.ROOT).startsWith("t") ? "t" : "f")
                    .distinct().toList();
        }
        int max = maxLength(type, rule);
        List<String> fitting = values.stream()
                .filter(v -> v.length() >= rule.minLength() && (max < 0 || v.length() <= max)).toList();
        return fitting.isEmpty() ? Made.fails("no value of " + type.name() + " satisfies the allowed values "
                + (values.isEmpty() ? "(the enum has no labels)" : values)) : Made.of(new ChoiceGenerator(fitting));
    }

    private static Made text(PgType type, ValueRule rule, long salt) {
        TextGenerator generator = new TextGenerator(rule.minLength(), maxLength(type, rule), salt);
        return generator.satisfiable() ? Made.of(generator) : Made.fails("no text of length between "
                + rule.minLength() + " and " + maxLength(type, rule) + " fits " + type.name());
    }

    private static int maxLength(PgType type, ValueRule rule) {
        int typeMax = (type.kind() == TypeKind.VARCHAR || type.kind() == TypeKind.CHAR) && type.typmod() >= 4
                ? type.typmod() - 4 : -1;
        if (typeMax < 0) {
            return rule.maxLength();
        }
        return rule.maxLength() < 0 ? typeMax : Math.min(typeMax, rule.maxLength());
    }

    private static Made number(PgType type, ValueRule rule) {
        int scale = 0;
        long limit;
        long everyday = 1_000_000;
        switch (type.kind()) {
            case SMALLINT -> {
                limit = Short.MAX_VALUE;
                everyday = 10_000;
            }
            case INTEGER -> limit = Integer.MAX_VALUE;
            case BIGINT -> limit = Long.MAX_VALUE;
            case REAL -> {
                scale = 2;
                limit = 100_000_000L; // seven significant digits survive float4
                everyday = 10_000_000;
            }
            case DOUBLE -> {
                scale = 2;
                limit = 1_000_000_000_000_000L;
                everyday = 100_000_000;
            }
            default -> {
                int precision = type.typmod() >= 4 ? ((type.typmod() - 4) >> 16) & 0xffff : 18;
                scale = type.typmod() >= 4 ? (type.typmod() - 4) & 0xffff : 2;
                limit = precision >= 18 ? Long.MAX_VALUE : NumberGenerator.pow10(precision) - 1;
                everyday = Math.min(limit, 100_000 * NumberGenerator.pow10(scale));
            }
        }
        LongDomain domain = LongDomain.of(type.kind() == TypeKind.BIGINT ? Long.MIN_VALUE : -limit, limit);
        int unitScale = scale;
        domain = restrict(domain, rule, literal -> units(literal, unitScale));
        if (domain.isEmpty()) {
            return Made.fails("no value of " + type.name() + " satisfies " + describe(rule));
        }
        return Made.of(new NumberGenerator(domain, scale, everyday));
    }

    private static Made temporal(PgType type, ValueRule rule) {
        LongDomain domain = restrict(TemporalGenerator.typeDomain(type.kind()), rule, literal -> {
            Long units = TemporalGenerator.parse(type.kind(), literal);
            return units == null ? null : BigDecimal.valueOf(units);
        });
        if (domain.isEmpty()) {
            return Made.fails("no value of " + type.name() + " satisfies " + describe(rule));
        }
        return Made.of(new TemporalGenerator(type.kind(), domain));
    }

    /** Applies comparisons and partition spans; literals that cannot be read are left to the server to check. */
    private static LongDomain restrict(LongDomain domain, ValueRule rule,
                                       java.util.function.Function<String, BigDecimal> toUnits) {
        LongDomain result = domain;
        for (Comparison comparison : rule.comparisons()) {
            BigDecimal value = toUnits.apply(comparison.literal());
            if (value == null) {
                continue;
            }
            long floor = clamp(value.setScale(0, RoundingMode.FLOOR));
            long ceiling = clamp(value.setScale(0, RoundingMode.CEILING));
            boolean whole = floor == ceiling;
            result = switch (comparison.op()) {
                case ">" -> result.intersect(floor == Long.MAX_VALUE ? floor : floor + 1, Long.MAX_VALUE);
                case ">=" -> result.intersect(ceiling, Long.MAX_VALUE);
                case "<" -> result.intersect(Long.MIN_VALUE, ceiling == Long.MIN_VALUE ? ceiling : ceiling - 1);
                case "<=" -> result.intersect(Long.MIN_VALUE, floor);
                case "=" -> whole ? result.intersect(floor, floor) : LongDomain.of(1, 0);
                default -> result;
            };
        }
        if (rule.spans() != null) {
            List<long[]> intervals = new ArrayList<>();
            for (Span span : rule.spans()) {
                BigDecimal from = span.from() == null ? null : toUnits.apply(span.from());
                BigDecimal to = span.to() == null ? null : toUnits.apply(span.to());
                if ((from != null || span.from() == null) && (to != null || span.to() == null)) {
                    intervals.add(new long[] {from == null ? Long.MIN_VALUE : clamp(from.setScale(0, RoundingMode.CEILING)),
                            to == null ? Long.MAX_VALUE : clamp(to.setScale(0, RoundingMode.CEILING)) - 1});
                }
            }
            result = result.intersect(LongDomain.union(intervals));
        }
        return result;
    }

    private static long clamp(BigDecimal whole) {
        if (whole.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) >= 0) {
            return Long.MAX_VALUE;
        }
        return whole.compareTo(BigDecimal.valueOf(Long.MIN_VALUE)) <= 0 ? Long.MIN_VALUE : whole.longValue();
    }

    /** A decimal literal in units of 10^-scale, possibly fractional. */
    private static BigDecimal units(String literal, int scale) {
        try {
            return new BigDecimal(literal).movePointRight(scale);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String describe(ValueRule rule) {
        List<String> parts = new ArrayList<>();
        rule.comparisons().forEach(c -> parts.add("value " + c.op() + " " + c.literal()));
        if (rule.spans() != null) {
            parts.add("the partition bounds " + rule.spans().stream()
                    .map(s -> "[" + (s.from() == null ? "MINVALUE" : s.from()) + ", "
                            + (s.to() == null ? "MAXVALUE" : s.to()) + ")").toList());
        }
        return String.join(" AND ", parts);
    }

    /** Rules per column name from all understood table CHECKs; {@code notUnderstood} collects the others. */
    public static Map<String, ValueRule> tableRules(TableInfo table, List<TableInfo.Check> notUnderstood) {
        Map<String, ValueRule> rules = new java.util.HashMap<>();
        for (TableInfo.Check check : table.checks()) {
            CheckParser.Result parsed = CheckParser.parse(check.definition());
            parsed.rules().forEach((column, rule) -> rules.merge(column, rule, ValueRule::and));
            boolean knownColumns = parsed.rules().keySet().stream().allMatch(c -> table.column(c).isPresent());
            if (!parsed.complete() || !knownColumns) {
                notUnderstood.add(check);
            }
        }
        PartitionRules.apply(table, rules);
        return rules;
    }
}
