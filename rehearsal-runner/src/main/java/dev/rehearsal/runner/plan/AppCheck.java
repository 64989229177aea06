package dev.rehearsal.runner.plan;

import java.sql.Connection;

/**
 * One thing an app version does with the database, e.g. insert an order the way that version's code does. It passes
 * when it returns and fails when it throws; the connection's transaction is rolled back afterwards, so a check may
 * write freely without changing what later steps see.
 */
@FunctionalInterface
public interface AppCheck {

    void run(Connection connection) throws Exception;
}
