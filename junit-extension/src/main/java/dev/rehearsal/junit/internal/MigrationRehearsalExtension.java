package dev.rehearsal.junit.internal;

import dev.rehearsal.junit.MigrationRehearsal;
import dev.rehearsal.junit.MigrationRehearsal.Provider;
import dev.rehearsal.junit.Rehearsal;
import dev.rehearsal.junit.RehearsalDatabase;
import dev.rehearsal.junit.RehearsalResult;
import dev.rehearsal.runner.core.ErrorCode;
import dev.rehearsal.runner.core.RehearsalException;
import dev.rehearsal.runner.PostgresProviders;
import dev.rehearsal.runner.provision.PostgresServer;
import dev.rehearsal.runner.MigrationSources;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The extension behind {@link MigrationRehearsal}: validates the configuration, starts the server before all tests
 * of a class (stored in the class's store, or the root store for {@code rehearsal.server.scope=jvm}, so that JUnit
 * closes it), skips the class when its Testcontainers provider has no Docker, and resolves the parameters.
 * Holds no state of its own: everything lives in the stores, so classes can run in parallel.
 */
public final class MigrationRehearsalExtension implements BeforeAllCallback, ExecutionCondition, ParameterResolver {

    static final Namespace NAMESPACE = Namespace.create(MigrationRehearsalExtension.class);
    private static final String SETTINGS = "settings";
    private static final String RESULT = "result";
    private static final String DATABASE = "database";

    static {
        // before zonky or Flyway create their first logger
        Slf4jFallback.chooseNoOpWithoutProvider();
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        Settings settings;
        try {
            settings = settings(context);
        } catch (ExtensionConfigurationException e) {
            return ConditionEvaluationResult.enabled("the configuration is reported as an error before all tests");
        }
        if (settings.provider() == Provider.TESTCONTAINERS && settings.disabledWithoutDocker()
                && !PostgresProviders.dockerAvailable()) {
            return ConditionEvaluationResult.disabled("Docker is not available, so the Testcontainers provider cannot "
                    + "start " + settings.image() + " (skipped: disabledWithoutDocker); start Docker, or use "
                    + "provider = EMBEDDED (no Docker needed)");
        }
        return ConditionEvaluationResult.enabled("PostgreSQL provider " + settings.provider() + " is usable");
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        Settings settings = settings(context);
        if (settings.provider() == Provider.TESTCONTAINERS && !PostgresProviders.dockerAvailable()) {
            throw new RehearsalException(ErrorCode.DOCKER_UNAVAILABLE, "@MigrationRehearsal on " + settings.owner()
                    + ": Docker is not available, so the Testcontainers provider cannot start " + settings.image()
                    + ". Start Docker (or set DOCKER_HOST to a running daemon), use provider = EMBEDDED (no Docker "
                    + "needed), or skip the class where Docker is missing: disabledWithoutDocker = true (key "
                    + "rehearsal.testcontainers.disabledWithoutDocker=true).");
        }
        try {
            MigrationSources.at(settings.locations(), Configs.sourceOptions(settings, context)).load();
        } catch (RehearsalException e) {
            throw new ExtensionConfigurationException("@MigrationRehearsal on " + settings.owner() + ": "
                    + e.getMessage(), e);
        }
        server(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        if (parameter.isAnnotated(RehearsalDatabase.class)) {
            if (type != DataSource.class && type != String.class) {
                throw new ParameterResolutionException("@RehearsalDatabase goes on a javax.sql.DataSource or a String "
                        + "(the JDBC URL) parameter, but " + parameter.getParameter() + " is a " + type.getName());
            }
            return true;
        }
        return type == Rehearsal.class || type == RehearsalResult.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        if (parameter.isAnnotated(RehearsalDatabase.class)) {
            // Keyed by the context's id: a class-wide database asked for in @BeforeAll must not be found by a test.
            DatabaseResource database = context.getStore(NAMESPACE.append(context.getUniqueId()))
                    .getOrComputeIfAbsent(DATABASE, key -> new DatabaseResource(server(context).createDatabase("test")),
                            DatabaseResource.class);
            return type == DataSource.class ? database.database().dataSource() : database.database().jdbcUrl();
        }
        if (type == Rehearsal.class) {
            return rehearsal(context);
        }
        // One rehearsal per class answers every test that asks for the plain result.
        ExtensionContext classContext = classContext(context);
        return classContext.getStore(NAMESPACE).getOrComputeIfAbsent(RESULT, key -> new DefaultRehearsal(
                settings(context), server(context), context, Optional.empty()).run(), RehearsalResult.class);
    }

    private Rehearsal rehearsal(ExtensionContext context) {
        return new DefaultRehearsal(settings(context), server(context), context,
                context.getTestMethod().map(Method::getName));
    }

    private static Settings settings(ExtensionContext context) {
        ExtensionContext classContext = classContext(context);
        return classContext.getStore(NAMESPACE).getOrComputeIfAbsent(SETTINGS, key -> {
            Class<?> testClass = classContext.getRequiredTestClass();
            MigrationRehearsal annotation = AnnotationSupport.findAnnotation(testClass, MigrationRehearsal.class)
                    .orElseThrow(() -> new ExtensionConfigurationException(testClass.getName() + " uses the "
                            + "MigrationRehearsal extension without @MigrationRehearsal; annotate the class instead "
                            + "of registering the extension directly"));
            warnOfUnknownKeys(context.getRoot());
            return new SettingsResolver(testClass, annotation, context::getConfigurationParameter).resolve();
        }, Settings.class);
    }

    /** Once per test run: a misspelt rehearsal.* key would otherwise leave its default in force without a word. */
    private static void warnOfUnknownKeys(ExtensionContext root) {
        root.getStore(NAMESPACE).getOrComputeIfAbsent("unknown-keys", key -> {
            List<String> warnings = UnknownKeys.warnings(UnknownKeys.given(System.getProperties(),
                    Thread.currentThread().getContextClassLoader()));
            System.Logger log = System.getLogger(MigrationRehearsal.class.getName());
            warnings.forEach(warning -> log.log(System.Logger.Level.WARNING, "Rehearsal: " + warning));
            return warnings;
        }, List.class);
    }

    private static PostgresServer server(ExtensionContext context) {
        Settings settings = settings(context);
        ExtensionContext owner = settings.jvmScope() ? context.getRoot() : classContext(context);
        return owner.getStore(NAMESPACE).getOrComputeIfAbsent("server:" + settings.serverKey(),
                key -> new ServerResource(settings.server().provider().start()), ServerResource.class).server();
    }

    /** The context of the outermost test class: where the server and the settings of a class live. */
    static ExtensionContext classContext(ExtensionContext context) {
        ExtensionContext current = context;
        while (current.getTestMethod().isPresent() || current.getTestClass().isEmpty()) {
            if (current.getParent().isEmpty()) {
                return current;
            }
            current = current.getParent().get();
        }
        return current;
    }
}
