package dev.rehearsal.runner.internal.provision;

import dev.rehearsal.runner.ErrorCode;
import dev.rehearsal.runner.RehearsalException;
import dev.rehearsal.runner.provision.PostgresProvider;
import dev.rehearsal.runner.provision.PostgresServer;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.util.LinuxUtils;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PostgreSQL from zonky's binaries, started from a cached initialised data directory: no Docker, no install.
 */
public final class EmbeddedPostgresProvider implements PostgresProvider {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgresProvider.class);

    private final int major;
    private final RehearsalHome home;
    private final DataDirectoryCache cache;

    public EmbeddedPostgresProvider(int major, RehearsalHome home) {
        this.major = major;
        this.home = home;
        this.cache = new DataDirectoryCache(home.cacheDirectory());
    }

    @Override
    public String name() {
        return "embedded";
    }

    @Override
    public PostgresServer start() {
        RootCheck.ensurePostgresCanRun(RootCheck.currentUserIsRoot(), LinuxUtils.isUnshareAvailable());
        RunDirectory.sweepAbandoned(home.runsDirectory());
        PostgresBinaries binaries = new PostgresBinaries(major, Platform.current(),
                BinariesDownload.into(home.cacheDirectory().resolve("binaries")));
        try {
            return startFromCache(binaries);
        } catch (RehearsalException first) {
            if (first.code() != ErrorCode.POSTGRES_START_FAILED) {
                throw first;
            }
            LOG.warn("PostgreSQL did not start from the cached data directory; rebuilding the cache once. ({})",
                    first.getMessage().lines().findFirst().orElse(""));
            cache.invalidate(binaries);
            return startFromCache(binaries);
        }
    }

    private PostgresServer startFromCache(PostgresBinaries binaries) {
        RunDirectory run = createRunDirectory();
        try {
            FileTrees.copy(cache.ready(binaries), run.dataDirectory());
            EmbeddedPostgres postgres = ZonkyLauncher.start(binaries, run.dataDirectory(), run.logFile());
            return new EmbeddedServer(postgres, run);
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

    private RunDirectory createRunDirectory() {
        try {
            return RunDirectory.create(home.runsDirectory());
        } catch (IOException e) {
            throw diskProblem(e);
        }
    }

    private RehearsalException diskProblem(IOException e) {
        boolean full = String.valueOf(e.getMessage()).contains("No space left on device");
        return new RehearsalException(full ? ErrorCode.DISK_FULL : ErrorCode.POSTGRES_START_FAILED,
                (full ? "The disk is full" : "Could not prepare PostgreSQL's files") + " (" + e.getMessage()
                        + "). Rehearsal needs about 50 MB under " + home.runsDirectory().getParent()
                        + " per server; free some space or point java.io.tmpdir elsewhere.", e);
    }
}
