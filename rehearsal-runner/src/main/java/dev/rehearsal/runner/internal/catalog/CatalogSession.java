package dev.rehearsal.runner.internal.catalog;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import javax.sql.DataSource;

/**
 * Takes catalog snapshots of one database on a connection of its own, with the catalog queries prepared once. It
 * sees what is committed: take snapshots between steps, never inside a migration's open transaction (use
 * {@link CatalogSnapshot#take(Connection)} on that transaction's connection for that).
 *
 * <p>Snapshots after the first are incremental. A cheap query fingerprints the catalog rows of each relation and,
 * as one, everything that belongs to no relation (catalog-fingerprint.sql). When that last fingerprint changed
 * (a type, function, schema, extension or role was made, changed or dropped, which can change how any relation
 * prints) the whole catalog is read again; otherwise only the relations whose fingerprint changed are, with the
 * relations whose objects print them (views, foreign keys, defaults; catalog-dependents.sql), and nothing at all
 * when no fingerprint changed. With the system property {@value #VERIFY_PROPERTY} set to {@code true}, every
 * incremental snapshot is compared with a whole read and a difference throws.
 */
public final class CatalogSession implements AutoCloseable {

    /** System property that makes every incremental snapshot be checked against a whole read. */
    public static final String VERIFY_PROPERTY = "rehearsal.catalog.verify";

    private final Connection connection;
    private final PreparedStatement whole;
    private final PreparedStatement relations;
    private final PreparedStatement fingerprint;
    private final boolean verify;
    private final Counts counts = new Counts();
    private CatalogRead last;
    private CatalogSnapshot lastSnapshot;
    private Map<Long, String> lastFingerprints;

    private CatalogSession(Connection connection, boolean verify) throws SQLException {
        this.connection = connection;
        this.whole = CatalogReader.prepare(connection);
        this.relations = CatalogReader.prepareRelations(connection);
        this.fingerprint = CatalogReader.prepareFingerprint(connection);
        this.verify = verify;
    }

    public static CatalogSession open(DataSource dataSource) throws SQLException {
        Connection connection = dataSource.getConnection();
        try {
            return new CatalogSession(connection, Boolean.getBoolean(VERIFY_PROPERTY));
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    /** The catalog as committed now. */
    public CatalogSnapshot take() {
        Map<Long, String> fingerprints = CatalogReader.fingerprints(fingerprint);
        if (last == null || !Objects.equals(fingerprints.get(null), lastFingerprints.get(null))) {
            counts.whole++;
            last = CatalogReader.readRows(whole);
            lastSnapshot = last.snapshot();
        } else {
            Set<Long> changed = changedRelations(lastFingerprints, fingerprints);
            if (changed.isEmpty()) {
                counts.unchanged++;
            } else {
                counts.partial++;
                last = last.replacing(changed, readRelations(changed));
                lastSnapshot = last.snapshot();
            }
            if (verify) {
                verify(lastSnapshot);
            }
        }
        lastFingerprints = fingerprints;
        return lastSnapshot;
    }

    /** The catalog as committed now, read whole; the incremental state is left alone. */
    public CatalogSnapshot takeWhole() {
        return CatalogReader.read(whole);
    }

    /** How the snapshots so far were taken. */
    public Counts counts() {
        return counts.copy();
    }

    private static Set<Long> changedRelations(Map<Long, String> before, Map<Long, String> after) {
        Set<Long> changed = new HashSet<>();
        after.forEach((relid, print) -> {
            if (relid != null && !print.equals(before.get(relid))) {
                changed.add(relid);
            }
        });
        before.keySet().stream().filter(relid -> relid != null && !after.containsKey(relid)).forEach(changed::add);
        return changed;
    }

    private CatalogRead readRelations(Set<Long> changed) {
        try {
            Array oids = connection.createArrayOf("oid", changed.toArray());
            relations.setArray(1, oids);
        } catch (SQLException e) {
            throw CatalogReader.failure(e);
        }
        return CatalogReader.readRows(relations);
    }

    private void verify(CatalogSnapshot incremental) {
        CatalogSnapshot full = takeWhole();
        if (!full.equals(incremental)) {
            CatalogDiff diff = CatalogDiff.between(full, incremental, "whole", "incremental");
            throw new IllegalStateException("The incremental catalog snapshot differs from a whole read: "
                    + String.join("; ", diff.lines()) + " " + String.join("; ", diff.columnOrderLines())
                    + (full.columnOrder().equals(incremental.columnOrder()) ? "" : " (column order lists differ)"));
        }
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }

    /** How many snapshots were read whole, for some relations, or not at all because nothing had changed. */
    public static final class Counts {
        private int whole;
        private int partial;
        private int unchanged;

        public int whole() {
            return whole;
        }

        public int partial() {
            return partial;
        }

        public int unchanged() {
            return unchanged;
        }

        private Counts copy() {
            Counts copy = new Counts();
            copy.whole = whole;
            copy.partial = partial;
            copy.unchanged = unchanged;
            return copy;
        }
    }
}
