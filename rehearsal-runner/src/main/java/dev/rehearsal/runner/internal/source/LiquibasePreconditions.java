package dev.rehearsal.runner.internal.source;

import dev.rehearsal.runner.source.RunCondition;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
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
    /** The changeSets the update applies before this one, which DATABASECHANGELOG lists when it gets here. */
    private final List<ChangeSet> before;
    private final LiquibaseLedger ledger;

    private LiquibasePreconditions(LiquibaseSession session, ChangeSet changeSet, List<ChangeSet> before,
            LiquibaseLedger ledger) {
        this.session = session;
        this.changeSet = changeSet;
        this.before = before;
        this.ledger = ledger;
    }

    /**
     * The changeSet's preconditions, {@code null} when it has none.
     *
     * @param before the changeSets the update applies before it
     * @param ledger   what the checks of the changelog's preconditions decided so far, shared by its changeSets
     */
    static RunCondition of(LiquibaseSession session, ChangeSet changeSet, List<ChangeSet> before,
            LiquibaseLedger ledger) {
        PreconditionContainer preconditions = changeSet.getPreconditions();
        return preconditions == null || preconditions.getNestedPreconditions().isEmpty() ? null
                : new LiquibasePreconditions(session, changeSet, List.copyOf(before), ledger);
    }

    @Override
    public Decision check(Connection connection) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            java.sql.Savepoint staging = connection.setSavepoint();
            try {
                LiquibaseRanChangeSets.stage(connection, before, ledger);
            } catch (SQLException e) {
                connection.rollback(staging); // a table of an unforeseen shape: checked against it as it is
            }
            return checkStaged(connection);
        } finally {
            connection.rollback(); // the staged DATABASECHANGELOG goes, and whatever the check began
            connection.setAutoCommit(autoCommit);
        }
    }

    private Decision checkStaged(Connection connection) {
        PreconditionContainer preconditions = changeSet.getPreconditions();
        try {
            return session.inScope(() -> {
                PostgresDatabase database = new PostgresDatabase();
                database.setConnection(new JdbcConnection(connection));
                database.setDefaultSchemaName(session.database().getDefaultSchemaName());
                Warned warned = new Warned(preconditions);
                try {
                    preconditions.check(database, changeSet.getChangeLog(), changeSet, warned);
                    ledger.record(changeSet, LiquibaseLedger.Entry.EXECUTED);
                    return warned.reason == null ? Decision.RUN : new Decision(Outcome.RUN, warned.reason);
                } catch (PreconditionFailedException e) {
                    return decided(preconditions.getOnFail(), failed(preconditions, e));
                } catch (PreconditionErrorException e) {
                    return decided(preconditions.getOnError(), erred(preconditions, e));
                }
            });
        } catch (RuntimeException e) {
            // Liquibase could not even start the check (a custom precondition whose class is missing, …): update
            // would stop there too
            return new Decision(Outcome.HALT, "Liquibase could not check its precondition " + describe(preconditions)
                    + ": " + LiquibaseSession.reason(e));
        }
    }

    /**
     * What Liquibase does on a failed or erring precondition, HALT, CONTINUE, MARK_RAN or WARN by the same names,
     * and what it writes to DATABASECHANGELOG for it: CONTINUE skips the changeSet now and writes nothing, MARK_RAN
     * skips it for good and writes a row saying so.
     */
    private Decision decided(Enum<?> option, String reason) {
        Outcome outcome = switch (option.name()) {
            case "HALT" -> Outcome.HALT;
            case "WARN" -> Outcome.RUN;
            default -> Outcome.SKIP;
        };
        ledger.record(changeSet, switch (option.name()) {
            case "MARK_RAN" -> LiquibaseLedger.Entry.MARK_RAN;
            case "CONTINUE" -> LiquibaseLedger.Entry.NOT_RECORDED;
            default -> LiquibaseLedger.Entry.EXECUTED; // WARN runs it; after HALT nothing is checked
        });
        return new Decision(outcome, reason);
    }

    /** Liquibase runs a changeSet whose precondition failed with onFail or onError WARN, and says so only here. */
    private static final class Warned extends AbstractChangeExecListener {

        private final PreconditionContainer preconditions;
        private String reason;

        Warned(PreconditionContainer preconditions) {
            this.preconditions = preconditions;
        }

        @Override
        public void preconditionFailed(PreconditionFailedException error, PreconditionContainer.FailOption onFail) {
            reason = failed(preconditions, error);
        }

        @Override
        public void preconditionErrored(PreconditionErrorException error, PreconditionContainer.ErrorOption onError) {
            reason = erred(preconditions, error);
        }
    }

    /** Why a precondition failed, in the changelog's and Liquibase's words. */
    private static String failed(PreconditionContainer preconditions, PreconditionFailedException e) {
        return "its precondition " + describe(preconditions) + " failed (onFail " + preconditions.getOnFail() + "): "
                + failures(e, preconditions.getOnFailMessage());
    }

    /** Why a precondition could not be checked, in the changelog's and Liquibase's words. */
    private static String erred(PreconditionContainer preconditions, PreconditionErrorException e) {
        String message = preconditions.getOnErrorMessage();
        return "its precondition " + describe(preconditions) + " could not be checked (onError "
                + preconditions.getOnError() + "): " + (message != null && !message.isBlank() ? message.strip()
                : LiquibaseSession.reason(e));
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
