package dev.rehearsal.cli;

import dev.rehearsal.report.Report;
import dev.rehearsal.report.RunStatus;
import dev.rehearsal.report.Severity;
import dev.rehearsal.report.Verdict;
import dev.rehearsal.report.render.ReportFormat;
import dev.rehearsal.report.render.ReportWriter;
import dev.rehearsal.runner.core.BuildInfo;
import dev.rehearsal.runner.core.ErrorCode;
import dev.rehearsal.runner.core.ExitCode;
import dev.rehearsal.runner.PlanFiles;
import dev.rehearsal.runner.config.ByteSizes;
import dev.rehearsal.runner.config.Policy;
import dev.rehearsal.runner.config.RehearsalConfig;
import dev.rehearsal.runner.RehearsalEngine;
import dev.rehearsal.runner.core.RehearsalException;
import dev.rehearsal.runner.plan.RolloutPlan;
import dev.rehearsal.runner.source.MigrationLayout;
import dev.rehearsal.runner.source.SourceOptions;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code rehearse run <migrations>}: rehearses a migration chain and writes the reports. */
@Command(name = "run", sortOptions = false, mixinStandardHelpOptions = true,
        description = {"Rehearses every migration (up, down, up again) on a real PostgreSQL and writes the reports.",
                "Exit codes: 0 passed, 1 findings break the policy, 2 bad input, 3 refused for safety, "
                        + "4 infrastructure (PostgreSQL could not start, Docker missing, disk full, server lost, …), "
                        + "130 interrupted by SIGINT, 143 by SIGTERM. After 4, 130 and 143 the report so far is kept, "
                        + "marked incomplete or interrupted."})
final class RunCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..*", paramLabel = "<migrations>",
            description = "Directory of migrations (Flyway V/U/R__, golang-migrate .up/.down.sql, goose or dbmate "
                    + "<version>_<name>.sql, Prisma's prisma/migrations/<timestamp>_<name>/migration.sql folders, "
                    + "or a Liquibase master changelog such as db.changelog-master.xml), a "
                    + "Liquibase changelog file, a Django project (the directory holding manage.py), or "
                    + "classpath:<path>; several are rehearsed as one chain.")
    List<String> locations;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "rehearsal-report",
            description = "Directory for the reports (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--format", paramLabel = "LIST", converter = FormatsConverter.class,
            description = "Report formats, comma-separated, from: json, md, html, junit, sarif (default: all).")
    List<ReportFormat> formats;

    @Option(names = "--postgres", paramLabel = "MAJOR",
            description = "PostgreSQL major version of the embedded server, " + BuildInfo.OLDEST_MAJOR + " to "
                    + BuildInfo.NEWEST_MAJOR + " (default: the newest).")
    Integer postgresMajor;

    @Option(names = "--provider", paramLabel = "PROVIDER",
            description = "Where PostgreSQL comes from: embedded (default; no Docker needed), testcontainers "
                    + "(a Docker container of --image) or external (--jdbc-url). --jdbc-url alone implies external.")
    String providerName;

    @Option(names = "--image", paramLabel = "IMAGE",
            description = "Docker image of the testcontainers provider (default: postgres:<--postgres or the newest "
                    + "major>), e.g. postgres:17 or postgis/postgis:17-3.5.")
    String image;

    @Option(names = "--jdbc-url", paramLabel = "URL",
            description = "Rehearse on this server instead of an embedded one. Rehearsal creates and drops its own "
                    + "scratch databases there and touches nothing else.")
    String jdbcUrl;

    @Option(names = "--allow-remote", description = "Allow a --jdbc-url host other than this machine.")
    boolean allowRemote;

    @Option(names = "--search-path", paramLabel = "SCHEMAS",
            description = "The search_path every session on Rehearsal's databases starts with, as production's "
                    + "database sets it, e.g. 'app, \"$user\", public' (default: the server's).")
    String searchPath;

    @Option(names = "--rows", paramLabel = "N", defaultValue = "" + RehearsalConfig.DEFAULT_ROWS,
            description = "Rows generated per existing table before each migration (default: ${DEFAULT-VALUE}; 0: none).")
    int rows;

    @Option(names = "--no-load", description = "Run without the concurrent write load.")
    boolean noLoad;

    @Option(names = "--load-rate", paramLabel = "N", defaultValue = "0",
            description = "Write load in requests per second across all clients (default: 400, about 2 %% of one core).")
    int loadRate;

    @Option(names = "--load-clients", paramLabel = "N", defaultValue = "" + RehearsalConfig.DEFAULT_LOAD_CLIENTS,
            description = "Client connections of the write load (default: ${DEFAULT-VALUE}).")
    int loadClients;

    @Option(names = "--lock-timeout", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Apply this lock_timeout to each migration, retried a few times with jitter (e.g. 2s).")
    Duration lockTimeout;

    @Option(names = "--long-reader", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Simulate a long-running reader holding a lock on each touched table for this long "
                    + "(the lock-queue scenario).")
    Duration longReader;

    @Option(names = "--statement-timeout", paramLabel = "DURATION", converter = DurationConverter.class,
            defaultValue = "10min", description = "Cancel a migration statement that runs longer; its step then "
                    + "fails with SQLSTATE 57014 (default: ${DEFAULT-VALUE}).")
    Duration statementTimeout;

    @Option(names = "--fail-on", paramLabel = "SEVERITY", defaultValue = "error",
            description = "Lowest finding severity that fails the run: error, warning or info (default: ${DEFAULT-VALUE}).")
    String failOn;

    @Option(names = "--writer-block-budget", paramLabel = "DURATION", converter = DurationConverter.class,
            defaultValue = "100ms", description = "How long writers may wait on one statement (default: ${DEFAULT-VALUE}).")
    Duration writerBlockBudget;

    @Option(names = "--wal-volume-threshold", paramLabel = "SIZE", defaultValue = "1GiB",
            description = "WAL one statement may write before WAL_VOLUME is reported, e.g. 512MiB (default: "
                    + "${DEFAULT-VALUE}).")
    String walVolumeThreshold;

    @Option(names = "--placeholder", paramLabel = "NAME=VALUE",
            description = "A value for a Flyway $${placeholder} or a Liquibase changelog property; repeat for several.")
    Map<String, String> placeholders = new LinkedHashMap<>();

    @Option(names = "--layout", paramLabel = "LAYOUT", defaultValue = "auto",
            description = "Migration layout: auto, flyway, golang-migrate, goose, dbmate, liquibase, prisma or "
                    + "django (default: ${DEFAULT-VALUE}).")
    String layout;

    @Option(names = "--django-project", paramLabel = "DIR",
            description = "A Django project to rehearse, the directory holding manage.py: Django writes the SQL of "
                    + "each migration (sqlmigrate, forwards and --backwards) in showmigrations --plan order. The same "
                    + "as giving DIR as <migrations> with --layout django.")
    Path djangoProject;

    @Option(names = "--django-settings", paramLabel = "MODULE",
            description = "The Django settings module, as DJANGO_SETTINGS_MODULE (default: the one manage.py names).")
    String djangoSettings;

    @Option(names = "--python", paramLabel = "PYTHON",
            description = "The Python that runs the Django project, one that imports django and psycopg2, e.g. "
                    + ".venv/bin/python (default: python3 on the PATH).")
    String python;

    @Option(names = "--classpath", paramLabel = "PATHS", split = ",",
            description = "Directories and jars of compiled Flyway Java migrations (and the classes they use), "
                    + "separated by commas or the platform's path separator; classpath: locations are searched there "
                    + "too, e.g. rehearse run classpath:db/migration --classpath target/classes.")
    List<String> classpath;

    @Option(names = "--contexts", paramLabel = "EXPRESSION",
            description = "Liquibase contexts to run, as liquibase update --contexts (default: every changeSet).")
    String contexts;

    @Option(names = "--labels", paramLabel = "EXPRESSION",
            description = "Liquibase labels to run, as liquibase update --label-filter (default: every changeSet).")
    String labels;

    @Option(names = "--plan", paramLabel = "FILE",
            description = "A YAML rollout plan: app versions with SQL checks and the order of deploys, migrations "
                    + "and retires (format in docs/phases.md). Each app version that may be running is checked "
                    + "after every step.")
    Path plan;

    @Option(names = "--no-flyway-parity", description = "Skip applying the chain with Flyway (a changelog with Liquibase) to compare schemas.")
    boolean noFlywayParity;

    @Option(names = "--config", paramLabel = "FILE",
            description = "Settings file (default: rehearsal.yaml in the working directory, if present): every option "
                    + "here under its name without dashes; options on the command line win.")
    Path configFile;

    @Option(names = "--severity", paramLabel = "CODE=LEVEL",
            description = "Change a finding's severity: error, warning, info, or off to disable it; repeat for several.")
    Map<String, String> severities = new LinkedHashMap<>();

    @Option(names = "--table-rows", paramLabel = "TABLE=N",
            description = "Rows for one table (schema-qualified), overriding --rows; repeat for several.")
    Map<String, Integer> tableRows = new LinkedHashMap<>();

    @Option(names = "--seed-script", paramLabel = "FILE",
            description = "SQL run before rows are generated, for tables the generator cannot fill.")
    Path seedScript;

    @Option(names = "--production-stats", paramLabel = "FILE",
            description = "Production's table sizes, as `rehearse stats` writes them: the chain is also rehearsed at "
                    + "rows/10 and every figure that grows with rows is extrapolated to production's rows.")
    Path productionStats;

    @Option(names = "--baseline", paramLabel = "REPORT",
            description = "A report.json of already applied migrations (e.g. from the main branch): a migration whose "
                    + "checksum differs was edited after it was applied.")
    Path baseline;

    @Option(names = "--pending-after", paramLabel = "VERSION",
            description = "Rehearse only the migrations after this version; the history up to it is applied without "
                    + "rehearsal (cached between runs).")
    String pendingAfter;

    @Option(names = "--changed-since", paramLabel = "GIT_REF",
            description = "Rehearse only the migrations added or modified since this git ref (and those after the "
                    + "first of them); the history before is applied without rehearsal.")
    String changedSince;

    @Option(names = "--template-database", paramLabel = "NAME",
            description = "Clone each rehearsal database from this database of the --jdbc-url server, a copy of "
                    + "production (a thin clone, a branch, a restored snapshot): no seeding, only the migrations its "
                    + "history table lacks are rehearsed, and it is never written to.")
    String templateDatabase;

    @Option(names = "--migrations-from-config", hidden = true)
    List<String> migrationsFromConfig;

    /** Whether the settings file has been merged into these options already. */
    boolean configMerged;

    /** Told how to mask this run's secrets once they are known, e.g. to mask the log output too. */
    Consumer<UnaryOperator<String>> secretsKnown = mask -> { };

    @Option(names = {"-q", "--quiet"}, description = "Print only the summary, no progress.")
    boolean quiet;

    @Option(names = {"-v", "--verbose"}, description = "Log what happens, and show stack traces of errors.")
    boolean verbose;

    @Override
    public Integer call() {
        if (!configMerged) {
            Path file = ConfigFileArgs.locate(configFile);
            if (file != null) {
                return ConfigMerge.withFile(this, spec, file).call();
            }
        }
        if (locations == null || locations.isEmpty()) {
            locations = migrationsFromConfig;
        }
        if (djangoProject != null) {
            if (locations != null && !locations.isEmpty()) {
                throw CliErrors.invalid("--django-project names the migrations already: give either "
                        + djangoProject + " or " + String.join(", ", locations) + ", not both");
            }
            if (!layout.equalsIgnoreCase("auto") && !layout.equalsIgnoreCase("django")) {
                throw CliErrors.invalid("--django-project reads a Django project, but --layout is " + layout
                        + ": leave --layout out, or set it to django");
            }
            locations = List.of(djangoProject.toString());
            layout = "django";
        }
        if (locations == null || locations.isEmpty()) {
            throw CliErrors.invalid("name the migrations to rehearse: rehearse run <migrations-dir> "
                    + "(or `migrations:` in rehearsal.yaml)");
        }
        Verbosity.apply(verbose);
        Path reports = ReportFiles.requireDirectory(out);
        AtomicReference<UnaryOperator<String>> mask = new AtomicReference<>(UnaryOperator.identity());
        PrintWriter out = MaskedOutput.writer(spec.commandLine().getOut(), text -> mask.get().apply(text));
        PrintWriter err = MaskedOutput.writer(spec.commandLine().getErr(), text -> mask.get().apply(text));
        ConsoleProgress progress = new ConsoleProgress(err, quiet);
        RehearsalEngine engine = new RehearsalEngine(config(progress));
        mask.set(engine::masked);
        secretsKnown.accept(engine::masked);
        List<ReportFormat> chosen = formats == null ? FormatsConverter.all() : formats;
        Report report;
        try (RunGuard guard = new RunGuard(() -> interrupted(engine, progress, reports, chosen, err))) {
            try {
                report = engine.run();
            } catch (RehearsalException e) {
                guard.finish();
                throw withPartialReport(e, engine, reports, chosen);
            } catch (RuntimeException e) {
                guard.finish();
                throw withPartialReport(new RehearsalException(ErrorCode.INTERNAL_ERROR, "Unexpected error: " + e
                        + ". This is a defect in Rehearsal: please report it with the output of --verbose.", e),
                        engine, reports, chosen);
            }
            guard.finish();
        }
        SummaryPrinter.print(report, out);
        List<Path> files = ReportFiles.write(report, reports, chosen);
        out.println();
        out.printf("Verdict: %s. Reports: %s%n", report.verdict() == Verdict.PASS ? "PASS" : "FAIL",
                ReportFiles.describe(files));
        out.flush();
        return report.verdict() == Verdict.PASS ? ExitCode.PASSED.code() : ExitCode.POLICY_FAILED.code();
    }

    /** An infrastructure failure keeps what was rehearsed so far, and its one message says where. */
    private static RehearsalException withPartialReport(RehearsalException e, RehearsalEngine engine, Path reports,
            List<ReportFormat> formats) {
        if (e.exitCode() != ExitCode.INFRASTRUCTURE && e.exitCode() != ExitCode.INTERRUPTED) {
            return e;
        }
        String where = ReportWriter.writePartial(engine.partialReport(RunStatus.INCOMPLETE, e.getMessage()), reports,
                formats);
        RehearsalException told = new RehearsalException(e.code(), e.getMessage() + " " + where, e.getCause());
        told.setStackTrace(e.getStackTrace());
        return told;
    }

    /** On SIGINT or SIGTERM, before the server is stopped: the report so far, and one line that says so. */
    private static void interrupted(RehearsalEngine engine, ConsoleProgress progress, Path reports,
            List<ReportFormat> formats, PrintWriter err) {
        String step = progress.current();
        String during = step == null ? "" : " while rehearsing " + step;
        String where = ReportWriter.writePartial(engine.partialReport(RunStatus.INTERRUPTED,
                "interrupted by a signal (SIGINT or SIGTERM)" + during), reports, formats);
        err.println("rehearse: interrupted" + during + "; stopping PostgreSQL and removing its files. " + where);
        err.flush();
    }

    private RehearsalConfig config(ConsoleProgress progress) {
        SourceOptions source = SourceOptions.defaults().withPlaceholders(placeholders).withLayout(parseLayout())
                .withContexts(contexts).withLabels(labels).withDjangoSettings(djangoSettings).withPython(python);
        if (classpath != null && !classpath.isEmpty()) {
            source = source.withClassLoader(JavaClassPath.loader(classpath));
        }
        Policy policy = SeverityOptions.apply(Policy.defaults().withFailOn(parseSeverity())
                .withWriterBlockBudget(writerBlockBudget).withWalVolumeThreshold(parseSize()), severities);
        return RehearsalConfig.builder()
                .locations(locations)
                .sourceOptions(source)
                .server(server())
                .rows(rows)
                .load(!noLoad)
                .loadRate(loadRate)
                .loadClients(loadClients)
                .statementTimeout(statementTimeout)
                .lockTimeout(lockTimeout)
                .longReader(longReader)
                .policy(policy)
                .flywayParity(!noFlywayParity)
                .plan(plan == null ? RolloutPlan.none() : PlanFiles.read(plan))
                .tableRows(tableRows)
                .seedScript(seedScript)
                .baselineChecksums(baseline == null ? Map.of() : dev.rehearsal.runner.BaselineFiles.checksums(baseline))
                .productionStats(productionStats == null ? null
                        : dev.rehearsal.runner.stats.ProductionStatsFiles.read(productionStats))
                .pendingAfter(pendingAfter)
                .changedSince(changedSince)
                .templateDatabase(templateDatabase)
                .searchPath(searchPath)
                .listener(progress)
                .build();
    }

    private dev.rehearsal.runner.config.Server server() {
        return ProviderOptions.server(providerName, postgresMajor, image, jdbcUrl, allowRemote);
    }

    private MigrationLayout parseLayout() {
        return switch (layout.toLowerCase(java.util.Locale.ROOT)) {
            case "auto" -> null;
            case "flyway" -> MigrationLayout.FLYWAY;
            case "golang-migrate", "golang", "migrate" -> MigrationLayout.GOLANG_MIGRATE;
            case "goose" -> MigrationLayout.GOOSE;
            case "dbmate" -> MigrationLayout.DBMATE;
            case "liquibase" -> MigrationLayout.LIQUIBASE;
            case "prisma" -> MigrationLayout.PRISMA;
            case "django" -> MigrationLayout.DJANGO;
            default -> throw CliErrors.invalid("--layout must be auto, flyway, golang-migrate, goose, dbmate, liquibase, "
                    + "prisma or django, got '" + layout + "'");
        };
    }

    private long parseSize() {
        try {
            return ByteSizes.parse(walVolumeThreshold);
        } catch (IllegalArgumentException e) {
            throw CliErrors.invalid("--wal-volume-threshold: " + e.getMessage());
        }
    }

    private Severity parseSeverity() {
        try {
            return Severity.fromJson(failOn.toLowerCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw CliErrors.invalid("--fail-on must be error, warning or info, got '" + failOn + "'");
        }
    }
}
