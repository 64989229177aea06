package dev.rehearsal.runner.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.rehearsal.report.Phase;
import dev.rehearsal.report.StepFailure;
import dev.rehearsal.runner.internal.findings.RejectedData;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A unique violation on a key the write load inserted after the statement's snapshot is the load's doing, told from
 * one on rows that were there before the attempt, or that the chain wrote itself. The collision is PostgreSQL's own:
 * a repeatable-read transaction takes its snapshot, another session commits the key, then the insert meets it.
 */
@Tag("slow") // over 2 s: CI runs it, the fast set (-Pquick) does not
class LoadRaceTest {

    private static EmbeddedPostgres postgres;
    private static DataSource dataSource;

    @BeforeAll
    static void startPostgres() throws IOException {
        postgres = EmbeddedPostgres.builder().setServerConfig("lock_timeout", "60s").start();
        dataSource = postgres.getPostgresDatabase();
    }

    @AfterAll
    static void stopPostgres() throws IOException {
        if (postgres != null) {
            postgres.close();
        }
    }

    /** Read on a session that is idle, as the migration's own is between steps. */
    private static long nextXid() throws SQLException {
        try (java.sql.Connection connection = dataSource.getConnection()) {
            return LoadRace.nextXid(connection);
        }
    }

    @BeforeEach
    void billing() throws SQLException {
        execute("DROP TABLE IF EXISTS billing; CREATE TABLE billing (team_id int PRIMARY KEY, plan text);"
                + " INSERT INTO billing SELECT g, 'paid' FROM generate_series(1, 3) g");
    }

    @Test
    void should_take_a_collision_with_a_key_the_load_inserted_during_the_attempt_for_a_race() throws SQLException {
        // GIVEN the attempt begins, and the load commits team 4 after the statement's snapshot
        long nextXid = nextXid();
        StepFailure failure = collide("INSERT INTO billing VALUES (4, 'paid')");

        // WHEN
        RejectedData race = LoadRace.of(dataSource, failure, List.of(), nextXid, Set.of());

        // THEN
        assertThat(race).isNotNull();
        assertThat(race.raced()).isTrue();
        assertThat(race.relation()).isEqualTo("public.billing");
        assertThat(race.column()).isEqualTo("team_id");
        assertThat(race.value()).isEqualTo("4");
        assertThat(race.removed()).isZero();
    }

    @Test
    void should_not_take_a_collision_with_rows_there_before_the_attempt_for_a_race() throws SQLException {
        execute("INSERT INTO billing VALUES (4, 'paid')");
        long nextXid = nextXid();
        StepFailure failure = collide(null, "INSERT INTO billing VALUES (4, 'free')");

        assertThat(LoadRace.of(dataSource, failure, List.of(), nextXid, Set.of())).isNull();
    }

    @Test
    void should_not_take_a_collision_with_the_chains_own_rows_for_a_race() throws SQLException {
        long nextXid = nextXid();
        StepFailure failure = collide("INSERT INTO billing VALUES (4, 'paid')");
        long chainTransaction = xmin(4);

        assertThat(LoadRace.of(dataSource, failure, List.of(), nextXid, Set.of(chainTransaction))).isNull();
    }

    @Test
    void should_name_a_mixed_case_table_as_the_other_findings_do() throws SQLException {
        // GIVEN trigger.dev's JobCounter, whose key the load inserts while the migration's copy runs
        execute("DROP TABLE IF EXISTS \"JobCounter\"; CREATE TABLE \"JobCounter\" (\"jobId\" text PRIMARY KEY)");
        long nextXid = nextXid();
        StepFailure failure = collide("INSERT INTO \"JobCounter\" VALUES ('violet-18p')", "INSERT INTO \"JobCounter\""
                + " SELECT 'violet-18p' WHERE 'violet-18p' NOT IN (SELECT \"jobId\" FROM \"JobCounter\")");

        // WHEN
        RejectedData race = LoadRace.of(dataSource, failure, List.of(), nextXid, Set.of());

        // THEN quoted, as public."JobCounter" in the migration's other findings (not public.JobCounter)
        assertThat(race).isNotNull();
        assertThat(race.relation()).isEqualTo("public.\"JobCounter\"");
        assertThat(race.value()).isEqualTo("violet-18p");
    }

    /**
     * Inserts team 4 as the migration's statement does (unless a team 4 is there already), in a snapshot taken before
     * {@code concurrent} commits.
     *
     * @return the failure as the round trip records it
     */
    private static StepFailure collide(String concurrent) throws SQLException {
        return collide(concurrent, "INSERT INTO billing SELECT 4, 'free' WHERE 4 NOT IN (SELECT team_id FROM billing)");
    }

    private static StepFailure collide(String concurrent, String insert) throws SQLException {
        try (Connection migration = dataSource.getConnection(); Statement statement = migration.createStatement()) {
            migration.setAutoCommit(false);
            statement.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ");
            statement.execute("SELECT count(*) FROM billing");
            if (concurrent != null) {
                execute(concurrent);
            }
            SQLException e = catchThrowableOfType(SQLException.class, () -> statement.execute(insert));
            migration.rollback();
            assertThat(e.getSQLState()).isEqualTo("23505");
            String detail = e.getMessage().replace("\n  Detail: ", " — ");
            return new StepFailure(Phase.UP, "V2__seed_billing.sql", 2, e.getSQLState(), detail);
        }
    }

    private static long xmin(int team) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT xmin::text::bigint FROM billing WHERE team_id = " + team)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static void execute(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
