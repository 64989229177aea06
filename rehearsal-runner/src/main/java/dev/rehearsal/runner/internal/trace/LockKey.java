package dev.rehearsal.runner.internal.trace;

/** A granted relation lock: schema-qualified relation and mode as {@code pg_locks} names it. */
public record LockKey(String relation, String mode) {
}
