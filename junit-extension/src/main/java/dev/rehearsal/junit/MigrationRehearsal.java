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
 * @MigrationRehearsal(locations = "classpath:db/migration", rows = 0, load = "false")
 * class MigrationsTest {
 *     @Test
 *     void index_is_built_concurrently(RehearsalResult result) {
 *         assertThat(result).migration("4").takesNoLockStrongerThan(LockMode.SHARE_UPDATE_EXCLUSIVE);
 *     }
 * }
 * }</pre>
 * Every attribute left at its default is read from the JUnit configuration ({@code junit-platform.properties} or
 * {@code -D} configuration parameters) under the key given on it, else the built-in default applies. An attribute
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

    /** The migrations: {@code classpath:db/migration} (default; key {@code rehearsal.locations}) or a directory. */
    String[] locations() default {};

    /** PostgreSQL major, 13 to 18; 0 = key {@code rehearsal.postgres}, else the newest. */
    int postgres() default 0;

    /** Where the server comes from; key {@code rehearsal.provider}; default {@link Provider#EMBEDDED}. */
    Provider provider() default Provider.DEFAULT;

    /** Docker image for {@link Provider#TESTCONTAINERS}; key {@code rehearsal.image}; default {@code postgres:<major>}. */
    String image() default "";

    /** JDBC URL for {@link Provider#EXTERNAL} (implies it); key {@code rehearsal.jdbcUrl}. */
    String jdbcUrl() default "";

    /** Rows generated per existing table before each migration; -1 = key {@code rehearsal.rows}, else 100000. */
    int rows() default -1;

    /** {@code "true"} or {@code "false"}: concurrent write load; key {@code rehearsal.load}; default true. */
    String load() default "";

    /** {@code error}, {@code warning} or {@code info}: the least severity that fails; key {@code rehearsal.failOn}. */
    String failOn() default "";

    /** How long writers may wait on one statement; -1 = key {@code rehearsal.writerBlockBudgetMs}, else 100. */
    long writerBlockBudgetMs() default -1;

    /** Flyway placeholders as {@code "name=value"}; key {@code rehearsal.placeholders} ({@code a=1,b=2}). */
    String[] placeholders() default {};

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
        /** A Docker container of {@link #image()}; without Docker the tests are skipped with the reason. */
        TESTCONTAINERS,
        /** A running server at {@link #jdbcUrl()}; Rehearsal creates and drops its own databases there. */
        EXTERNAL
    }
}
