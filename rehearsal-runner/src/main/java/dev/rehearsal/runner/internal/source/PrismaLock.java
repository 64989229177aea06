package dev.rehearsal.runner.internal.source;

import dev.rehearsal.runner.core.ErrorCode;
import dev.rehearsal.runner.core.RehearsalException;

/**
 * Prisma's {@code migration_lock.toml}: the provider the migrations were written for. Prisma reads the first line that
 * starts with {@code provider} and refuses to apply the migrations to another provider (P3019); it accepts a
 * migrations directory without the file.
 */
final class PrismaLock {

    static final String POSTGRESQL = "postgresql";

    private PrismaLock() {
    }

    /**
     * @return a note when there is no lock file, {@code null} when the lock file names PostgreSQL
     * @throws RehearsalException when the lock file names another provider, or none
     */
    static String check(FoundFile lock, String location) {
        if (lock == null) {
            return "no " + PrismaFolders.LOCK_FILE + " in " + location + ": Prisma applies the migrations without it,"
                    + " and Rehearsal takes them for PostgreSQL migrations; prisma migrate dev writes the file with"
                    + " provider = \"postgresql\"";
        }
        String content = ScriptDecoder.decode(lock.read(), lock.displayPath());
        String provider = content.lines().filter(line -> line.startsWith("provider")).findFirst()
                .map(line -> unquote(line.substring("provider".length()).strip().replaceFirst("^=", "").strip()))
                .orElse(null);
        if (provider == null) {
            throw new RehearsalException(ErrorCode.INVALID_SCRIPT, lock.displayPath() + " names no provider (no line"
                    + " starting with provider), so Prisma refuses to apply the migrations beside it (P3019). Write"
                    + " provider = \"postgresql\" in it, as prisma migrate dev does.");
        }
        if (!provider.equals(POSTGRESQL)) {
            throw new RehearsalException(ErrorCode.INVALID_SCRIPT, lock.displayPath() + " says provider = \"" + provider
                    + "\": these Prisma migrations were written for " + provider + ", not PostgreSQL, and Prisma"
                    + " refuses to apply them to another provider (P3019). Rehearsal rehearses PostgreSQL migrations"
                    + " only: point it at a migrations directory whose lock file says provider = \"postgresql\".");
        }
        return null;
    }

    private static String unquote(String value) {
        String stripped = value;
        if (stripped.startsWith("\"")) {
            stripped = stripped.substring(1);
        }
        if (stripped.endsWith("\"")) {
            stripped = stripped.substring(0, stripped.length() - 1);
        }
        return stripped;
    }
}
