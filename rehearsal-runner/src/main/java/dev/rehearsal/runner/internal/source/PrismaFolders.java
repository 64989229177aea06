package dev.rehearsal.runner.internal.source;

import dev.rehearsal.runner.core.ErrorCode;
import dev.rehearsal.runner.core.RehearsalException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Prisma Migrate folders of a location, found by their paths alone: {@code <name>/migration.sql} directly below the
 * location, or below its {@code migrations} directory when the location is the {@code prisma} directory itself, and
 * the {@code migration_lock.toml} beside them.
 *
 * @param folders the migration folders, in the order Prisma applies them (by folder name)
 * @param lock    {@code migration_lock.toml}, {@code null} when there is none
 */
record PrismaFolders(List<Folder> folders, FoundFile lock) {

    static final String PATTERNS = "migrations/<timestamp>_<name>/migration.sql (Prisma Migrate folders, with an"
            + " optional down.sql beside migration.sql, e.g. 20240101120000_add_status/migration.sql)";

    static final String LOCK_FILE = "migration_lock.toml";
    static final String SCRIPT = "migration.sql";
    static final String DOWN = "down.sql";

    /**
     * One migration folder.
     *
     * @param name      the folder name, which is the migration's name in {@code _prisma_migrations}
     * @param migration its {@code migration.sql}
     * @param down      its {@code down.sql}, {@code null} when there is none
     */
    record Folder(String name, FoundFile migration, FoundFile down) {
    }

    private static final Pattern IN_FOLDER = Pattern.compile("(migrations/)?([^/]+)/(migration\\.sql|down\\.sql)");

    static PrismaFolders find(List<FoundFile> files) {
        boolean nested = files.stream().anyMatch(f -> f.relativePath().startsWith("migrations/")
                && (f.fileName().equals(SCRIPT) || f.fileName().equals(LOCK_FILE)));
        String base = nested ? "migrations/" : "";
        Map<String, FoundFile[]> byFolder = new TreeMap<>();
        FoundFile lock = null;
        for (FoundFile file : files) {
            if (file.relativePath().equals(base + LOCK_FILE)) {
                lock = file;
                continue;
            }
            Matcher matcher = IN_FOLDER.matcher(file.relativePath());
            if (!matcher.matches() || (matcher.group(1) != null) != nested) {
                continue;
            }
            FoundFile[] pair = byFolder.computeIfAbsent(matcher.group(2), name -> new FoundFile[2]);
            pair[matcher.group(3).equals(SCRIPT) ? 0 : 1] = file;
        }
        List<Folder> folders = new ArrayList<>();
        byFolder.forEach((name, pair) -> folders.add(new Folder(name, pair[0], pair[1])));
        return new PrismaFolders(folders, lock);
    }

    /** Whether the location looks like a Prisma migrations directory: a migration.sql in a folder, or the lock file. */
    boolean present() {
        return lock != null || folders.stream().anyMatch(f -> f.migration() != null);
    }

    /** Every file of the layout, to leave them out of the files reported as ignored. */
    boolean owns(FoundFile file) {
        return file == lock || folders.stream().anyMatch(f -> f.migration() == file || f.down() == file);
    }

    FoundFile example() {
        return folders.stream().filter(f -> f.migration() != null).map(Folder::migration).findFirst().orElse(lock);
    }

    /** Prisma refuses a migrations directory with a folder that lacks its migration.sql (P3015). */
    void requireScripts() {
        for (Folder folder : folders) {
            if (folder.migration() == null) {
                String path = folder.down().displayPath();
                throw new RehearsalException(ErrorCode.INVALID_SCRIPT, path + " has no migration.sql beside it:"
                        + " Prisma refuses a migration folder without one (P3015), so migrate deploy stops there. Add "
                        + path.substring(0, path.length() - DOWN.length()) + SCRIPT + ", or delete the folder "
                        + folder.name() + ".");
            }
        }
    }
}
