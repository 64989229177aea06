package dev.rehearsal.runner.internal.seed;

import java.util.SplittableRandom;

/**
 * Dates (days), timestamps (microseconds), times of day (microseconds) and intervals (seconds), each a
 * {@link LongDomain} printed in PostgreSQL's input syntax. Random values fall in 2015–2025 when allowed.
 */
final class TemporalGenerator implements ValueGenerator {

    static final long EVERYDAY_FROM_DAYS = CivilTime.daysFromCivil(2015, 1, 1);
    static final long EVERYDAY_TO_DAYS = CivilTime.daysFromCivil(2025, 12, 31);

    private final TypeKind kind;
    private final LongDomain domain;
    private final LongDomain everyday;
    private final LongDomain uniqueDomain;

    TemporalGenerator(TypeKind kind, LongDomain domain) {
        this.kind = kind;
        this.domain = domain;
        LongDomain preferred = switch (kind) {
            case DATE -> domain.intersect(EVERYDAY_FROM_DAYS, EVERYDAY_TO_DAYS);
            case TIMESTAMP, TIMESTAMPTZ -> domain.intersect(EVERYDAY_FROM_DAYS * CivilTime.MICROS_PER_DAY,
                    (EVERYDAY_TO_DAYS + 1) * CivilTime.MICROS_PER_DAY - 1);
            default -> domain;
        };
        this.everyday = preferred.isEmpty() ? domain : preferred;
        this.uniqueDomain = domain.intersect(everyday.min(), Long.MAX_VALUE);
    }

    /** The full domain of a temporal kind, in its units. */
    static LongDomain typeDomain(TypeKind kind) {
        return switch (kind) {
            case DATE -> LongDomain.of(CivilTime.daysFromCivil(1, 1, 1), CivilTime.daysFromCivil(9999, 12, 31));
            case TIMESTAMP, TIMESTAMPTZ -> LongDomain.of(CivilTime.daysFromCivil(1, 1, 1) * CivilTime.MICROS_PER_DAY,
                    CivilTime.daysFromCivil(9999, 12, 31) * CivilTime.MICROS_PER_DAY);
            case TIME -> LongDomain.of(0, CivilTime.MICROS_PER_DAY - 1);
            default -> LongDomain.of(0, 90L * 86_400); // interval, in seconds
        };
    }

    /** A literal in this kind's units, or {@code null} when it cannot be read. */
    static Long parse(TypeKind kind, String literal) {
        return switch (kind) {
            case DATE -> CivilTime.parseDate(literal);
            case TIMESTAMP, TIMESTAMPTZ -> CivilTime.parseTimestamp(literal);
            case TIME -> CivilTime.parseTimestamp("1970-01-01 " + literal.trim());
            default -> null;
        };
    }

    @Override
    public void random(long row, SplittableRandom rnd, StringBuilder out) {
        long value = everyday.random(rnd);
        if (kind == TypeKind.TIMESTAMP || kind == TypeKind.TIMESTAMPTZ) {
            value -= value % 1000; // millisecond precision, like most applications write
        }
        append(value, out);
    }

    @Override
    public long capacity() {
        return uniqueDomain.size();
    }

    @Override
    public void unique(long n, StringBuilder out) {
        append(uniqueDomain.nth(n), out);
    }

    private void append(long value, StringBuilder out) {
        switch (kind) {
            case DATE -> CivilTime.appendDate(value, out);
            case TIMESTAMP -> CivilTime.appendTimestamp(value, out);
            case TIMESTAMPTZ -> {
                CivilTime.appendTimestamp(value, out);
                out.append("+00");
            }
            case TIME -> CivilTime.appendTime(value, out);
            default -> out.append(value).append(" seconds");
        }
    }
}
