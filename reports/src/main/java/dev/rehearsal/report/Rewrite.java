package dev.rehearsal.report;

/**
 * A table (or index) whose storage a statement rewrote.
 *
 * @param relation schema-qualified relation name
 * @param reason   why, in words, e.g. {@code column type change}
 */
public record Rewrite(String relation, String reason) {
}
