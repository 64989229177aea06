package dev.rehearsal.junit.internal;

import dev.rehearsal.junit.Rehearsal;
import dev.rehearsal.junit.RehearsalResult;
import dev.rehearsal.report.MigrationReport;
import dev.rehearsal.report.Report;
import dev.rehearsal.runner.config.RehearsalConfig;
import dev.rehearsal.runner.RehearsalEngine;
import dev.rehearsal.runner.plan.RolloutPlan;
import dev.rehearsal.runner.provision.PostgresServer;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.extension.ExtensionContext;

/** A rehearsal bound to a test's settings and server; runs once when asked, then answers from that one report. */
final class DefaultRehearsal implements Rehearsal {

    private final Settings settings;
    private final PostgresServer server;
    private final ExtensionContext context;
    private final Optional<String> test;
    private final RolloutPlan plan;
    private final Consumer<RehearsalConfig.Builder> customizer;
    private RehearsalResult result;

    /** {@code test}: the test method the rehearsal runs for, which names its reports' folder; empty for the class's. */
    DefaultRehearsal(Settings settings, PostgresServer server, ExtensionContext context, Optional<String> test) {
        this(settings, server, context, test, settings.plan(), builder -> { });
    }

    private DefaultRehearsal(Settings settings, PostgresServer server, ExtensionContext context, Optional<String> test,
            RolloutPlan plan, Consumer<RehearsalConfig.Builder> customizer) {
        this.settings = settings;
        this.server = server;
        this.context = context;
        this.test = test;
        this.plan = plan;
        this.customizer = customizer;
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
        this.customizer.accept(builder);
        customizer.accept(builder);
        Report report = new RehearsalEngine(builder.build()).run();
        for (MigrationReport migration : report.migrations()) {
            context.publishReportEntry(migration.displayName(), Figures.summary(migration));
        }
        return ReportFiles.write(report, settings, context, test).map(file -> RehearsalResult.of(report, file))
                .orElseGet(() -> RehearsalResult.of(report));
    }

    @Override
    public Rehearsal withPlan(RolloutPlan value) {
        return new DefaultRehearsal(settings, server, context, test, Objects.requireNonNull(value, "plan"), customizer);
    }

    @Override
    public Rehearsal with(Consumer<RehearsalConfig.Builder> value) {
        Objects.requireNonNull(value, "customizer");
        return new DefaultRehearsal(settings, server, context, test, plan, customizer.andThen(value));
    }

    @Override
    public Stream<DynamicNode> dynamicTests() {
        RehearsalResult outcome = run();
        return DynamicSteps.of(outcome.report(), outcome.reportFile());
    }

    @Override
    public String toString() {
        return "Rehearsal[" + settings.location() + " on " + server.info().provider() + " PostgreSQL "
                + server.info().version() + (plan.isEmpty() ? "" : ", plan " + plan) + "]";
    }
}
