package dev.rehearsal.junit.internal;

import dev.rehearsal.runner.Policy;
import dev.rehearsal.runner.RehearsalConfig;
import dev.rehearsal.runner.provision.PostgresProviders;
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
        return SourceOptions.defaults().withPlaceholders(settings.placeholders()).withClassLoader(loader);
    }

    static RehearsalConfig.Builder builder(Settings settings, PostgresServer server, ExtensionContext context) {
        return RehearsalConfig.builder()
                .migrations(settings.location())
                .sourceOptions(sourceOptions(settings, context))
                .provider(PostgresProviders.shared(server))
                .rows(settings.rows())
                .load(settings.load())
                .policy(Policy.defaults().withFailOn(settings.failOn())
                        .withWriterBlockBudget(settings.writerBlockBudget()));
    }
}
