package dev.rehearsal.runner.internal.engine;

import dev.rehearsal.runner.config.Pending;
import dev.rehearsal.runner.core.ErrorCode;
import dev.rehearsal.runner.core.RehearsalException;
import dev.rehearsal.runner.internal.util.Versions;
import dev.rehearsal.runner.source.Migration;
import dev.rehearsal.runner.source.MigrationScript;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * Where a chain splits into the history, applied without rehearsal, and the pending migrations, rehearsed. A chain
 * is applied in order, so once one migration is pending every later one is too.
 *
 * @param history the migrations before the first pending one
 * @param pending the migrations rehearsed
 */
record PendingSplit(List<Migration> history, List<Migration> pending) {

    static PendingSplit of(List<Migration> chain, Pending setting, List<String> locations, Path workingDirectory) {
        int first;
        if (setting.after() != null) {
            first = indexOf(chain, setting.after()) + 1;
        } else if (setting.changedSince() != null) {
            Set<String> changed = GitChanges.fileNamesSince(setting.changedSince(), gitDirectory(locations,
                    workingDirectory));
            first = chain.size();
            for (int i = 0; i < chain.size(); i++) {
                if (changed(chain.get(i).up(), changed) || changed(chain.get(i).down(), changed)) {
                    first = i;
                    break;
                }
            }
        } else {
            first = 0;
        }
        return at(chain, first);
    }

    /** The chain split before its migration at {@code first}. */
    static PendingSplit at(List<Migration> chain, int first) {
        return new PendingSplit(List.copyOf(chain.subList(0, first)), List.copyOf(chain.subList(first, chain.size())));
    }

    private static boolean changed(MigrationScript script, Set<String> names) {
        return script != null && names.contains(script.fileName());
    }

    static int indexOf(List<Migration> chain, String version) {
        for (int i = 0; i < chain.size(); i++) {
            if (Versions.same(chain.get(i).version(), version)) {
                return i;
            }
        }
        List<String> versions = chain.stream().map(Migration::version).filter(v -> v != null).toList();
        throw new RehearsalException(ErrorCode.UNKNOWN_VERSION, "pendingAfter names version " + version + ", which "
                + "the chain does not hold" + (versions.isEmpty() ? "" : " (its versions run from "
                + versions.get(0) + " to " + versions.get(versions.size() - 1) + ")") + ". Name the last version "
                + "already applied in production, e.g. as flyway info shows it.");
    }

    /** git runs in the first directory location; for class-path locations, in the working directory. */
    private static Path gitDirectory(List<String> locations, Path workingDirectory) {
        for (String location : locations) {
            if (location.startsWith("classpath:")) {
                continue;
            }
            String path = location.startsWith("filesystem:") ? location.substring("filesystem:".length()) : location;
            Path directory = workingDirectory.resolve(path);
            if (java.nio.file.Files.isDirectory(directory)) {
                return directory;
            }
        }
        return workingDirectory;
    }
}
