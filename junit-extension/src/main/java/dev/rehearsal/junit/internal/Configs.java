package dev.rehearsal.junit.internal;

import dev.rehearsal.runner.config.RehearsalConfig;
import dev.rehearsal.runner.PostgresProviders;
import dev.rehearsal.runner.provision.PostgresServer;
import dev.rehearsal.runner.source.SourceOptions;
import org.junit.jupiter.api.extension.ExtensionContext;

/** The engine configuration for a test class's settings, on the class's running server. */
final class Configs {

    private Configs() {
    }

    static SourceOptions sourceOptions(Settings settings, ExtensionContext context) {
        ClassLoader loader = context.getTestClass().map(Class::getClassLoader)
                .orElse(Thread.currentThread().getContextClassLoader());
        return SourceOptions.defaults().withPlaceholders(settings.placeholders()).withLayout(settings.layout())
                .withContexts(settings.contexts()).withLabels(settings.labels()).withClassLoader(loader)
                .withDjangoSettings(settings.djangoSettings()).withPython(settings.python());
    }

    /** Every setting of the class; the server object is the class's running one, which the settings describe. */
    static RehearsalConfig.Builder builder(Settings settings, PostgresServer server, ExtensionContext context) {
        return RehearsalConfig.builder()
                .locations(settings.locations())
                .sourceOptions(sourceOptions(settings, context))
                .flywayParity(settings.flywayParity())
                .baselineChecksums(settings.baseline())
                .productionStats(settings.productionStats())
                .searchPath(settings.searchPath() == null ? null : settings.searchPath().toString())
                .pendingAfter(settings.pending().after())
                .changedSince(settings.pending().changedSince())
                .templateDatabase(settings.pending().templateDatabase())
                .server(settings.server())
                .provider(PostgresProviders.shared(server))
                .seeding(settings.seeding())
                .load(settings.load())
                .timeouts(settings.timeouts())
                .policy(settings.policy())
                .plan(settings.plan());
    }
}
