package dev.rehearsal.runner.internal.findings;

import dev.rehearsal.report.LoadWindow;
import dev.rehearsal.report.RoundTrip;
import dev.rehearsal.report.SeedSummary;
import dev.rehearsal.report.StatementTrace;
import dev.rehearsal.report.StepFailure;
import dev.rehearsal.runner.config.Policy;
import dev.rehearsal.runner.internal.catalog.DroppedEnumLabels;
import dev.rehearsal.runner.internal.plan.CheckedStep;
import dev.rehearsal.runner.source.Migration;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What the finding rules need to know about one migration's rehearsal, and the settings they judge it by.
 *
 * @param migration         the migration
 * @param ran               whether it was rehearsed (false after a migration that could not be applied)
 * @param trip              the round trip's outcome; {@link RoundTrip#notRun()} when it did not run
 * @param statements        every traced statement of its round trip
 * @param rowsBefore        rows per table before up; a table missing here was created by the migration itself
 * @param columnsBefore     identities of the columns before up ({@code column public.orders.note}); empty when unknown
 * @param invalidIndexes    indexes a failed step left INVALID
 * @param postgresVersion   the server's version, quoted in evidence
 * @param seed              the rows generated before the migration; {@code null} when it did not run
 * @param touchedTables     the existing tables the migration's statements name
 * @param rejected          generated rows a failed attempt rejected (and the step was rehearsed again without)
 * @param deadlocks         deadlocks with the write load that ended earlier attempts (the step was rehearsed again)
 * @param lastAttemptWithoutWriters whether the reported attempt ran without the write load after failed ones
 * @param load              the write load's windows beside the steps
 * @param replayed          the running version's statements that failed against the schema after up, replayed once,
 *                          less the same failures of the same statements replayed before up
 * @param appChecks         the app-version checks run for the migration, in order
 * @param noPlan            whether the rehearsal has no rollout plan
 * @param baselineChecksums checksums of migrations already applied elsewhere, by version
 * @param policy            the policy the findings are judged by
 * @param longReader        the long reader's duration; {@code null} when it does not run
 * @param droppedLabels     columns whose enum lost labels in up
 */
public record MigrationFacts(Migration migration, boolean ran, RoundTrip trip, List<StatementTrace> statements,
                             Map<String, Long> rowsBefore, Set<String> columnsBefore, List<String> invalidIndexes,
                             String postgresVersion, SeedSummary seed, List<String> touchedTables,
                             List<RejectedData> rejected, List<StepFailure> deadlocks,
                             boolean lastAttemptWithoutWriters, List<LoadWindow> load, List<String> replayed,
                             List<CheckedStep> appChecks, boolean noPlan, Map<String, Integer> baselineChecksums,
                             Policy policy, Duration longReader, List<DroppedEnumLabels.Dropped> droppedLabels) {

    /** The facts of a migration that was not rehearsed: its files, and the settings. */
    public static MigrationFacts notRun(Migration migration, String postgresVersion, boolean noPlan,
            Map<String, Integer> baselineChecksums, Policy policy, Duration longReader) {
        return new MigrationFacts(migration, false, RoundTrip.notRun(), List.of(), Map.of(), Set.of(), List.of(),
                postgresVersion, null, List.of(), List.of(), List.of(), false, List.of(), List.of(), List.of(), noPlan,
                baselineChecksums, policy, longReader, List.of());
    }

    /** Whether the table existed before up, holding rows in the rehearsal or not. */
    boolean existedBefore(String table) {
        return rowsBefore.containsKey(table);
    }

    /** Whether the column existed before up; true when that is unknown. */
    boolean columnExisted(String table, String column) {
        if (columnsBefore.isEmpty()) {
            return true;
        }
        String bare = column.startsWith("\"") ? column.substring(1, column.length() - 1) : column.toLowerCase(Locale.ROOT);
        return columnsBefore.contains("column " + table + "." + bare)
                || columnsBefore.contains("column " + table + ".\"" + bare + "\"");
    }
}
