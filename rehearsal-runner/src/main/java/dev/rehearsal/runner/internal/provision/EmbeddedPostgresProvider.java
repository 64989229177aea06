package dev.rehearsal.runner.internal.provision;

import dev.rehearsal.runner.internal.util.FileTrees;
import dev.rehearsal.runner.core.ErrorCode;
import dev.rehearsal.runner.core.RehearsalException;
import dev.rehearsal.runner.internal.util.ShutdownSequence;
import dev.rehearsal.runner.provision.PostgresProvider;
import dev.rehearsal.runner.provision.PostgresServer;
import io.zonky.test.db.postgres.util.LinuxUtils;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PostgreSQL from zonky's binaries, started from a cached initialised data directory: no Docker, no install.
 * A server that does not start from the cache gets one more try from a rebuilt cache, unless the disk is full
 * (rebuilding would not help) or the JVM is exiting (nothing new may start then).
 */
public final class EmbeddedPostgresProvider implements PostgresProvider {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgresProvider.class);

    private final int major;
    private final RehearsalHome home;
    private final DataDirectoryCache cache;
    private final HistoryCache histories;
    private final IntSupplier ports;

    public EmbeddedPostgresProvider(int major, RehearsalHome home) {
        this(major, home, ZonkyLauncher.ANY_PORT);
    }

    /** @param ports the port of each start attempt, 0 to let zonky choose a free one */
    EmbeddedPostgresProvider(int major, RehearsalHome home, IntSupplier ports) {
        this.major = major;
        this.home = home;
        this.cache = new DataDirectoryCache(home.cacheDirectory());
        this.histories = new HistoryCache(home.cacheDirectory());
        this.ports = ports;
    }

    @Override
    public String name() {
        return "embedded";
    }

    /**
     * A plain zonky builder with the same binaries, for the start-up benchmark's baseline: zonky's own resolver looks
     * for binaries on the class path, which the command-line jar does not carry (Rehearsal fetches them itself).
     */
    public io.zonky.test.db.postgres.embedded.EmbeddedPostgres.Builder plainZonkyBuilder() {
        return io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder().setPgBinaryResolver(new PostgresBinaries(
                major, Platform.current(), BinariesDownload.into(home.cacheDirectory().resolve("binaries"))));
    }

    @Override
    public PostgresServer start() {
        return start(null);
    }

    /**
     * Starts a server that holds the history of {@code historyKey} as a template database when a previous run cached
     * it (see {@link HistoryTemplates}); otherwise, or with a null key, a plain server.
     */
    public PostgresServer start(String historyKey) {
        RootCheck.ensurePostgresCanRun(RootCheck.currentUserIsRoot(), LinuxUtils.isUnshareAvailable());
        RunDirectory.sweepAbandoned(home.runsDirectory());
        PostgresBinaries binaries = new PostgresBinaries(major, Platform.current(),
                BinariesDownload.into(home.cacheDirectory().resolve("binaries")));
        java.util.Optional<Path> history = historyKey == null ? java.util.Optional.empty()
                : histories.find(binaries, historyKey);
        if (history.isPresent()) {
            try {
                return startFrom(history.get(), binaries);
            } catch (RehearsalException e) {
                if (e.code() != ErrorCode.POSTGRES_START_FAILED || ShutdownSequence.started()) {
                    throw e;
                }
                LOG.warn("PostgreSQL did not start from the cached history {} ({}); applying the history again.",
                        history.get(), reason(e));
                histories.discard(history.get());
            }
        }
        Path cached = cachedDirectory(binaries);
        try {
            return startFrom(cached, binaries);
        } catch (RehearsalException first) {
            if (first.code() != ErrorCode.POSTGRES_START_FAILED || ShutdownSequence.started()) {
                throw first;
            }
            LOG.warn("PostgreSQL did not start from the cached data directory {} ({}); rebuilding it once.", cached,
                    reason(first));
            cache.invalidate(binaries, DataDirectoryCache.generationOf(cached));
            return startFrom(cachedDirectory(binaries), binaries);
        }
    }

    private Path cachedDirectory(PostgresBinaries binaries) {
        try {
            return cache.ready(binaries);
        } catch (UncheckedIOException e) {
            if (DiskSpace.isFull(e.getCause().getMessage(), home.cacheDirectory())) {
                throw diskProblem(e.getCause());
            }
            throw new RehearsalException(ErrorCode.POSTGRES_START_FAILED, "Could not prepare the cached PostgreSQL "
                    + "data directory in " + home.cacheDirectory() + " (" + e.getCause() + "). Point "
                    + "REHEARSAL_CACHE_DIR at a directory Rehearsal may write to (default: ~/.cache/rehearsal).", e);
        }
    }

    private PostgresServer startFrom(Path cached, PostgresBinaries binaries) {
        if (ShutdownSequence.started()) {
            throw new RehearsalException(ErrorCode.INTERRUPTED, "Not starting PostgreSQL: the JVM is exiting.");
        }
        RunDirectory run = createRunDirectory();
        // Until the server is handed over, a signal must still stop it and remove its files.
        try (UnfinishedStart unfinished = new UnfinishedStart(run.path(), run.dataDirectory(), run::close)) {
            try {
                FileTrees.copy(cached, run.dataDirectory(), neverWritten(cached));
                return new EmbeddedServer(launch(binaries, run), run, histories, binaries);
            } catch (IOException e) {
                run.close();
                throw diskProblem(e);
            } catch (UncheckedIOException e) {
                run.close();
                throw diskProblem(e.getCause());
            } catch (RuntimeException e) {
                PostmasterProcess.stopIfRunning(run.dataDirectory());
                run.close();
                throw e;
            }
        }
    }

    /**
     * What no server ever writes to, linked instead of copied: from PostgreSQL 15 on, {@code template1} and
     * {@code template0} at their fixed OIDs 1 and 4 ({@code base/1}, {@code base/4}: 60 % of a fresh data
     * directory). initdb froze their rows, and nobody connects to them — every database is cloned from them, and a
     * clone only reads them, whichever strategy copies it (EmbeddedPostgresProviderTest) — so no page of them is
     * ever dirtied. The same holds for the histories a stored directory keeps, frozen when kept and closed to
     * connections ({@link EmbeddedServer#keepHistory}).
     */
    private java.util.List<Path> neverWritten(Path cached) {
        java.util.List<Path> linked = new java.util.ArrayList<>(HistoryCache.neverWritten(cached));
        if (major >= 15) {
            linked.add(Path.of("base", "1"));
            linked.add(Path.of("base", "4"));
        }
        return linked;
    }

    /**
     * The postmaster itself where zonky has extracted the binaries and the machine allows it (a start ~130 ms shorter,
     * see {@link DirectStart}); zonky's start otherwise, which extracts them for the next start.
     */
    private Postmaster launch(PostgresBinaries binaries, RunDirectory run) {
        java.util.Optional<Path> installation = DirectStart.available() ? binaries.installation()
                : java.util.Optional.empty();
        return installation.isPresent()
                ? DirectStart.start(binaries, installation.get(), run.dataDirectory(), run.logFile(), ports)
                : Postmaster.of(ZonkyLauncher.start(binaries, run.dataDirectory(), run.logFile(), ports));
    }

    private RunDirectory createRunDirectory() {
        try {
            return RunDirectory.create(home.runsDirectory());
        } catch (IOException e) {
            throw diskProblem(e);
        }
    }

    private RehearsalException diskProblem(IOException e) {
        boolean full = DiskSpace.isFull(e.getMessage(), home.runsDirectory());
        return new RehearsalException(full ? ErrorCode.DISK_FULL : ErrorCode.POSTGRES_START_FAILED,
                (full ? "The disk is full" : "Could not prepare PostgreSQL's files") + " (" + e.getMessage() + "; "
                        + DiskSpace.describeFree(home.runsDirectory()) + " under " + home.runsDirectory()
                        + "). Rehearsal needs about 50 MB there per server. " + DiskSpace.REMEDY, e);
    }

    /** The log line that says why: a PANIC, FATAL or pg_ctl error if there is one, else the last line. */
    private static String reason(RehearsalException e) {
        java.util.List<String> log = e.getMessage().lines().filter(l -> l.startsWith("  | "))
                .map(l -> l.substring(4).trim()).toList();
        String last = log.isEmpty() ? e.getMessage().lines().findFirst().orElse("") : log.get(log.size() - 1);
        return log.stream().filter(l -> l.contains("PANIC:") || l.contains("FATAL:") || l.startsWith("pg_ctl: error"))
                .findFirst().orElse(last);
    }
}
