package dev.rehearsal.runner.internal.engine;

import dev.rehearsal.runner.source.Migration;
import dev.rehearsal.runner.source.MigrationScript;
import dev.rehearsal.runner.source.SqlStatement;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Whether a chain changes objects that belong to the whole server rather than to one database: roles and their
 * memberships, tablespaces, databases, server settings. Two databases of one server share those, so such a chain
 * cannot be applied by Flyway beside the rehearsal (both would create the same role); it is applied after it.
 * A textual test, on purpose generous: a false alarm only costs the parity check's parallelism.
 */
final class ClusterWideChanges {

    private static final Pattern GLOBAL = Pattern.compile(
            "\\b(create|alter|drop)\\s+(role|user|group|tablespace|database)\\b"
                    + "|\\balter\\s+system\\b|\\breassign\\s+owned\\b"
                    // GRANT/REVOKE without ON: a role membership, not a privilege on an object
                    + "|\\b(grant|revoke)\\b(?![^;]*\\bon\\b)",
            Pattern.CASE_INSENSITIVE);

    private ClusterWideChanges() {
    }

    static boolean in(List<Migration> migrations) {
        return migrations.stream()
                .flatMap(m -> Stream.of(m.up(), m.down()))
                .filter(Objects::nonNull)
                .map(MigrationScript::statements)
                .flatMap(List::stream)
                .map(SqlStatement::sql)
                .anyMatch(ClusterWideChanges::in);
    }

    static boolean in(String sql) {
        return GLOBAL.matcher(sql).find();
    }
}
