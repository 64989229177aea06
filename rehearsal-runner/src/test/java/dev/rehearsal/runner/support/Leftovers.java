package dev.rehearsal.runner.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What a rehearsal may leave behind: PostgreSQL processes and {@code rehearsal-runs/run-*} directories. Other
 * processes on the machine rehearse at the same time, so only what belongs to one owner process counts: run
 * directories whose lock file names its pid, and postgres processes that appeared meanwhile whose run directory is
 * that owner's or is already gone (a server nobody can sweep any more).
 */
public final class Leftovers {

    /**
     * The run directory in a server's command line: the postmaster's own ({@code -D /tmp/…/data}), or the shell pg_ctl
     * starts it through for a moment ({@code -D "/tmp/…/data"}).
     */
    private static final Pattern DATA_DIRECTORY = Pattern.compile("-D \"?([^\\s\"]*rehearsal-runs/run-[0-9a-f-]+)/data");

    private final Path runs;
    private final Set<Long> postgresBefore;
    /** Run directories already there, such as the one of the server the test JVM's classes share. */
    private final Set<Path> runsBefore;

    private Leftovers(Path runs) {
        this.runs = runs;
        this.postgresBefore = rehearsalPostgres().map(ProcessHandle::pid).collect(Collectors.toSet());
        this.runsBefore = Set.copyOf(allRunDirectories());
    }

    /** Remembers the servers and run directories there now; call before the run under test. */
    public static Leftovers before() {
        return before(defaultRunsDirectory());
    }

    public static Leftovers before(Path runsDirectory) {
        return new Leftovers(runsDirectory);
    }

    public static Path defaultRunsDirectory() {
        return Path.of(System.getProperty("java.io.tmpdir"), "rehearsal-runs");
    }

    /** Asserts that the run of {@code owner} (this JVM or a spawned one) left no server and no run directory. */
    public void assertNoneLeftBy(long owner) {
        assertThat(runDirectoriesOf(owner).stream().filter(run -> !runsBefore.contains(run)))
                .as("run directories of process %d", owner).isEmpty();
        List<String> servers = rehearsalPostgres().filter(p -> !postgresBefore.contains(p.pid()))
                .filter(p -> dataDirectory(p).map(data -> leftBy(owner, data)).orElse(false))
                .map(p -> p.pid() + " " + p.info().commandLine().orElse("?")).toList();
        assertThat(servers).as("PostgreSQL processes left by process %d", owner).isEmpty();
    }

    /**
     * Whether the server of this run directory belongs to {@code owner}: the directory's name names the owner (also
     * once deleted); a directory of another form counts as the owner's when it is gone, a server that outlived its
     * files.
     */
    private static boolean leftBy(long owner, Path runDirectory) {
        long named = ownerOf(runDirectory);
        return named >= 0 ? named == owner : !Files.exists(runDirectory);
    }

    public void assertNoneLeftByThisJvm() {
        assertNoneLeftBy(ProcessHandle.current().pid());
    }

    /** The run directories whose lock file names {@code owner}. */
    public List<Path> runDirectoriesOf(long owner) {
        return allRunDirectories().stream().filter(p -> ownerOf(p) == owner).toList();
    }

    private List<Path> allRunDirectories() {
        if (!Files.isDirectory(runs)) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(runs)) {
            return list.filter(p -> p.getFileName().toString().startsWith("run-")).toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Live (not zombie) postgres processes started on a data directory under a rehearsal-runs directory. */
    public static Stream<ProcessHandle> rehearsalPostgres() {
        return ProcessHandle.allProcesses().filter(p -> p.info().commandLine()
                .map(c -> c.contains("postgres") && DATA_DIRECTORY.matcher(c).find()).orElse(false));
    }

    /** Postgres processes (postmasters) whose command line names {@code path}. */
    public static List<ProcessHandle> postgresUsing(Path path) {
        String text = path.toString();
        return ProcessHandle.allProcesses().filter(p -> p.info().commandLine()
                .map(c -> c.contains("postgres") && c.contains(text)).orElse(false)).toList();
    }

    private static final java.util.regex.Pattern OWNER_IN_NAME = java.util.regex.Pattern.compile("run-(\\d+)-.*");

    /** The run directory of a server's process, from its command line. */
    static Optional<Path> dataDirectory(ProcessHandle process) {
        return process.info().commandLine().map(DATA_DIRECTORY::matcher).filter(Matcher::find)
                .map(m -> Path.of(m.group(1)));
    }

    /**
     * The owner's pid, from the directory's name ({@code run-<pid>-<uuid>}). Never read from its lock file: closing
     * any descriptor of that file releases the lock of a run this JVM owns.
     */
    static long ownerOf(Path run) {
        Matcher named = OWNER_IN_NAME.matcher(run.getFileName().toString());
        if (named.matches()) {
            return Long.parseLong(named.group(1));
        }
        try {
            String text = Files.readString(run.resolve("owner.lock"), StandardCharsets.US_ASCII).trim();
            return text.isEmpty() ? -1 : Long.parseLong(text);
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
    }
}
