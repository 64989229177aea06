package dev.rehearsal.runner.internal.engine;

import dev.rehearsal.runner.config.Pending;
import dev.rehearsal.runner.core.ErrorCode;
import dev.rehearsal.runner.core.RehearsalException;
import dev.rehearsal.runner.internal.util.Versions;
import dev.rehearsal.runner.source.Migration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.flywaydb.core.api.MigrationVersion;

/**
 * Which migrations of the chain a copy of production already holds: those its history table names (or, without a
 * readable table, those up to {@code pendingAfter}). They must be the chain's first ones: a version the chain lacks,
 * or a gap, is bad input, because the rehearsal would then start from a schema the chain never produces.
 */
final class TemplateSplit {

    private TemplateSplit() {
    }

    static PendingSplit of(List<Migration> chain, TemplateHistory history, String pendingAfter, String template) {
        if (history == null || history.tool() == TemplateHistory.Tool.LIQUIBASE) {
            if (pendingAfter != null) {
                return PendingSplit.of(chain, Pending.after(pendingAfter), List.of(), null);
            }
            throw mismatch("The template database " + template + (history == null
                    ? " holds none of the migration history tables Rehearsal reads (" + String.join(", ",
                    TemplateHistory.TABLES) + ")" : " keeps Liquibase's " + history.table() + ", which names changeSets, "
                    + "not versions") + ", so it does not say which migrations it holds: name the last one with "
                    + "pendingAfter (e.g. --pending-after 42)");
        }
        String where = "the template database " + template + "'s " + history.table();
        if (history.problem() != null) {
            throw mismatch("In " + where + ", " + history.problem() + ", then run again");
        }
        for (String version : history.versions()) {
            if (chain.stream().noneMatch(m -> Versions.same(m.version(), version))) {
                List<String> versions = chain.stream().map(Migration::version).filter(Objects::nonNull).toList();
                throw mismatch(capitalized(where) + " names version " + version + ", which the chain does not hold"
                        + (versions.isEmpty() ? "" : " (its versions run from " + versions.get(0) + " to "
                        + versions.get(versions.size() - 1) + ")") + ": the copy is ahead of these migrations, or "
                        + "they belong to another project. Rehearse the branch that holds version " + version
                        + ", or name a copy of this project's database");
            }
        }
        int first = chain.size();
        for (int i = 0; i < chain.size(); i++) {
            if (!holds(history, chain.get(i))) {
                first = i;
                break;
            }
        }
        for (int later = first + 1; later < chain.size(); later++) {
            Migration migration = chain.get(later);
            if (migration.version() != null && holds(history, migration)) {
                throw mismatch(capitalized(where) + " names version " + migration.version() + " but not "
                        + chain.get(first).displayName() + " before it: the copy was migrated out of order, so no "
                        + "rehearsal of the chain starts from it. Name a copy migrated in order");
            }
        }
        if (pendingAfter != null) {
            int byVersion = PendingSplit.indexOf(chain, pendingAfter) + 1;
            if (byVersion != first) {
                throw mismatch("pendingAfter says the copy holds the migrations up to version " + pendingAfter
                        + ", but " + where + " says " + (first == 0 ? "it holds none of them"
                        : "up to version " + chain.get(first - 1).version()) + ": remove pendingAfter (the table is "
                        + "read), or name a copy that holds what pendingAfter says");
            }
        }
        return PendingSplit.at(chain, first);
    }

    /** Flyway's checksums of the migrations the copy holds, keyed by the chain's versions (the baseline format). */
    static Map<String, Integer> checksums(List<Migration> held, TemplateHistory history) {
        Map<String, Integer> checksums = new LinkedHashMap<>();
        if (history == null) {
            return checksums;
        }
        for (Migration migration : held) {
            history.checksums().forEach((version, checksum) -> {
                if (Versions.same(migration.version(), version)) {
                    checksums.put(migration.version(), checksum);
                }
            });
        }
        return checksums;
    }

    private static boolean holds(TemplateHistory history, Migration migration) {
        if (migration.version() == null) { // a repeatable migration is held as long as its script is unchanged
            Integer applied = history.repeatables().get(migration.up().fileName());
            return applied != null && applied == migration.up().checksum();
        }
        if (history.upTo() != null && atMost(migration.version(), history.upTo())) {
            return true;
        }
        return history.versions().stream().anyMatch(v -> Versions.same(migration.version(), v));
    }

    private static boolean atMost(String version, String bound) {
        try {
            return MigrationVersion.fromVersion(version).compareTo(MigrationVersion.fromVersion(bound)) <= 0;
        } catch (RuntimeException notFlywayShaped) {
            return version.equals(bound);
        }
    }

    private static String capitalized(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static RehearsalException mismatch(String message) {
        return new RehearsalException(ErrorCode.TEMPLATE_HISTORY_MISMATCH, message + ".");
    }
}
