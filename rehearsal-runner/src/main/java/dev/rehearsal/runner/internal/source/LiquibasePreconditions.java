package dev.rehearsal.runner.internal.source;

import dev.rehearsal.runner.source.RunCondition;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.stream.Collectors;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.visitor.AbstractChangeExecListener;
import liquibase.database.core.PostgresDatabase;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.PreconditionErrorException;
import liquibase.exception.PreconditionFailedException;
import liquibase.precondition.Precondition;
import liquibase.precondition.PreconditionLogic;
import liquibase.precondition.core.PreconditionContainer;

/**
 * A changeSet's preconditions, checked by Liquibase itself on the rehearsal's database just before the changeSet, as
 * {@code liquibase update} checks them: a changeSet meant only for databases in some state (tables of another
 * framework present, a column not yet renamed) is skipped, run or stops the update exactly as it would there.
 */
final class LiquibasePreconditions implements RunCondition {

    private final LiquibaseSession session;
    private final ChangeSet changeSet;

    private LiquibasePreconditions(LiquibaseSession session, ChangeSet changeSet) {
        this.session = session;
        this.changeSet = changeSet;
    }

    /** The changeSet's preconditions, {@code null} when it has none. */
    static RunCondition of(LiquibaseSession session, ChangeSet changeSet) {
        PreconditionContainer preconditions = changeSet.getPreconditions();
        return preconditions == null || preconditions.getNestedPreconditions().isEmpty() ? null
                : new LiquibasePreconditions(session, changeSet);
    }

    @Override
    public Decision check(Connection connection) throws SQLException {
        PreconditionContainer preconditions = changeSet.getPreconditions();
        try {
            return session.inScope(() -> {
                PostgresDatabase database = new PostgresDatabase();
                database.setConnection(new JdbcConnection(connection));
                database.setDefaultSchemaName(session.database().getDefaultSchemaName());
                Warned warned = new Warned();
                try {
                    preconditions.check(database, changeSet.getChangeLog(), changeSet, warned);
                    return warned.reason == null ? Decision.RUN
                            : new Decision(Outcome.RUN, "its precondition " + describe(preconditions) + " failed ("
                            + warned.option + "): " + warned.reason);
                } catch (PreconditionFailedException e) {
                    return new Decision(outcome(preconditions.getOnFail()), "its precondition " + describe(preconditions)
                            + " failed (onFail " + preconditions.getOnFail() + "): "
                            + failures(e, preconditions.getOnFailMessage()));
                } catch (PreconditionErrorException e) {
                    String message = preconditions.getOnErrorMessage();
                    return new Decision(outcome(preconditions.getOnError()), "its precondition "
                            + describe(preconditions) + " could not be checked (onError " + preconditions.getOnError()
                            + "): " + (message != null && !message.isBlank() ? message.strip()
                            : LiquibaseSession.reason(e)));
                }
            });
        } catch (RuntimeException e) {
            // Liquibase could not even start the check (a custom precondition whose class is missing, …): update
            // would stop there too
            return new Decision(Outcome.HALT, "Liquibase could not check its precondition " + describe(preconditions)
                    + ": " + LiquibaseSession.reason(e));
        }
    }

    /** What Liquibase does on a failed or erring precondition: HALT, CONTINUE, MARK_RAN or WARN, by the same names. */
    private static Outcome outcome(Enum<?> option) {
        return switch (option.name()) {
            case "HALT" -> Outcome.HALT;
            case "WARN" -> Outcome.RUN;
            default -> Outcome.SKIP; // CONTINUE skips it now, MARK_RAN for good: neither runs it here
        };
    }

    /** Liquibase runs a changeSet whose precondition failed with onFail or onError WARN, and says so only here. */
    private static final class Warned extends AbstractChangeExecListener {

        private String option;
        private String reason;

        @Override
        public void preconditionFailed(PreconditionFailedException error, PreconditionContainer.FailOption onFail) {
            option = "onFail " + onFail;
            reason = failures(error, null);
        }

        @Override
        public void preconditionErrored(PreconditionErrorException error, PreconditionContainer.ErrorOption onError) {
            option = "onError " + onError;
            reason = LiquibaseSession.reason(error);
        }
    }

    /**
     * The precondition as the changelog writes it, e.g. {@code not(tableExists(tableName=orders))}; the nested ones
     * of the changeSet's container joined with {@code and}, as Liquibase checks them.
     */
    static String describe(Precondition precondition) {
        if (precondition instanceof PreconditionContainer container) {
            return container.getNestedPreconditions().stream().map(LiquibasePreconditions::describe)
                    .collect(Collectors.joining(" and "));
        }
        if (precondition instanceof PreconditionLogic logic) {
            return precondition.getSerializedObjectName() + "(" + logic.getNestedPreconditions().stream()
                    .map(LiquibasePreconditions::describe).collect(Collectors.joining(", ")) + ")";
        }
        String fields = precondition.getSerializableFields().stream().sorted()
                .filter(field -> precondition.getSerializableFieldValue(field) != null)
                .map(field -> field + "=" + String.valueOf(precondition.getSerializableFieldValue(field)).strip()
                        .replaceAll("\\s+", " "))
                .collect(Collectors.joining(", "));
        return precondition.getSerializedObjectName() + "(" + fields + ")";
    }

    private static String failures(PreconditionFailedException e, String onFailMessage) {
        if (onFailMessage != null && !onFailMessage.isBlank()) {
            return onFailMessage.strip();
        }
        String listed = e.getFailedPreconditions().stream().map(f -> f.getMessage().strip())
                .collect(Collectors.joining("; "));
        return listed.isBlank() ? LiquibaseSession.reason(e) : listed;
    }
}
