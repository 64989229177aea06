package dev.rehearsal.runner.internal.seed;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What a column's values must satisfy beyond their type, collected from CHECK constraints (of the table and of
 * domains) and partition bounds. Literals are kept as text; generators convert them for their type.
 *
 * @param comparisons {@code value <op> literal} conditions, op one of {@code < <= = >= > <>}
 * @param allowed     the only values allowed ({@code IN} lists, list partitions), {@code null} for any
 * @param minLength   minimum character length, 0 for none
 * @param maxLength   maximum character length, -1 for none
 * @param spans       range partitions: the value must lie in one of these half-open spans, {@code null} for any
 */
public record ValueRule(List<Comparison> comparisons, List<String> allowed, int minLength, int maxLength,
                        List<Span> spans) {

    public static final ValueRule NONE = new ValueRule(List.of(), null, 0, -1, null);

    public ValueRule {
        comparisons = List.copyOf(comparisons);
        allowed = allowed == null ? null : List.copyOf(allowed);
        spans = spans == null ? null : List.copyOf(spans);
    }

    /** {@code value <op> literal}. */
    public record Comparison(String op, String literal) {
    }

    /** {@code [from, to)}; {@code null} ends stand for MINVALUE and MAXVALUE. */
    public record Span(String from, String to) {
    }

    static ValueRule comparison(String op, String literal) {
        return new ValueRule(List.of(new Comparison(op, literal)), null, 0, -1, null);
    }

    static ValueRule oneOf(List<String> values) {
        return new ValueRule(List.of(), values, 0, -1, null);
    }

    static ValueRule length(int min, int max) {
        return new ValueRule(List.of(), null, min, max, null);
    }

    static ValueRule within(List<Span> spans) {
        return new ValueRule(List.of(), null, 0, -1, spans);
    }

    /** Both rules at once. */
    ValueRule and(ValueRule other) {
        List<Comparison> all = new ArrayList<>(comparisons);
        all.addAll(other.comparisons);
        List<String> values = allowed;
        if (other.allowed != null) {
            if (values == null) {
                values = other.allowed;
            } else {
                Set<String> both = new LinkedHashSet<>(values);
                both.retainAll(other.allowed);
                values = List.copyOf(both);
            }
        }
        int max = maxLength < 0 ? other.maxLength : other.maxLength < 0 ? maxLength : Math.min(maxLength, other.maxLength);
        return new ValueRule(all, values, Math.max(minLength, other.minLength), max,
                spans == null ? other.spans : spans);
    }
}
