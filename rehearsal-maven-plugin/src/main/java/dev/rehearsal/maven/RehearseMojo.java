package dev.rehearsal.maven;

import dev.rehearsal.report.Report;
import dev.rehearsal.report.RunStatus;
import dev.rehearsal.report.Verdict;
import dev.rehearsal.report.render.ReportFormat;
import dev.rehearsal.report.render.ReportWriter;
import dev.rehearsal.runner.core.ErrorCode;
import dev.rehearsal.runner.core.ExitCode;
import dev.rehearsal.runner.config.RehearsalConfig;
import dev.rehearsal.runner.RehearsalEngine;
import dev.rehearsal.runner.core.RehearsalException;
import java.io.File;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.project.MavenProject;

/**
 * Rehearses the project's migrations (up, down, up again) on a real PostgreSQL, writes the reports and fails the
 * build when findings break the policy. The migrations are found in {@code <locations>}, else in the
 * flyway-maven-plugin's {@code <locations>}, else in Spring Boot's {@code spring.flyway.locations}, else in
 * {@code src/main/resources/db/migration}. Each parameter maps one setting of the engine's configuration; the
 * defaults are the command line's (docs/configuration.md).
 */
// The project's run-time class path holds its compiled Flyway Java migrations and what they use.
@Mojo(name = "rehearse", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true,
        requiresDependencyResolution = ResolutionScope.RUNTIME)
public class RehearseMojo extends AbstractMojo {

    /** Skips the rehearsal. */
    @Parameter(property = "rehearsal.skip", defaultValue = "false")
    boolean skip;

    /**
     * Migration locations, Flyway style: {@code filesystem:db/migration} (relative to the project's directory; a path
     * without prefix is the same) or {@code classpath:db/migration} (resolved in the project's resource and output
     * directories). Several locations are rehearsed as one chain. Default: found from Flyway's or Spring Boot's settings.
     */
    @Parameter(property = "rehearsal.locations")
    List<String> locations;

    /** Migration layout: auto, flyway, golang-migrate, goose, dbmate, liquibase, prisma or django. */
    @Parameter(property = "rehearsal.layout", defaultValue = "auto")
    String layout;

    /** Liquibase contexts to run, as {@code liquibase update --contexts}; default every changeSet. */
    @Parameter(property = "rehearsal.contexts")
    String contexts;

    /** Liquibase labels to run, as {@code liquibase update --label-filter}; default every changeSet. */
    @Parameter(property = "rehearsal.labels")
    String labels;

    /** The settings module of a Django project, as {@code DJANGO_SETTINGS_MODULE}; default the one manage.py names. */
    @Parameter(property = "rehearsal.djangoSettings")
    String djangoSettings;

    /** The Python that runs a Django project (one that imports django and psycopg2); default python3 on the PATH. */
    @Parameter(property = "rehearsal.python")
    String python;

    /**
     * Values for Flyway {@code ${placeholders}} and Liquibase changelog properties as {@code name=value} ({@code <placeholder>schema=app</placeholder>},
     * or {@code -Drehearsal.placeholders=a=1,b=2}); they win over Flyway's and Spring Boot's settings.
     */
    @Parameter(property = "rehearsal.placeholders")
    List<String> placeholders;

    /** Rows generated per existing table before each migration; 0 turns seeding off. */
    @Parameter(property = "rehearsal.rows", defaultValue = "" + RehearsalConfig.DEFAULT_ROWS)
    int rows;

    /** Rows for single tables as {@code schema.table=N}, e.g. {@code <tableRow>public.orders=5000</tableRow>}. */
    @Parameter(property = "rehearsal.tableRows")
    List<String> tableRows;

    /** SQL run before rows are generated, for tables the generator cannot fill. */
    @Parameter(property = "rehearsal.seedScript")
    File seedScript;

    /** Whether a concurrent write load runs during each migration. */
    @Parameter(property = "rehearsal.load", defaultValue = "true")
    boolean load;

    /** Write load in requests per second across all clients; 0 means automatic (400). */
    @Parameter(property = "rehearsal.loadRate", defaultValue = "0")
    int loadRate;

    /** Client connections of the write load. */
    @Parameter(property = "rehearsal.loadClients", defaultValue = "" + RehearsalConfig.DEFAULT_LOAD_CLIENTS)
    int loadClients;

    /** Cancel a migration statement that runs longer (e.g. 30s, 10min). */
    @Parameter(property = "rehearsal.statementTimeout", defaultValue = "10min")
    String statementTimeout;

    /** Apply this lock_timeout to each migration, retried a few times with jitter (e.g. 2s). */
    @Parameter(property = "rehearsal.lockTimeout")
    String lockTimeout;

    /** Simulate a long-running reader holding a lock on each touched table for this long (e.g. 5s). */
    @Parameter(property = "rehearsal.longReader")
    String longReader;

    /** Where PostgreSQL comes from: embedded, testcontainers or external. Default: embedded, or external with a jdbcUrl. */
    @Parameter(property = "rehearsal.provider")
    String provider;

    /** PostgreSQL major version of the embedded server or testcontainers image (13 to 18). Default: the newest. */
    @Parameter(property = "rehearsal.postgres")
    Integer postgres;

    /** Docker image of the testcontainers provider, e.g. postgis/postgis:17-3.5. Default: postgres:MAJOR. */
    @Parameter(property = "rehearsal.image")
    String image;

    /** Rehearse on this server; Rehearsal creates and drops its own scratch databases there. Never logged. */
    @Parameter(property = "rehearsal.jdbcUrl")
    String jdbcUrl;

    /** Allow a jdbcUrl host other than this machine. */
    @Parameter(property = "rehearsal.allowRemote", defaultValue = "false")
    boolean allowRemote;

    /** The search_path every session on Rehearsal's databases starts with, e.g. {@code app, "$user", public}. */
    @Parameter(property = "rehearsal.searchPath")
    String searchPath;

    /** Lowest finding severity that fails the build: error, warning or info. */
    @Parameter(property = "rehearsal.failOn", defaultValue = "error")
    String failOn;

    /** How long writers may wait on one statement before it is a finding. */
    @Parameter(property = "rehearsal.writerBlockBudget", defaultValue = "100ms")
    String writerBlockBudget;

    /** WAL one statement may write before WAL_VOLUME is reported, e.g. 512MiB. */
    @Parameter(property = "rehearsal.walVolumeThreshold", defaultValue = "1GiB")
    String walVolumeThreshold;

    /** Finding severities changed as {@code CODE=LEVEL}, the level error, warning, info or off. */
    @Parameter(property = "rehearsal.severities")
    List<String> severities;

    /** A YAML rollout plan: app versions with SQL checks and the order of deploys, migrations and retires. */
    @Parameter(property = "rehearsal.plan")
    File plan;

    /** Whether the chain is also applied with Flyway (a changelog with Liquibase) to compare the schemas. */
    @Parameter(property = "rehearsal.flywayParity", defaultValue = "true")
    boolean flywayParity;

    /** A report.json of migrations already applied (e.g. from the main branch), to find edited migrations. */
    @Parameter(property = "rehearsal.baseline")
    File baseline;

    /**
     * Production's table sizes as {@code rehearse stats} writes them: the chain is also rehearsed at rows/10 and
     * every figure that grows with rows is extrapolated to production's rows.
     */
    @Parameter(property = "rehearsal.productionStats")
    File productionStats;

    /** Rehearse only the migrations after this version; the history up to it is applied without rehearsal. */
    @Parameter(property = "rehearsal.pendingAfter")
    String pendingAfter;

    /** Rehearse only the migrations added or modified since this git ref (read with git on the PATH). */
    @Parameter(property = "rehearsal.changedSince")
    String changedSince;

    /**
     * Clone each rehearsal database from this database of the jdbcUrl server, a copy of production: no seeding, only
     * the migrations its history table lacks are rehearsed, and it is never written to.
     */
    @Parameter(property = "rehearsal.templateDatabase")
    String templateDatabase;

    /** Report formats, from json, md, html, junit, sarif. */
    @Parameter(property = "rehearsal.formats", defaultValue = "json,md,html,junit,sarif")
    List<String> formats;

    /** Directory for the reports. */
    @Parameter(property = "rehearsal.outputDirectory", defaultValue = "${project.build.directory}/rehearsal")
    File outputDirectory;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    MavenProject project;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Rehearsal skipped (rehearsal.skip).");
            return;
        }
        List<ReportFormat> chosen;
        RehearsalEngine engine;
        MavenProgress progress = new MavenProgress(getLog());
        try {
            chosen = PluginSettings.formats(formats);
            FoundLocation found;
            try {
                found = ProjectMigrations.find(project, locations);
            } catch (RehearsalException e) {
                if (e.code() == ErrorCode.MIGRATIONS_NOT_FOUND && inheritedByAggregator()) {
                    getLog().info("Rehearsal: no migrations in this pom-packaged project; nothing to rehearse.");
                    return;
                }
                throw e;
            }
            getLog().info("Rehearsing " + found.directories().stream().map(Path::toString)
                    .collect(java.util.stream.Collectors.joining(", ")) + " (" + found.why() + ")");
            engine = new RehearsalEngine(config(found, progress));
        } catch (RehearsalException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
        progress.maskWith(engine::masked);
        Path reports = outputDirectory.toPath().toAbsolutePath().normalize();
        Report report;
        try {
            report = engine.run();
        } catch (RehearsalException e) {
            throw new MojoExecutionException(withPartialReport(e, engine, reports, chosen), e);
        } catch (RuntimeException e) {
            String message = engine.masked("Unexpected error: " + e + ". This is a defect in Rehearsal: please "
                    + "report it with the output of mvn -X.");
            throw new MojoExecutionException(withPartialReport(new RehearsalException(ErrorCode.INTERNAL_ERROR,
                    message, e), engine, reports, chosen), e);
        }
        List<Path> files = ReportOutput.write(report, reports, chosen);
        getLog().info("Reports: " + reports + " (" + ReportOutput.names(files) + ")");
        report.measuredOnFewRows().ifPresent(line -> getLog().warn(line));
        if (report.verdict() != Verdict.PASS) {
            throw new MojoFailureException(engine.masked(BuildFailure.message(report, reports, chosen)));
        }
        getLog().info("Rehearsal passed: " + report.migrations().size() + " migration"
                + (report.migrations().size() == 1 ? "" : "s") + ", no finding at or above " + report.failOn().json()
                + ".");
    }

    private RehearsalConfig config(FoundLocation found, MavenProgress progress) {
        Map<String, String> allPlaceholders = new LinkedHashMap<>(found.placeholders());
        allPlaceholders.putAll(PluginSettings.pairs("placeholders", placeholders));
        ClassLoader loader = found.needsProjectClassPath()
                ? ProjectClassPath.loader(project, Thread.currentThread().getContextClassLoader())
                : Thread.currentThread().getContextClassLoader();
        return RehearsalConfig.builder()
                .locations(found.locations())
                .sourceOptions(PluginSettings.django(PluginSettings.source(allPlaceholders, layout, contexts, labels,
                        project.getBasedir().toPath(), loader), djangoSettings, python))
                .server(PluginSettings.server(provider, postgres, image, jdbcUrl, allowRemote))
                .rows(rows)
                .tableRows(PluginSettings.tableRows(tableRows))
                .seedScript(seedScript == null ? null : seedScript.toPath())
                .load(load)
                .loadRate(loadRate)
                .loadClients(loadClients)
                .statementTimeout(PluginSettings.duration("statementTimeout", statementTimeout))
                .lockTimeout(PluginSettings.duration("lockTimeout", lockTimeout))
                .longReader(PluginSettings.duration("longReader", longReader))
                .policy(PluginSettings.policy(failOn, PluginSettings.duration("writerBlockBudget", writerBlockBudget),
                        PluginSettings.size("walVolumeThreshold", walVolumeThreshold), PluginSettings.pairs("severities", severities)))
                .flywayParity(flywayParity)
                .plan(PluginSettings.plan(plan))
                .baselineChecksums(PluginSettings.baseline(baseline))
                .productionStats(PluginSettings.productionStats(productionStats))
                .pendingAfter(pendingAfter)
                .changedSince(changedSince)
                .templateDatabase(templateDatabase)
                .searchPath(searchPath)
                .listener(progress)
                .build();
    }

    /**
     * A plugin declared in a parent pom runs in the parent too, which rarely holds migrations: without locations of
     * its own, that is no reason to fail the build. A module with code and no migrations still fails.
     */
    private boolean inheritedByAggregator() {
        return "pom".equals(project.getPackaging()) && (locations == null || locations.isEmpty());
    }

    /** An infrastructure failure keeps what was rehearsed so far; its one message says where. */
    private static String withPartialReport(RehearsalException e, RehearsalEngine engine, Path reports,
            List<ReportFormat> formats) {
        if (e.exitCode() != ExitCode.INFRASTRUCTURE && e.exitCode() != ExitCode.INTERRUPTED) {
            return e.getMessage();
        }
        return e.getMessage() + " " + ReportWriter.writePartial(engine.partialReport(RunStatus.INCOMPLETE,
                e.getMessage()), reports, formats);
    }
}
