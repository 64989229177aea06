package dev.rehearsal.samples.facts;

/**
 * One schema change whose locks, rewrites and scans the generator measures.
 *
 * @param change        what the change does, for people
 * @param setup         SQL run after the data is loaded, before the change (an index to drop, a constraint to
 *                      validate); empty when none
 * @param sql           the change, one or more statements
 * @param down          SQL that reverts it
 * @param concurrent    whether it runs outside a transaction ({@code executeInTransaction=false})
 * @param advice        what is commonly said about it, checked against the measurement
 */
record FactPattern(String change, String setup, String sql, String down, boolean concurrent, Advice advice) {

    /**
     * A piece of common advice and the measurable facts it implies; {@code null} where it implies nothing.
     *
     * @param says          the advice, as it is usually given
     * @param rewrites      whether the advice implies a table rewrite
     * @param scans         whether it implies a full scan
     * @param blocksWriters whether it implies that writers are blocked
     */
    record Advice(String says, Boolean rewrites, Boolean scans, Boolean blocksWriters) {
    }

    static FactPattern of(String change, String sql, String down) {
        return new FactPattern(change, "", sql, down, false, null);
    }

    FactPattern setup(String value) {
        return new FactPattern(change, value, sql, down, concurrent, advice);
    }

    FactPattern concurrently() {
        return new FactPattern(change, setup, sql, down, true, advice);
    }

    FactPattern advice(String says, Boolean rewrites, Boolean scans, Boolean blocksWriters) {
        return new FactPattern(change, setup, sql, down, concurrent, new Advice(says, rewrites, scans, blocksWriters));
    }
}
