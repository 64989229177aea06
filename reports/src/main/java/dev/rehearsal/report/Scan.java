package dev.rehearsal.report;

/**
 * A full read of a table that did not rewrite it (validating a constraint, {@code SET NOT NULL}, …).
 *
 * @param relation schema-qualified table name
 * @param rows     rows read
 */
public record Scan(String relation, long rows) {
}
