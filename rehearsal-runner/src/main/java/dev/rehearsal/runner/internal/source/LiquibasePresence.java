package dev.rehearsal.runner.internal.source;

import dev.rehearsal.runner.core.ErrorCode;
import dev.rehearsal.runner.core.RehearsalException;

/**
 * Liquibase is an optional dependency of the runner, so that users of the other layouts do not receive it. Whoever
 * rehearses a changelog without it gets one message naming the dependency to add, instead of a
 * {@link NoClassDefFoundError}.
 */
final class LiquibasePresence {

    static final String PARSER_CLASS = "liquibase.parser.ChangeLogParserFactory";
    static final String COORDINATES = "org.liquibase:liquibase-core:4.33.0";

    private LiquibasePresence() {
    }

    static void require(String location) {
        try {
            Class.forName(PARSER_CLASS, false, LiquibasePresence.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            throw new RehearsalException(ErrorCode.INVALID_CONFIGURATION, location + " is a Liquibase changelog, but"
                    + " Liquibase is not on the class path (" + PARSER_CLASS + " not found), so Rehearsal cannot read"
                    + " it. Add the dependency " + COORDINATES + " (test scope, next to Rehearsal; any 4.x works), or"
                    + " rehearse it with the command line, which carries Liquibase.");
        }
    }
}
