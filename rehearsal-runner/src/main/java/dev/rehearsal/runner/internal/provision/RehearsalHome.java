package dev.rehearsal.runner.internal.provision;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where Rehearsal keeps files between runs (cached PostgreSQL binaries and initialised data directories) and
 * files of one run (a server's data directory, its log).
 *
 * @param cacheDirectory survives between runs; {@code REHEARSAL_CACHE_DIR} or the platform's user cache directory
 * @param runsDirectory  one sub-directory per running server, removed when it stops
 */
public record RehearsalHome(Path cacheDirectory, Path runsDirectory) {

    /** The locations for this user, honouring {@code REHEARSAL_CACHE_DIR} and {@code XDG_CACHE_HOME}. */
    public static RehearsalHome forCurrentUser() {
        return resolve(System.getenv(), System.getProperty("user.home"), System.getProperty("os.name"),
                System.getProperty("java.io.tmpdir"));
    }

    static RehearsalHome resolve(Map<String, String> env, String userHome, String osName, String tmpDir) {
        Path runs = Path.of(tmpDir, "rehearsal-runs");
        String explicit = env.get("REHEARSAL_CACHE_DIR");
        if (explicit != null && !explicit.isBlank()) {
            return new RehearsalHome(Path.of(explicit), runs);
        }
        String os = osName.toLowerCase(Locale.ROOT);
        Path cache;
        if (os.contains("mac")) {
            cache = Path.of(userHome, "Library", "Caches", "rehearsal");
        } else if (os.contains("win")) {
            String local = env.getOrDefault("LOCALAPPDATA", Path.of(userHome, "AppData", "Local").toString());
            cache = Path.of(local, "rehearsal", "cache");
        } else {
            String xdg = env.get("XDG_CACHE_HOME");
            cache = xdg != null && !xdg.isBlank() ? Path.of(xdg, "rehearsal") : Path.of(userHome, ".cache", "rehearsal");
        }
        return new RehearsalHome(cache, runs);
    }
}
