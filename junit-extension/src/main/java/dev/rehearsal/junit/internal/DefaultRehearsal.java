package dev.rehearsal.junit.internal;

import dev.rehearsal.junit.Rehearsal;
import dev.rehearsal.junit.RehearsalResult;
import dev.rehearsal.report.MigrationReport;
import dev.rehearsal.runner.RehearsalConfig;
import dev.rehearsal.runner.RehearsalEngine;
import dev.rehearsal.runner.plan.RolloutPlan;
import dev.rehearsal.runner.provision.PostgresServer;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.extension.ExtensionContext;

/** A rehearsal bound to a test's settings and server; runs once when asked, then answers from that one report. */
final class DefaultRehearsal implements Rehearsal {

    private final Settings settings;
    private final PostgresServer server;
    private final ExtensionContext context;
    private final RolloutPlan plan;
    private RehearsalResult result;

    DefaultRehearsal(Settings settings, PostgresServer server, ExtensionContext context) {
        this(settings, server, context, RolloutPlan.none());
    }

    private DefaultRehearsal(Settings settings, PostgresServer server, ExtensionContext context, RolloutPlan plan) {
        this.settings = settings;
        this.server = server;
        this.context = context;
        this.plan = plan;
    }

    @Override
    public synchronized RehearsalResult run() {
        if (result == null) {
            result = run(builder -> { });
        }
        return result;
    }

    @Override
    public RehearsalResult run(Consumer<RehearsalConfig.Builder> customizer) {
        RehearsalConfig.Builder builder = Configs.builder(settings, server, context).plan(plan);
        customizer.accept(builder);
        RehearsalResult outcome = RehearsalResult.of(new RehearsalEngine(builder.build()).run());
        for (MigrationReport migration : outcome.migrations()) {
            context.publishReportEntry(migration.displayName(), Figures.summary(migration));
        }
        return outcome;
    }

    @Override
    public Rehearsal withPlan(RolloutPlan value) {
        return new DefaultRehearsal(settings, server, context, Objects.requireNonNull(value, "plan"));
    }

    @Override
    public Stream<DynamicNode> dynamicTests() {
        return DynamicSteps.of(run().report());
    }

    @Override
    public String toString() {
        return "Rehearsal[" + settings.location() + " on " + server.info().provider() + " PostgreSQL "
                + server.info().version() + (plan.isEmpty() ? "" : ", plan " + plan) + "]";
    }
}
