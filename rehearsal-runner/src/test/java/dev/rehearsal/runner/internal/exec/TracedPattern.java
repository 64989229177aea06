package dev.rehearsal.runner.internal.exec;

/**
 * A classic migration pattern and what PostgreSQL does when it runs on a table with rows.
 *
 * @param name          how the pattern is known
 * @param sql           the statement (the last one is the one asserted)
 * @param setup         statements run before, untraced, e.g. a NOT VALID constraint to validate
 * @param transactional false for statements that cannot run in a transaction
 * @param strongestLock the strongest lock mode the asserted statement takes on {@code public.items}
 * @param rewrite       whether it rewrites the table
 * @param scan          whether it reads the whole table without rewriting it
 */
record TracedPattern(String name, String sql, String setup, boolean transactional, String strongestLock,
                     boolean rewrite, boolean scan) {

    static TracedPattern of(String name, String sql, String lock, boolean rewrite, boolean scan) {
        return new TracedPattern(name, sql, null, true, lock, rewrite, scan);
    }

    TracedPattern after(String setupSql) {
        return new TracedPattern(name, sql, setupSql, transactional, strongestLock, rewrite, scan);
    }

    TracedPattern outsideTransaction() {
        return new TracedPattern(name, sql, setup, false, strongestLock, rewrite, scan);
    }

    @Override
    public String toString() {
        return name;
    }
}
