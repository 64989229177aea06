package dev.rehearsal.runner.internal.source;

import dev.rehearsal.runner.core.ErrorCode;
import dev.rehearsal.runner.core.RehearsalException;
import dev.rehearsal.runner.source.SqlStatement;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.resource.LoadableResource;
import org.flywaydb.core.internal.parser.ParsingContext;
import org.flywaydb.core.internal.resolver.ChecksumCalculator;
import org.flywaydb.core.internal.resource.StringResource;
import org.flywaydb.core.internal.sqlscript.SqlStatementIterator;
import org.flywaydb.database.postgresql.PostgreSQLCopyParsedStatement;
import org.flywaydb.database.postgresql.PostgreSQLParser;

/**
 * The one place that uses Flyway's internal parser and checksum API, so that splitting, line numbers,
 * non-transactional detection, placeholder replacement and checksums are exactly production's, and a Flyway upgrade
 * touches only this class.
 */
final class FlywaySqlParser {

    // Flyway keeps ALTER TYPE … ADD VALUE inside the transaction when its connection reports PostgreSQL 12 or newer,
    // as every server rehearsed on does; without a connection its parser assumes an older server and moves it out.
    private static final Pattern ADD_ENUM_VALUE = Pattern.compile("ALTER\\s+TYPE\\s.*\\sADD\\s+VALUE\\b.*",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    private final Field copyData = copyDataField();

    /**
     * Splits a script into statements.
     *
     * @param placeholders the values to replace, or {@code null} to leave {@code ${…}} alone
     */
    List<SqlStatement> split(String content, Map<String, String> placeholders, String displayPath) {
        PostgreSQLParser parser = new PostgreSQLParser(configuration(placeholders), new ParsingContext());
        List<SqlStatement> statements = new ArrayList<>();
        try (SqlStatementIterator iterator = parser.parse(new StringResource(content), null)) {
            while (iterator.hasNext()) {
                org.flywaydb.core.internal.sqlscript.SqlStatement statement = iterator.next();
                SqlStatement split = new SqlStatement(statement.getLineNumber(), statement.getSql(),
                        statement.canExecuteInTransaction(), copyData(statement, displayPath));
                statements.add(split.canRunInTransaction() || !ADD_ENUM_VALUE.matcher(split.displaySql()).matches()
                        ? split : new SqlStatement(split.line(), split.sql(), true, split.copyData()));
            }
        } catch (FlywayException e) {
            throw new RehearsalException(ErrorCode.INVALID_SCRIPT,
                    displayPath + ": Flyway's PostgreSQL parser rejects the script: " + e.getMessage(), e);
        }
        return statements;
    }

    /** The checksum Flyway stores in {@code flyway_schema_history} for a script of this content. */
    int checksum(String content) {
        return ChecksumCalculator.calculate(new StringResource(content));
    }

    /** The checksum of a repeatable script, which Flyway takes after replacing placeholders. */
    int checksumAfterPlaceholders(String content, Map<String, String> placeholders) {
        LoadableResource replaced = LoadableResource.createPlaceholderReplacingLoadableResource(
                new StringResource(content), configuration(placeholders), new ParsingContext());
        return ChecksumCalculator.calculate(replaced);
    }

    // All values, built-ins included, go through the configuration: the parser resets the parsing context's
    // flyway:filename from the resource name, which a string resource does not have.
    private static Configuration configuration(Map<String, String> placeholders) {
        return Flyway.configure()
                .placeholderReplacement(placeholders != null)
                .placeholders(placeholders == null ? Map.of() : placeholders);
    }

    private String copyData(org.flywaydb.core.internal.sqlscript.SqlStatement statement, String displayPath) {
        if (!(statement instanceof PostgreSQLCopyParsedStatement)) {
            return null;
        }
        try {
            if (copyData == null) {
                throw new IllegalAccessException(
                        "no field copyData in " + PostgreSQLCopyParsedStatement.class.getName());
            }
            return (String) copyData.get(statement);
        } catch (IllegalAccessException e) {
            throw new RehearsalException(ErrorCode.INVALID_SCRIPT,
                    displayPath + " line " + statement.getLineNumber() + ": cannot read the data of COPY … FROM STDIN"
                            + " with this Flyway version (" + e.getMessage() + "). Load the data with INSERT statements"
                            + " instead.", e);
        }
    }

    // Flyway keeps the rows of COPY … FROM STDIN in a private field and sends them itself; Rehearsal needs them too.
    private static Field copyDataField() {
        try {
            Field field = PostgreSQLCopyParsedStatement.class.getDeclaredField("copyData");
            field.setAccessible(true);
            return field;
        } catch (NoSuchFieldException | RuntimeException e) {
            return null;
        }
    }
}
