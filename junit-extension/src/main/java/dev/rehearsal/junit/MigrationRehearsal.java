package dev.rehearsal.junit;

import dev.rehearsal.junit.internal.MigrationRehearsalExtension;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Rehearses a class's migrations on a real PostgreSQL. The server starts once per test class (before all its tests)
 * and stops after them; each test gets a fresh scratch database. Test methods receive a {@link Rehearsal}, a
 * {@link RehearsalResult}, or the test's database as a {@link RehearsalDatabase @RehearsalDatabase}
 * {@code DataSource} or JDBC URL {@code String}.
 * <pre>{@code
 * @MigrationRehearsal(locations = "classpath:db/migration", rows = "0", load = Toggle.OFF)
 * class MigrationsTest {
 *     @Test
 *     void index_is_built_concurrently(RehearsalResult result) {
 *         assertThat(result).migration("4").takesNoLockStrongerThan(LockMode.SHARE_UPDATE_EXCLUSIVE);
 *     }
 * }
 * }</pre>
 * Every attribute left at its default ({@code ""}, <code>{}</code>, {@code DEFAULT}) is read from the JUnit configuration
 * ({@code junit-platform.properties} or {@code -D} configuration parameters) under the key given on it, else the
 * built-in default applies. Numbers and durations are strings ({@code "1000"}, {@code "250ms"}, {@code "2s"},
 * {@code "1min"}), read as the command line reads them. An attribute
 * set here wins over the configuration. {@code rehearsal.server.scope=jvm} shares one server per configuration across
 * all test classes of the JVM instead of one per class.
 * <p>
 * Every rehearsal run for the class writes its reports (JSON, Markdown, HTML, JUnit XML, SARIF) under
 * {@code target/rehearsal-reports/<test class name>/}, relative to the working directory (with Maven and Gradle: the
 * module's directory); a failed Rehearsal assertion ends with the path of the HTML report.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(MigrationRehearsalExtension.class)
public @interface MigrationRehearsal {

    /**
     * The migrations, Flyway style: {@code classpath:db/migration} or a directory ({@code filesystem:} optional); several
     * are read into one chain, a version present in two of them being an error. Key {@code rehearsal.locations} ({@code a,b}); default {@code classpath:db/migration}.
     */
    String[] locations() default {};

    /** PostgreSQL major, 13 to 18; key {@code rehearsal.postgres}; default the newest. */
    String postgres() default "";

    /** Where the server comes from; key {@code rehearsal.provider}; default {@link Provider#EMBEDDED}. */
    Provider provider() default Provider.DEFAULT;

    /** Docker image for {@link Provider#TESTCONTAINERS}; key {@code rehearsal.image}; default {@code postgres:<major>}. */
    String image() default "";

    /** JDBC URL for {@link Provider#EXTERNAL} (implies it); key {@code rehearsal.jdbcUrl}. */
    String jdbcUrl() default "";

    /**
     * With {@link Provider#TESTCONTAINERS} on a machine without Docker, skip the class (with the reason) instead of
     * failing it, as Testcontainers' {@code @Testcontainers(disabledWithoutDocker = true)} does. Key
     * {@code rehearsal.testcontainers.disabledWithoutDocker} ({@code true}); default false: a missing Docker fails.
     */
    boolean disabledWithoutDocker() default false;

    /** Allow a JDBC URL host other than this machine; key {@code rehearsal.allowRemote}; default off. */
    Toggle allowRemote() default Toggle.DEFAULT;

    /**
     * The search_path every session on Rehearsal's databases starts with, as production's database sets it, e.g.
     * {@code "app, \"$user\", public"}; key {@code rehearsal.searchPath}; default the server's.
     */
    String searchPath() default "";

    /**
     * {@code auto}, {@code flyway}, {@code golang-migrate}, {@code goose}, {@code dbmate}, {@code liquibase} or
     * {@code prisma}; key {@code rehearsal.layout}; default {@code auto}.
     */
    String layout() default "";

    /**
     * Flyway placeholders and Liquibase changelog properties as {@code "name=value"}; key
     * {@code rehearsal.placeholders} ({@code a=1,b=2}).
     */
    String[] placeholders() default {};

    /** Liquibase contexts to run, e.g. {@code "prod"}; key {@code rehearsal.contexts}; default every changeSet. */
    String contexts() default "";

    /** Liquibase labels to run, e.g. {@code "!experimental"}; key {@code rehearsal.labels}; default every changeSet. */
    String labels() default "";

    /**
     * The settings module of a Django project (the location holding manage.py), e.g. {@code "shop.settings"}; key
     * {@code rehearsal.djangoSettings}; default the one manage.py names.
     */
    String djangoSettings() default "";

    /**
     * The Python that runs a Django project, one that imports django and psycopg2, e.g. {@code ".venv/bin/python"};
     * key {@code rehearsal.python}; default {@code python3} on the PATH.
     */
    String python() default "";

    /** Also apply the chain with Flyway (a changelog with Liquibase) and compare schemas; key {@code rehearsal.flywayParity}; default on. */
    Toggle flywayParity() default Toggle.DEFAULT;

    /** A report.json of migrations already applied, to find edited ones; key {@code rehearsal.baseline}; default none. */
    String baseline() default "";

    /** Production's table sizes as {@code rehearse stats} writes them: the chain is also rehearsed at rows/10 and its
     * figures are extrapolated to production's rows; key {@code rehearsal.productionStats}; default none. */
    String productionStats() default "";

    /** Rehearse only the migrations after this version, e.g. {@code "42"}; the history up to it is applied without
     * rehearsal (cached); key {@code rehearsal.pendingAfter}; default none: every migration is rehearsed. */
    String pendingAfter() default "";

    /** Rehearse only the migrations added or modified since this git ref, e.g. {@code "origin/main"}, read with git
     * on the PATH; key {@code rehearsal.changedSince}; default none. */
    String changedSince() default "";

    /** Clone each rehearsal database from this database of the {@code jdbcUrl} server, a copy of production (a thin
     * clone, a branch, a restored snapshot): no seeding, only the migrations its history table lacks are rehearsed,
     * and it is never written to; key {@code rehearsal.templateDatabase}; default none. */
    String templateDatabase() default "";

    /** Rows generated per existing table before each migration, e.g. {@code "1000"}; key {@code rehearsal.rows};
     * default 100000; {@code "0"} turns seeding off. */
    String rows() default "";

    /** Rows for single tables as {@code "public.orders=5000"}; key {@code rehearsal.tableRows} ({@code a=1,b=2}). */
    String[] tableRows() default {};

    /** SQL run before rows are generated, for tables the generator cannot fill; key {@code rehearsal.seedScript}. */
    String seedScript() default "";

    /** The concurrent write load; key {@code rehearsal.load}; default on. */
    Toggle load() default Toggle.DEFAULT;

    /** Write load in requests per second across all clients; key {@code rehearsal.loadRate}; default automatic (400). */
    String loadRate() default "";

    /** Client connections of the write load, 1 to 64; key {@code rehearsal.loadClients}; default 4. */
    String loadClients() default "";

    /** Hold a lock on each touched table this long, e.g. {@code "500ms"}; key {@code rehearsal.longReader}; default none. */
    String longReader() default "";

    /** Cancel a statement running longer, e.g. {@code "30s"}; key {@code rehearsal.statementTimeout}; default 10min. */
    String statementTimeout() default "";

    /** lock_timeout applied to each script, retried, e.g. {@code "2s"}; key {@code rehearsal.lockTimeout}; default none. */
    String lockTimeout() default "";

    /** {@code error}, {@code warning} or {@code info}: the least severity that fails; key {@code rehearsal.failOn}. */
    String failOn() default "";

    /** How long writers may wait on one statement, e.g. {@code "250ms"}; key {@code rehearsal.writerBlockBudget};
     * default 100ms. */
    String writerBlockBudget() default "";

    /** WAL one statement may write before WAL_VOLUME is reported, e.g. {@code "512MiB"}; key
     * {@code rehearsal.walVolumeThreshold}; default 1GiB. */
    String walVolumeThreshold() default "";

    /** Finding severities as {@code "CODE=level"}, the level error, warning, info or off; key
     * {@code rehearsal.severities} ({@code A=off,B=error}). */
    String[] severities() default {};

    /** A YAML rollout plan file (docs/phases.md); key {@code rehearsal.plan}; default none. */
    String plan() default "";

    /**
     * Where the reports go: a directory (relative to the working directory), under which each test class gets a folder
     * named after it; {@code none} writes no report. Key {@code rehearsal.reports.dir}; default
     * {@code target/rehearsal-reports}.
     */
    String reportsDir() default "";

    /**
     * Which reports: from {@code json}, {@code md}, {@code html}, {@code junit}, {@code sarif}, or {@code none}. Key
     * {@code rehearsal.reports.formats} ({@code html,json}); default all five.
     */
    String[] reportFormats() default {};

    /** Where the server comes from. */
    enum Provider {
        /** Not set here: key {@code rehearsal.provider}, else {@link #EMBEDDED} (or {@link #EXTERNAL} with a JDBC URL). */
        DEFAULT,
        /** Embedded PostgreSQL: no Docker, no install. */
        EMBEDDED,
        /** A Docker container of {@link #image()}; without Docker the class fails, unless {@link #disabledWithoutDocker()}. */
        TESTCONTAINERS,
        /** A running server at {@link #jdbcUrl()}; Rehearsal creates and drops its own databases there. */
        EXTERNAL
    }
}
