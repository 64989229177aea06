package dev.rehearsal.runner.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.report.Severity;
import dev.rehearsal.runner.config.ConfigOption;
import dev.rehearsal.runner.config.FrontDoor;
import dev.rehearsal.runner.config.Policy;
import dev.rehearsal.runner.config.RehearsalConfig;
import dev.rehearsal.runner.config.Server;
import dev.rehearsal.runner.source.MigrationLayout;
import dev.rehearsal.runner.source.SourceOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report's {@code settings} is one front door of the configuration: it shows every catalogued option it can. */
class ReportSettingsParityTest {

    @TempDir
    Path dir;

    @Test
    void should_show_every_catalogued_option_and_only_those() throws Exception {
        // GIVEN every option set away from its default, on each kind of server that adds settings of its own
        Path seed = Files.writeString(dir.resolve("seed.sql"), "SELECT 1;");
        RehearsalConfig.Builder everything = RehearsalConfig.builder().migrations("db/migration")
                .sourceOptions(SourceOptions.defaults().withLayout(MigrationLayout.FLYWAY)
                        .withPlaceholders(Map.of("schema", "app")).withContexts("prod").withLabels("v2")
                        .withDjangoSettings("shop.settings").withPython(".venv/bin/python"))
                .flywayParity(false).baselineChecksums(Map.of("1", 42)).pendingAfter("3")
                .rows(1000).tableRows(Map.of("public.orders", 5)).seedScript(seed).searchPath("app, public")
                .productionStats(new dev.rehearsal.runner.stats.ProductionStats(1,
                        java.time.Instant.parse("2026-12-01T00:00:00Z"), "16.4", "shop", java.util.List.of()))
                .load(false).loadRate(100).loadClients(2).longReader(Duration.ofMillis(300))
                .statementTimeout(Duration.ofSeconds(30)).lockTimeout(Duration.ofSeconds(2))
                .policy(Policy.defaults().withFailOn(Severity.WARNING).withWriterBlockBudget(Duration.ofMillis(250))
                        .withSeverity("NO_LOCK_TIMEOUT", Severity.ERROR).withDisabled("MISSING_DOWN"));
        Set<String> keys = new TreeSet<>(ReportSettings.of(everything.build()).keySet());
        // production statistics need seeded rows, which a template's clone does not get
        keys.addAll(ReportSettings.of(everything.server(new Server(null, null, null,
                "jdbc:postgresql://db.example.com/app", true)).templateDatabase("prod_clone").productionStats(null)
                .build()).keySet());
        // the two ways of naming the pending migrations exclude each other
        keys.addAll(ReportSettings.of(everything.pendingAfter(null).templateDatabase(null)
                .changedSince("origin/main").build()).keySet());
        // WHEN
        Set<String> catalogued = Stream.of(ConfigOption.values()).flatMap(o -> o.name(FrontDoor.REPORT).stream())
                .flatMap(n -> Arrays.stream(n.split(", "))).collect(Collectors.toCollection(TreeSet::new));
        // THEN (image is shown for Testcontainers only, which needs Docker's client here; checked by name below)
        keys.add("image");
        assertThat(keys).as("keys of the report's settings (catalogue: dev.rehearsal.runner.config.ConfigOption)")
                .containsExactlyInAnyOrderElementsOf(catalogued);
    }
}
