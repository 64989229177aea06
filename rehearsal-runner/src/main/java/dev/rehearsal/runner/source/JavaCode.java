package dev.rehearsal.runner.source;

import java.sql.Connection;
import java.util.Objects;

/**
 * The code of a Flyway Java migration ({@code V3__Backfill} implementing {@code JavaMigration}): its statements are
 * known only when it runs, so Rehearsal runs it on a connection that traces each statement it executes.
 *
 * @param className the migration class's binary name, e.g. {@code db.migration.V3__Backfill}; statements are placed
 *                  at the line of the innermost stack frame of this class (or of its nested classes)
 * @param body      runs the migration's {@code migrate} method on the given connection
 */
public record JavaCode(String className, Body body) {

    public JavaCode {
        Objects.requireNonNull(className, "className");
        Objects.requireNonNull(body, "body");
    }

    /** The migration's {@code migrate(Context)}, with the connection of the context given. */
    @FunctionalInterface
    public interface Body {
        void migrate(Connection connection) throws Exception;
    }
}
