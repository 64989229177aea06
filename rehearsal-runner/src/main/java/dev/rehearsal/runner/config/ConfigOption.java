package dev.rehearsal.runner.config;

import dev.rehearsal.runner.core.BuildInfo;
import dev.rehearsal.runner.core.RehearsalListener;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * The catalogue of every option, and its name in each {@link FrontDoor}. Adding an option means adding it to the
 * configuration model, here, and in each front door; the parity test fails while a front door lacks it, unless the
 * option says here why that door cannot carry it.
 */
public enum ConfigOption {

    // --- server ---
    PROVIDER(Group.SERVER, "embedded, testcontainers or external", "embedded (external with a JDBC URL)",
            "where PostgreSQL comes from", named("provider")),
    POSTGRES(Group.SERVER, "13 to 18", "newest (" + BuildInfo.NEWEST_MAJOR + ")",
            "PostgreSQL major of the embedded server or the default Docker image",
            named("postgres").gap(FrontDoor.REPORT, "the report's postgres.version names the exact server version")),
    IMAGE(Group.SERVER, "Docker image", "postgres:<major>", "Docker image of the testcontainers provider",
            named("image")),
    JDBC_URL(Group.SERVER, "JDBC URL", "none", "rehearse on this server (implies external); Rehearsal creates and "
            + "drops its own scratch databases there", named("jdbcUrl")
            .gap(FrontDoor.REPORT, "the URL can hold a password; the report names the provider only")),
    SEARCH_PATH(Group.SERVER, "schema names, e.g. app, \"$user\", public", "the server's (\"$user\", public)",
            "the search_path every session on Rehearsal's databases starts with, set on each database as "
            + "production's is (ALTER DATABASE … SET search_path)", named("searchPath")),
    ALLOW_REMOTE(Group.SERVER, "boolean", "false", "allow a JDBC URL host other than this machine",
            named("allowRemote")),
    DISABLED_WITHOUT_DOCKER(Group.SERVER, "boolean", "false", "skip the test class, instead of failing it, when the "
            + "testcontainers provider finds no Docker", named("disabledWithoutDocker")
            .junitKey("rehearsal.testcontainers.disabledWithoutDocker")
            .gap(FrontDoor.CLI, "the command line always fails without Docker (exit 4): a CI job must not pass "
                    + "without a rehearsal")
            .gap(FrontDoor.YAML, "the command line always fails without Docker (exit 4)")
            .gap(FrontDoor.MAVEN, "the build always fails without Docker (MojoExecutionException); skip the goal with "
                    + "rehearsal.skip")
            .gap(FrontDoor.REPORT, "a skipped class writes no report")),

    // --- sources ---
    LOCATIONS(Group.SOURCES, "locations", "classpath:db/migration (JUnit); found from Flyway or Spring Boot (Maven)",
            "the migrations: directories, filesystem:<dir> or classpath:<path>; several are one chain",
            named("locations").cli("<migrations>").yaml("migrations")
                    .gap(FrontDoor.REPORT, "the report's source.location names them")),
    LAYOUT(Group.SOURCES, "auto, flyway, golang-migrate, goose, dbmate, liquibase, prisma or django", "auto",
            "the migration layout", named("layout")),
    DJANGO_PROJECT(Group.SOURCES, "directory", "none", "a Django project to rehearse, the directory holding "
            + "manage.py: the same as giving it as the migrations with the layout django",
            named("djangoProject").only(FrontDoor.CLI, "give the project's directory as the locations (a Django "
                    + "project is one found by its manage.py, or chosen with the layout django)")),
    DJANGO_SETTINGS(Group.SOURCES, "Python module", "the one manage.py names", "the settings module of the Django "
            + "project, as DJANGO_SETTINGS_MODULE", named("djangoSettings")),
    PYTHON(Group.SOURCES, "command or path", "python3 on the PATH", "the Python that runs the Django project (one "
            + "that imports django and psycopg2), e.g. .venv/bin/python", named("python")),
    PLACEHOLDERS(Group.SOURCES, "name=value pairs", "none", "values for Flyway ${name} placeholders, and Liquibase "
            + "changelog properties", named("placeholders").cli("--placeholder")),
    CONTEXTS(Group.SOURCES, "Liquibase context expression", "none (every changeSet)", "the Liquibase contexts to "
            + "run, as liquibase update --contexts", named("contexts")),
    LABELS(Group.SOURCES, "Liquibase label expression", "none (every changeSet)", "the Liquibase labels to run, "
            + "as liquibase update --label-filter", named("labels")),
    FLYWAY_PARITY(Group.SOURCES, "boolean", "true", "also apply the chain with Flyway (a changelog with Liquibase) "
            + "and compare the schemas",
            named("flywayParity").cli("--no-flyway-parity")),
    BASELINE(Group.SOURCES, "path of a report.json", "none", "migrations already applied (e.g. the main branch's "
            + "report); a migration whose checksum differs was edited", named("baseline").report("baselineMigrations")),
    PENDING_AFTER(Group.SOURCES, "version", "none (every migration is rehearsed)", "rehearse only the migrations after "
            + "this version; the history up to it is applied without rehearsal, cached between runs",
            named("pendingAfter")),
    CHANGED_SINCE(Group.SOURCES, "git ref", "none (every migration is rehearsed)", "rehearse only the migrations added "
            + "or modified since this git ref (and those after the first of them), read with git on the PATH",
            named("changedSince")),
    TEMPLATE_DATABASE(Group.SOURCES, "database name", "none (rehearse on an empty or seeded database)", "clone each "
            + "rehearsal database from this database of the external server (a copy of production): no seeding, and "
            + "only the migrations its history table lacks are rehearsed; never written to",
            named("templateDatabase")),

    // --- seeding ---
    ROWS(Group.SEEDING, "whole number", Integer.toString(Seeding.DEFAULT_ROWS),
            "rows generated per existing table before each migration; 0 turns seeding off", named("rows")),
    TABLE_ROWS(Group.SEEDING, "schema.table=N pairs", "none", "rows for single tables, overriding rows",
            named("tableRows")),
    SEED_SCRIPT(Group.SEEDING, "path", "none", "SQL run before rows are generated, for tables the generator cannot "
            + "fill", named("seedScript")),
    PRODUCTION_STATS(Group.SEEDING, "path of a stats file (rehearse stats)", "none", "production's table sizes: the "
            + "chain is also rehearsed at rows/10 and every figure that grows with rows is extrapolated to "
            + "production's rows; budgets and the WAL threshold are checked against it",
            named("productionStats")),

    // --- load ---
    LOAD(Group.LOAD, "boolean", "true", "the concurrent write load", named("load").cli("--no-load")),
    LOAD_RATE(Group.LOAD, "whole number", "0 (automatic: 400)", "write load in requests per second across all clients",
            named("loadRate")),
    LOAD_CLIENTS(Group.LOAD, "1 to 64", Integer.toString(Load.DEFAULT_CLIENTS),
            "client connections of the write load", named("loadClients")),
    LONG_READER(Group.LOAD, "duration", "none", "hold a lock on each touched table for this long (the lock-queue "
            + "scenario)", named("longReader")),

    // --- timeouts ---
    STATEMENT_TIMEOUT(Group.TIMEOUTS, "duration", Durations.format(Timeouts.DEFAULT_STATEMENT),
            "cancel a migration statement that runs longer", named("statementTimeout")),
    LOCK_TIMEOUT(Group.TIMEOUTS, "duration", "none", "apply this lock_timeout to each script, retried with jitter",
            named("lockTimeout")),

    // --- policy ---
    FAIL_ON(Group.POLICY, "error, warning or info", "error", "lowest finding severity that fails", named("failOn")),
    WRITER_BLOCK_BUDGET(Group.POLICY, "duration", Durations.format(Policy.DEFAULT_WRITER_BLOCK_BUDGET),
            "how long writers may wait on one statement", named("writerBlockBudget")),
    WAL_VOLUME_THRESHOLD(Group.POLICY, "size (e.g. 512MiB, 1GiB)", ByteSizes.format(Policy.DEFAULT_WAL_VOLUME_THRESHOLD),
            "WAL one statement may write before WAL_VOLUME is reported", named("walVolumeThreshold")),
    SEVERITIES(Group.POLICY, "CODE=LEVEL pairs", "the catalogue's", "change a finding's severity: error, warning, "
            + "info, or off to disable it", named("severities").cli("--severity")
                    .report("severities, disabledFindings")),

    // --- rollout plan ---
    PLAN(Group.PLAN, "path of a YAML plan", "none", "app versions with SQL checks and the order of deploys, "
            + "migrations and retires", named("plan")
            .gap(FrontDoor.REPORT, "the report's phases[] show each step of the plan and its checks")),

    // --- reports (front doors only: the engine returns one Report value) ---
    REPORTS_DIR(Group.REPORTS, "directory", "rehearsal-report (CLI), target/rehearsal-reports (JUnit), "
            + "target/rehearsal (Maven)", "where the reports are written",
            named("reportsDir").cli("--out").junitKey("rehearsal.reports.dir").maven("outputDirectory")
                    .gap(FrontDoor.REPORT, "the report is written there")),
    REPORT_FORMATS(Group.REPORTS, "json, md, html, junit, sarif", "all five", "which reports are written",
            named("reportFormats").cli("--format").junitKey("rehearsal.reports.formats").maven("formats")
                    .gap(FrontDoor.REPORT, "the formats are the files written")),

    // --- how a front door runs, not what is rehearsed ---
    CONFIG_FILE(Group.FRONT_DOOR, "path", "rehearsal.yaml if present", "the settings file of the command line",
            named("config").yaml(null, "it names the YAML file itself")
                    .gap(FrontDoor.ANNOTATION, "JUnit reads junit-platform.properties")
                    .gap(FrontDoor.JUNIT_KEY, "JUnit reads junit-platform.properties")
                    .gap(FrontDoor.MAVEN, "the pom is the settings file")
                    .gap(FrontDoor.REPORT, "where a value came from does not change the rehearsal")),
    QUIET(Group.FRONT_DOOR, "flag", "off", "print only the summary", named("quiet").only(FrontDoor.CLI,
            "JUnit and Maven print through their own logging (mvn -q)")),
    VERBOSE(Group.FRONT_DOOR, "flag", "off", "log what happens and show stack traces", named("verbose")
            .only(FrontDoor.CLI, "JUnit and Maven print through their own logging (mvn -X)")),
    SKIP(Group.FRONT_DOOR, "boolean", "false", "skip the rehearsal", named("skip").only(FrontDoor.MAVEN,
            "the command line is skipped by not calling it, a JUnit class by JUnit's own conditions (@Disabled…)")),
    SERVER_SCOPE(Group.FRONT_DOOR, "class or jvm", "class", "one server per test class, or one per configuration for "
            + "the whole JVM", named("serverScope").only(FrontDoor.JUNIT_KEY, "only JUnit runs several test classes "
            + "in one JVM; the command line and Maven start one server per run").junitKey("rehearsal.server.scope")),
    PROVIDER_OBJECT(Group.FRONT_DOOR, "PostgresProvider", "from the server settings", "a provider object instead of the "
            + "server settings (e.g. a server shared by many rehearsals)", named("providerObject").only(null,
            "an object, not a value: RehearsalConfig.Builder.provider(…) only; JUnit uses it to share its server")),
    LISTENER(Group.FRONT_DOOR, "RehearsalListener", "none", "told what happens, e.g. to show progress",
            named("listener").only(null, "an object, not a value: RehearsalConfig.Builder.listener(…) only; each front "
            + "door sets its own progress")),
    WORKING_DIRECTORY(Group.FRONT_DOOR, "path", "the working directory", "paths in reports are made relative to it",
            named("workingDirectory").only(null, "each front door sets it from its context (Maven: the project's "
            + "directory)")),
    CLASS_LOADER(Group.FRONT_DOOR, "ClassLoader (command line: directories and jars)",
            "the thread's context class loader (command line: Rehearsal's own)", "resolves classpath: locations and "
            + "loads Flyway Java migrations", named("classLoader").cli("--classpath").only(FrontDoor.CLI, "an object: "
            + "each front door sets it from its context (JUnit: the test class's loader; Maven: the project's run-time class path when a location holds Java "
            + "migrations)"));

    /** The configuration record an option belongs to. */
    public enum Group { SERVER, SOURCES, SEEDING, LOAD, TIMEOUTS, POLICY, PLAN, REPORTS, FRONT_DOOR }

    private final String key;
    private final Group group;
    private final String type;
    private final String defaultValue;
    private final String description;
    private final Map<FrontDoor, String> names;
    private final Map<FrontDoor, String> gaps;

    ConfigOption(Group group, String type, String defaultValue, String description, Names names) {
        this.group = group;
        this.type = type;
        this.defaultValue = defaultValue;
        this.description = description;
        this.key = names.key;
        this.names = Collections.unmodifiableMap(names.names);
        this.gaps = Collections.unmodifiableMap(names.gaps);
    }

    /** The option's own name, in camel case, from which the front doors' names are derived. */
    public String key() {
        return key;
    }

    public Group group() {
        return group;
    }

    /** The values it accepts, in words. */
    public String type() {
        return type;
    }

    /** The default in words, as the documentation shows it. */
    public String defaultValue() {
        return defaultValue;
    }

    public String description() {
        return description;
    }

    /** Its name in a front door: a flag, key, attribute or parameter; empty when the door cannot carry it. */
    public Optional<String> name(FrontDoor door) {
        return Optional.ofNullable(names.get(door));
    }

    /** Why a front door cannot carry it; empty when it can. */
    public Optional<String> gap(FrontDoor door) {
        return Optional.ofNullable(gaps.get(door));
    }

    /** The Maven property of the parameter: {@code rehearsal.<parameter>}. */
    public Optional<String> mavenProperty() {
        return name(FrontDoor.MAVEN).map(parameter -> "rehearsal." + parameter);
    }

    /** An option's names, derived from one camel-case name unless a door says otherwise. */
    private static Names named(String name) {
        return new Names(name);
    }

    private static final class Names {
        private final String key;
        private final Map<FrontDoor, String> names = new EnumMap<>(FrontDoor.class);
        private final Map<FrontDoor, String> gaps = new EnumMap<>(FrontDoor.class);

        Names(String name) {
            this.key = name;
            cli("--" + name.replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT));
            names.put(FrontDoor.ANNOTATION, name);
            names.put(FrontDoor.JUNIT_KEY, "rehearsal." + name);
            names.put(FrontDoor.MAVEN, name);
            names.put(FrontDoor.REPORT, name);
        }

        /** The flag; the YAML key is the flag without its dashes, as rehearsal.yaml reads it. */
        Names cli(String flag) {
            names.put(FrontDoor.CLI, flag);
            names.put(FrontDoor.YAML, flag.startsWith("--") ? flag.substring(2) : flag);
            return this;
        }

        Names yaml(String key, String gap) {
            return key == null ? gap(FrontDoor.YAML, gap) : put(FrontDoor.YAML, key);
        }

        Names yaml(String key) {
            return put(FrontDoor.YAML, key);
        }

        /** The attribute; the JUnit key is {@code rehearsal.<attribute>}. */
        Names annotation(String attribute) {
            put(FrontDoor.ANNOTATION, attribute);
            return put(FrontDoor.JUNIT_KEY, "rehearsal." + attribute);
        }

        Names junitKey(String key) {
            return put(FrontDoor.JUNIT_KEY, key);
        }

        Names maven(String parameter) {
            return put(FrontDoor.MAVEN, parameter);
        }

        Names report(String key) {
            return put(FrontDoor.REPORT, key);
        }

        Names gap(FrontDoor door, String reason) {
            names.remove(door);
            gaps.put(door, reason);
            return this;
        }

        /** Only this door carries it ({@code null}: none, the builder only); every other door says why not. */
        Names only(FrontDoor door, String reason) {
            for (FrontDoor other : FrontDoor.values()) {
                // rehearsal.yaml reads every option of the command line
                if (other != door && !(door == FrontDoor.CLI && other == FrontDoor.YAML)) {
                    gap(other, reason);
                }
            }
            return this;
        }

        private Names put(FrontDoor door, String name) {
            gaps.remove(door);
            names.put(door, name);
            return this;
        }
    }
}
