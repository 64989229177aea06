package dev.rehearsal.runner.internal.provision;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.runner.PostgresProviders;
import dev.rehearsal.runner.provision.PostgresServer;
import dev.rehearsal.runner.provision.ScratchDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Started and stopped many times, the embedded server leaves no process and no file behind. */
@Tag("slow") // starts and kills servers repeatedly
class ServerLifecycleTest {

    private static final int STARTS = 8;

    @Test
    void should_leave_no_postgres_process_and_no_directory_after_repeated_starts() throws SQLException {
        List<Path> dataDirectories = new ArrayList<>();
        for (int i = 0; i < STARTS; i++) {
            try (PostgresServer server = PostgresProviders.embedded().start();
                 ScratchDatabase database = server.createDatabase("lifecycle");
                 Connection connection = database.connect()) {
                dataDirectories.add(((EmbeddedServer) server).dataDirectory());
                assertThat(connection.isValid(2)).isTrue();
            }
            Path last = dataDirectories.get(dataDirectories.size() - 1);
            assertThat(postgresProcessesUsing(last)).as("postgres processes of run %d", i).isEmpty();
        }
        assertThat(dataDirectories).hasSize(STARTS).doesNotHaveDuplicates()
                .allSatisfy(dir -> assertThat(Files.exists(dir.getParent())).as("run directory %s", dir).isFalse());
    }

    @Test
    void should_stop_a_server_whose_owner_died_when_the_next_run_starts() throws Exception {
        // GIVEN a run directory whose owner never cleaned up: its lock is free and its server still runs
        Path abandoned;
        EmbeddedServer server = (EmbeddedServer) PostgresProviders.embedded().start();
        abandoned = server.dataDirectory();
        long pid = PostmasterProcess.of(abandoned).orElseThrow().pid();
        releaseOwnershipWithoutStopping(server);

        // WHEN another server starts
        try (PostgresServer next = PostgresProviders.embedded().start()) {
            // THEN the abandoned server is gone, and so are its files
            assertThat(ProcessHandle.of(pid).filter(PostmasterProcess::isRunning)).as("running, not a zombie").isEmpty();
            assertThat(Files.exists(abandoned.getParent())).isFalse();
        } finally {
            PostmasterProcess.stopIfRunning(abandoned);
        }
    }

    /** Simulates a process killed with SIGKILL: the lock is released, nothing was stopped or deleted. */
    private static void releaseOwnershipWithoutStopping(EmbeddedServer server) throws Exception {
        java.lang.reflect.Field run = EmbeddedServer.class.getDeclaredField("run");
        run.setAccessible(true);
        ((RunDirectory) run.get(server)).releaseLockOnly();
        java.lang.reflect.Field onExit = EmbeddedServer.class.getDeclaredField("onExit");
        onExit.setAccessible(true);
        ((dev.rehearsal.runner.internal.util.ShutdownSequence.Registration) onExit.get(server)).close();
    }

    static List<ProcessHandle> postgresProcessesUsing(Path dataDirectory) {
        String path = dataDirectory.toString();
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains(path)).orElse(false))
                .toList();
    }
}
