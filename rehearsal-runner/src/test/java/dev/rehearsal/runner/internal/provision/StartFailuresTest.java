package dev.rehearsal.runner.internal.provision;

import dev.rehearsal.runner.internal.util.FileTrees;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rehearsal.runner.core.BuildInfo;
import dev.rehearsal.runner.core.ErrorCode;
import dev.rehearsal.runner.core.RehearsalException;
import dev.rehearsal.runner.PostgresProviders;
import dev.rehearsal.runner.provision.PostgresServer;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Starting the embedded server when things are in the way: a taken port, a broken data directory, a log of old. */
@Tag("slow") // broken and contested servers
class StartFailuresTest {

    @TempDir
    Path dir;

    private final RehearsalHome home = RehearsalHome.forCurrentUser();

    private PostgresBinaries binaries() {
        return new PostgresBinaries(BuildInfo.defaultPostgresMajor(), Platform.current(),
                BinariesDownload.into(home.cacheDirectory().resolve("binaries")));
    }

    /** A private copy of the cached data directory, to break at will. */
    private Path dataDirectoryCopy() throws IOException {
        Path cached = new DataDirectoryCache(home.cacheDirectory()).ready(binaries());
        Path copy = dir.resolve("data");
        FileTrees.copy(cached, copy);
        return copy;
    }

    @Test
    void should_start_on_another_port_when_the_chosen_one_is_taken_meanwhile() throws Exception {
        // GIVEN a port that someone else listens on, chosen for the first attempt
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
            List<Integer> attempts = new ArrayList<>();
            EmbeddedPostgresProvider provider = new EmbeddedPostgresProvider(BuildInfo.defaultPostgresMajor(), home,
                    () -> {
                        attempts.add(attempts.isEmpty() ? taken.getLocalPort() : 0);
                        return attempts.get(attempts.size() - 1);
                    });

            // WHEN the server starts
            try (EmbeddedServer server = (EmbeddedServer) provider.start();
                 Connection connection = server.createDatabase("port").connect()) {
                // THEN it started on a later attempt, on another port, and it is ours (a third attempt happens when
                // another process on this busy machine takes the second port too: the race being tested)
                assertThat(attempts).hasSizeGreaterThanOrEqualTo(2).first().isEqualTo(taken.getLocalPort());
                assertThat(server.port()).isNotEqualTo(taken.getLocalPort());
                assertThat(connection.isValid(2)).isTrue();
            }
        }
    }

    /** The two ways an embedded server starts: zonky's pg_ctl (the first start, or no setsid), the postmaster itself. */
    enum Launcher { ZONKY, DIRECT }

    private void start(Launcher launcher, Path data) {
        Path log = dir.resolve("postgres.log");
        if (launcher == Launcher.ZONKY) {
            ZonkyLauncher.start(binaries(), data, log);
        } else {
            DirectStart.start(binaries(), installation(), data, log, ZonkyLauncher.ANY_PORT);
        }
    }

    private static void assumeAvailable(Launcher launcher) {
        org.junit.jupiter.api.Assumptions.assumeTrue(launcher == Launcher.ZONKY || DirectStart.available(),
                "no setsid command on this machine");
    }

    @ParameterizedTest
    @EnumSource(Launcher.class)
    @Timeout(value = 30, unit = TimeUnit.SECONDS) // zonky alone would wait 60 s for a server pg_ctl gave up on
    void should_fail_fast_with_the_servers_own_words_when_it_cannot_start(Launcher launcher) throws IOException {
        assumeAvailable(launcher);
        // GIVEN a data directory whose configuration PostgreSQL rejects
        Path data = dataDirectoryCopy();
        Files.writeString(data.resolve("postgresql.conf"), "shared_buffers = 'lots'\n",
                java.nio.file.StandardOpenOption.APPEND);

        // WHEN started, THEN the message quotes the server's log and says what to do, and nothing is left running
        assertThatThrownBy(() -> start(launcher, data))
                .isInstanceOfSatisfying(RehearsalException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.POSTGRES_START_FAILED);
                    assertThat(e.getMessage()).contains("did not start in " + data)
                            .contains("invalid value for parameter \"shared_buffers\": \"lots\"")
                            .contains("Fix the cause above");
                });
        assertThat(PostmasterProcess.of(data)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Launcher.class)
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void should_fail_fast_when_the_control_file_cannot_be_read(Launcher launcher) throws IOException {
        assumeAvailable(launcher);
        // GIVEN a data directory with an empty pg_control, which pg_ctl reads itself ("pg_ctl: error: …") and the
        // postmaster reads first thing (a PANIC)
        Path data = dataDirectoryCopy();
        Files.write(data.resolve("global/pg_control"), new byte[0]);

        assertThatThrownBy(() -> start(launcher, data))
                .isInstanceOfSatisfying(RehearsalException.class, e -> assertThat(e.getMessage())
                        .contains("could not read file").contains("pg_control"));
        assertThat(PostmasterProcess.of(data)).isEmpty();
    }

    @Test
    void should_not_take_the_failure_logged_by_an_earlier_attempt_for_this_ones() throws IOException {
        // GIVEN a log that already holds pg_ctl's words from an earlier failed start
        Path data = dataDirectoryCopy();
        Path log = dir.resolve("postgres.log");
        Files.writeString(log, "pg_ctl: could not start server\nExamine the log output.\n");

        // WHEN the server starts with the same log file, THEN it starts
        EmbeddedPostgres postgres = ZonkyLauncher.start(binaries(), data, log);
        try {
            assertThat(PostmasterProcess.of(data)).isPresent();
        } finally {
            postgres.close();
            PostmasterProcess.stopIfRunning(data);
        }
    }

    @Test
    void should_never_kill_a_process_a_stale_pid_file_names_unless_it_serves_that_directory() throws Exception {
        // GIVEN a running server, and a stale data directory whose postmaster.pid names that server's pid
        try (EmbeddedServer server = (EmbeddedServer) PostgresProviders.embedded().start()) {
            long pid = PostmasterProcess.of(server.dataDirectory()).orElseThrow().pid();
            Path stale = Files.createDirectories(dir.resolve("stale"));
            Files.writeString(stale.resolve("postmaster.pid"), pid + "\n" + stale + "\n");

            // WHEN the stale directory is cleaned up
            PostmasterProcess.stopIfRunning(stale);

            // THEN the other server is untouched
            assertThat(PostmasterProcess.of(stale)).isEmpty();
            assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive)).contains(true);
            try (Connection connection = server.createDatabase("alive").connect()) {
                assertThat(connection.isValid(2)).isTrue();
            }
        }
    }

    /** The installation zonky extracted, which the embedded provider's own starts use. */
    private Path installation() {
        new DataDirectoryCache(home.cacheDirectory()).ready(binaries()); // building the cache extracts the binaries
        return binaries().installation().orElseThrow(() -> new AssertionError("zonky's extraction was not found"));
    }

    @Test
    void should_start_the_embedded_server_in_a_session_of_its_own_so_that_a_ctrl_c_reaches_the_jvm_first()
            throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(DirectStart.available(), "no setsid command on this machine");
        // GIVEN zonky's extraction of the binaries, THEN the provider starts the postmaster itself
        assertThat(binaries().installation()).isPresent();
        try (EmbeddedServer server = (EmbeddedServer) PostgresProviders.embedded().start()) {
            long postmaster = PostmasterProcess.of(server.dataDirectory()).orElseThrow().pid();
            // THEN it is not in the JVM's session: a terminal's SIGINT goes to the JVM's process group only, and the
            // exit sequence stops the server after the partial report
            assertThat(sessionOf(postmaster)).isNotEqualTo(sessionOf(ProcessHandle.current().pid()));
            assertThat(sessionOf(postmaster)).isEqualTo(postmaster);
            try (Connection connection = server.createDatabase("direct").connect()) {
                assertThat(connection.isValid(2)).isTrue();
            }
        }
    }

    @Test
    void should_start_the_embedded_server_with_mallocs_heap_on_huge_pages() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(DirectStart.available(), "no setsid command on this machine");
        try (EmbeddedServer server = (EmbeddedServer) PostgresProviders.embedded().start()) {
            long postmaster = PostmasterProcess.of(server.dataDirectory()).orElseThrow().pid();
            // THEN its environment holds the tunable (backends inherit the postmaster's environment)
            String environment = Files.readString(Path.of("/proc", Long.toString(postmaster), "environ"));
            assertThat(java.util.Arrays.asList(environment.split("\0")))
                    .contains("GLIBC_TUNABLES=" + ServerSettings.glibcTunables(System.getenv("GLIBC_TUNABLES")));
        }
    }

    /** Field 6 of /proc/PID/stat: the session id. */
    private static long sessionOf(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[3]);
    }

    @Test
    void should_refuse_a_server_that_answers_on_the_port_but_serves_another_data_directory() throws Exception {
        try (EmbeddedServer server = (EmbeddedServer) PostgresProviders.embedded().start()) {
            javax.sql.DataSource admin = PgDataSources.of(EmbeddedServer.HOST, server.port(), "postgres", "postgres", null);
            assertThatThrownBy(() -> EmbeddedServer.readInfo(admin, dir.resolve("ours")))
                    .isInstanceOfSatisfying(RehearsalException.class, e -> assertThat(e.getMessage())
                            .contains("serves " + server.dataDirectory()).contains("another server took the port")
                            .contains("did not touch it"));
            assertThat(EmbeddedServer.readInfo(admin, server.dataDirectory()).major())
                    .isEqualTo(BuildInfo.defaultPostgresMajor());
        }
    }

    @Test
    void should_say_the_disk_is_full_when_there_is_no_room_for_the_data_directory() {
        String text = "java.io.IOException: No space left on device";
        assertThat(DiskSpace.isFull(text, dir)).isTrue();
        assertThat(DiskSpace.isFull("could not bind IPv4 address", dir)).isFalse();
    }
}
