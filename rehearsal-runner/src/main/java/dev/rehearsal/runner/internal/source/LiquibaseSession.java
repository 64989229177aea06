package dev.rehearsal.runner.internal.source;

import dev.rehearsal.runner.core.ErrorCode;
import dev.rehearsal.runner.core.RehearsalException;
import dev.rehearsal.runner.source.SourceOptions;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import liquibase.UpdateSummaryEnum;
import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Scope;
import liquibase.analytics.configuration.AnalyticsArgs;
import liquibase.changelog.ChangeLogParameters;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.changelog.filter.ChangeSetFilter;
import liquibase.changelog.filter.ContextChangeSetFilter;
import liquibase.changelog.filter.DbmsChangeSetFilter;
import liquibase.changelog.filter.IgnoreChangeSetFilter;
import liquibase.changelog.filter.LabelChangeSetFilter;
import liquibase.changelog.visitor.ValidatingVisitor;
import liquibase.database.OfflineConnection;
import liquibase.database.core.PostgresDatabase;
import liquibase.exception.LiquibaseException;
import liquibase.exception.ValidationFailedException;
import liquibase.logging.core.NoOpLogService;
import liquibase.ui.LoggerUIService;
import liquibase.parser.ChangeLogParserFactory;
import liquibase.resource.ClassLoaderResourceAccessor;
import liquibase.resource.CompositeResourceAccessor;
import liquibase.resource.DirectoryResourceAccessor;
import liquibase.resource.Resource;
import liquibase.resource.ResourceAccessor;

/**
 * Liquibase set up as {@code update} would be for a changelog, without a database: the resource accessor, an offline
 * PostgreSQL database, the changelog parameters (Rehearsal's placeholders), contexts and labels, and a scope with
 * Liquibase's logging and usage analytics off.
 */
final class LiquibaseSession {

    /** Work done inside Liquibase's scope. */
    interface Work<T> {
        T run() throws Exception;
    }

    /**
     * The server version Liquibase generates SQL for. The SQL is generated before the rehearsal's server starts;
     * every PostgreSQL Rehearsal runs (13 and later) gets the same SQL from Liquibase as this one.
     */
    static final String SERVER_VERSION = "13.0";

    private final LiquibaseTarget target;
    private final SourceOptions options;
    private final ResourceAccessor accessor;
    private final PostgresDatabase database;
    private final Contexts contexts;
    private final LabelExpression labels;

    LiquibaseSession(LiquibaseTarget target, SourceOptions options) {
        this.target = target;
        this.options = options;
        this.accessor = accessor(target, options);
        this.database = new PostgresDatabase();
        this.database.setConnection(new OfflineConnection("offline:postgresql?version=" + SERVER_VERSION, accessor));
        // What a connection to a default PostgreSQL reports: the SQL names the schema, as update on it would.
        this.database.setDefaultSchemaName("public");
        this.contexts = options.contexts() == null ? new Contexts() : new Contexts(options.contexts());
        this.labels = options.labels() == null ? new LabelExpression() : new LabelExpression(options.labels());
    }

    PostgresDatabase database() {
        return database;
    }

    /** Liquibase's scope: the resource accessor, logging and console output off, no usage analytics sent. */
    Map<String, Object> scope() {
        Map<String, Object> scope = new HashMap<>();
        scope.put(Scope.Attr.resourceAccessor.name(), accessor);
        scope.put(Scope.Attr.logService.name(), new NoOpLogService());
        scope.put(Scope.Attr.ui.name(), new LoggerUIService());
        scope.put(AnalyticsArgs.ENABLED.getKey(), false);
        return scope;
    }

    <T> T inScope(Work<T> work) {
        try {
            return Scope.child(scope(), work::run);
        } catch (RehearsalException e) {
            throw e;
        } catch (Exception e) {
            throw new RehearsalException(ErrorCode.INVALID_SCRIPT, "Liquibase cannot read " + target.displayPath()
                    + ": " + reason(e) + ". Fix the changelog (liquibase update would stop on the same error) and"
                    + " rehearse again.", e);
        }
    }

    DatabaseChangeLog parse() throws LiquibaseException {
        ChangeLogParameters parameters = new ChangeLogParameters(database);
        options.placeholders().forEach(parameters::set);
        parameters.setContexts(contexts);
        parameters.setLabels(labels);
        return ChangeLogParserFactory.getInstance().getParser(target.changelogPath(), accessor)
                .parse(target.changelogPath(), parameters, accessor);
    }

    /**
     * Runs {@code liquibase update} on a live connection, with the same changelog, properties, contexts and labels;
     * Liquibase closes the connection when done.
     */
    @SuppressWarnings("deprecation") // liquibase.Liquibase: the one-call update that 4.x still carries
    void update(java.sql.Connection connection) throws LiquibaseException {
        liquibase.database.Database live = liquibase.database.DatabaseFactory.getInstance()
                .findCorrectDatabaseImplementation(new liquibase.database.jvm.JdbcConnection(connection));
        try (liquibase.Liquibase liquibase = new liquibase.Liquibase(target.changelogPath(), accessor, live)) {
            options.placeholders().forEach(liquibase::setChangeLogParameter);
            // its summary table (printed where a changeSet was skipped) would land in the middle of the run's output
            liquibase.setShowSummary(UpdateSummaryEnum.OFF);
            liquibase.update(contexts, labels);
        } catch (LiquibaseException e) {
            throw e;
        } catch (Exception e) {
            throw new LiquibaseException(e);
        }
    }

    /** The changeSets {@code update} would run on a fresh database, in order. */
    List<ChangeSet> select(DatabaseChangeLog changeLog) {
        List<ChangeSetFilter> filters = List.of(new ContextChangeSetFilter(contexts), new LabelChangeSetFilter(labels),
                new DbmsChangeSetFilter(database), new IgnoreChangeSetFilter());
        List<ChangeSet> selected = new ArrayList<>();
        for (ChangeSet changeSet : changeLog.getChangeSets()) {
            if (filters.stream().allMatch(f -> f.accepts(changeSet).isAccepted())) {
                selected.add(changeSet);
            }
        }
        return selected;
    }

    /**
     * Liquibase's own validation of the changeSets against a database that ran none of them: duplicate identifiers,
     * missing attributes, changes PostgreSQL does not support. Changelog preconditions need a live database and are
     * not evaluated.
     */
    ValidationFailedException validate(DatabaseChangeLog changeLog, List<ChangeSet> selected)
            throws LiquibaseException {
        ValidatingVisitor visitor = new ValidatingVisitor(List.of());
        for (ChangeSet changeSet : selected) {
            visitor.visit(changeSet, changeLog, database, java.util.Set.of());
        }
        return visitor.validationPassed() ? null : new ValidationFailedException(visitor);
    }

    /** A file of the changelog: its path as people see it, and its text. */
    record ChangelogFile(String displayPath, String content) {
    }

    ChangelogFile file(String changelogPath) throws IOException {
        Resource resource = accessor.get(changelogPath);
        if (resource == null || !resource.exists()) {
            return new ChangelogFile(changelogPath, "");
        }
        byte[] bytes;
        try (InputStream in = resource.openInputStream()) {
            bytes = in.readAllBytes();
        }
        String displayPath = displayPath(resource.getUri(), changelogPath);
        return new ChangelogFile(displayPath, ScriptDecoder.decode(bytes, displayPath));
    }

    private String displayPath(URI uri, String fallback) {
        DisplayPaths display = new DisplayPaths(options.workingDirectory());
        if (uri == null || !"file".equals(uri.getScheme())) {
            return fallback;
        }
        Path path = Path.of(uri);
        return target.classPath() ? display.ofClassPathFile(path) : display.of(path);
    }

    /**
     * On the class path, the class loader (includes relative to the class-path root, as in an application). On disk,
     * the changelog's directory and then each directory above it, so that includes written relative to the changelog
     * and includes written relative to a resources root (src/main/resources/…) are both found.
     */
    private static ResourceAccessor accessor(LiquibaseTarget target, SourceOptions options) {
        if (target.classPath()) {
            return new SpringPrefixAccessor(new ClassLoaderResourceAccessor(options.classLoader()));
        }
        List<ResourceAccessor> roots = new ArrayList<>();
        for (Path dir = target.directory(); dir != null; dir = dir.getParent()) {
            try {
                roots.add(new DirectoryResourceAccessor(dir));
            } catch (FileNotFoundException e) {
                // an unreadable parent directory holds nothing Liquibase could include anyway
            }
        }
        return new SpringPrefixAccessor(new CompositeResourceAccessor(roots));
    }

    /** The innermost message worth showing, without Liquibase's class names. */
    static String reason(Throwable e) {
        Throwable cause = e;
        String message = e.getMessage();
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
            if (cause.getMessage() != null && !cause.getMessage().isBlank()) {
                message = cause.getMessage();
            }
        }
        if (message == null || message.isBlank()) {
            message = cause.getClass().getSimpleName();
        }
        return message.strip().replaceAll("^liquibase\\.exception\\.\\w+: ", "");
    }
}
