package dev.rehearsal.runner.internal.findings;

import dev.rehearsal.report.StatementTrace;
import dev.rehearsal.runner.source.Migration;
import java.util.List;
import java.util.Map;

/**
 * What the statement rules need to know about one migration's rehearsal.
 *
 * @param migration       the migration
 * @param statements      every traced statement of its round trip
 * @param rowsBefore      rows per table before up; a table missing here was created by the migration itself
 * @param invalidIndexes  indexes a failed step left INVALID
 * @param postgresVersion the server's version, quoted in evidence
 */
public record MigrationFacts(Migration migration, List<StatementTrace> statements, Map<String, Long> rowsBefore,
                             List<String> invalidIndexes, String postgresVersion) {
}
