package dev.rehearsal.runner.internal.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.runner.MigrationSources;
import dev.rehearsal.runner.PostgresProviders;
import dev.rehearsal.runner.core.RehearsalException;
import dev.rehearsal.runner.internal.trace.Instrumentation;
import dev.rehearsal.runner.provision.PostgresServer;
import dev.rehearsal.runner.provision.ScratchDatabase;
import dev.rehearsal.runner.source.Migration;
import dev.rehearsal.runner.source.MigrationScript;
import dev.rehearsal.runner.source.MigrationSet;
import dev.rehearsal.runner.source.SourceOptions;
import dev.rehearsal.runner.source.SqlStatement;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every migration set the repository holds (the bundled samples in every layout, the pattern sets, the engine's
 * test chains), applied up, down and up again step by step: after every step the incremental snapshot (from the DDL
 * log where it can answer, else the fingerprint) equals a whole read.
 */
@Tag("slow") // every sample set step by step, with a whole catalog read after each step (about 20 s)
class IncrementalSnapshotOnSampleSetsTest {

    private static final List<Path> ROOTS = List.of(Path.of("../sample-migrations/src/main/resources/db"),
            Path.of("../sample-migrations/src/test/resources/db"), Path.of("src/test/resources/migrations"));

    private static PostgresServer server;
    private static final java.util.concurrent.atomic.AtomicInteger STEPS = new java.util.concurrent.atomic.AtomicInteger();
    // one database, emptied before each set, and its two sessions: the migration's and the catalog's
    private static ScratchDatabase database;
    private static Connection connection;
    private static CatalogSession session;

    @BeforeAll
    static void start() throws SQLException {
        server = PostgresProviders.embedded().start();
        database = server.createDatabase("incremental_sets");
        connection = database.connect();
        Instrumentation.install(connection);
        session = CatalogSession.open(database.dataSource());
    }

    @AfterAll
    static void stop() throws Exception {
        try (AutoCloseable closeServer = server::close; ScratchDatabase closeDatabase = database;
             Connection closeConnection = connection; CatalogSession closeSession = session) {
            assertThat(STEPS.get()).as("steps compared over all sets").isGreaterThan(300);
        }
    }

    /** Directories that hold SQL files directly. */
    static Stream<Path> sets() throws IOException {
        List<Path> sets = new ArrayList<>();
        for (Path root : ROOTS) {
            try (Stream<Path> files = Files.walk(root)) {
                files.filter(file -> file.toString().endsWith(".sql")).map(Path::getParent).distinct()
                        .forEach(sets::add);
            }
        }
        assertThat(sets).hasSizeGreaterThan(30);
        return sets.stream().sorted();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sets")
    void should_equal_a_whole_read_after_every_step(Path directory) throws SQLException {
        MigrationSet set;
        try {
            set = MigrationSources.at(directory.toString(), SourceOptions.defaults()).load();
        } catch (RehearsalException | UncheckedIOException e) {
            return; // a set that is bad input on purpose (a placeholder without a value, a malformed name, …)
        }
        // with the DDL log, as the engine runs on the embedded server; every step the log cannot answer (a dropped
        // index, a new type, a script outside a transaction) goes through the fingerprint, and IncrementalSnapshotTest
        // runs its change list through the fingerprint alone too
        CatalogFixtures.emptied(connection);
        session.take();
        int step = 0;
        for (Migration migration : set.migrations()) {
            for (MigrationScript script : steps(migration)) {
                boolean logged = apply(connection, script);
                step++;
                STEPS.incrementAndGet();
                assertThat(session.take(logged)).as("after step %d, %s", step, script.path())
                        .isEqualTo(session.takeWhole());
            }
        }
    }

    private static List<MigrationScript> steps(Migration migration) {
        return migration.down() == null ? List.of(migration.up()) : List.of(migration.up(), migration.down(), migration.up());
    }

    /**
     * Applies a script as Flyway would, in one transaction when it can; a failure leaves what it leaves. Returns
     * whether the engine would take the snapshot after it from the DDL log: a transactional script none of whose
     * statements changes the catalog past it.
     */
    private static boolean apply(Connection connection, MigrationScript script) throws SQLException {
        boolean transactional = script.transactional();
        boolean logged = transactional
                && script.statements().stream().noneMatch(s -> CatalogSession.bypassesDdlLog(s.sql()));
        connection.setAutoCommit(!transactional);
        try (Statement statement = connection.createStatement()) {
            for (SqlStatement sql : script.statements()) {
                if (!sql.copiesFromStdin()) {
                    statement.execute(sql.sql());
                }
            }
            if (transactional) {
                connection.commit();
            }
        } catch (SQLException e) {
            if (transactional) {
                connection.rollback();
            }
        } finally {
            connection.setAutoCommit(true);
        }
        return logged;
    }
}
