package dev.rehearsal.runner.internal.engine;

import dev.rehearsal.runner.core.ErrorCode;
import dev.rehearsal.runner.core.RehearsalException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The files added or modified since a git ref, read with the {@code git} on the PATH: committed, staged and unstaged
 * changes ({@code git diff --diff-filter=AM REF}) and files git does not track yet.
 */
final class GitChanges {

    private GitChanges() {
    }

    /** The names (without directories) of the files under {@code directory} added or modified since {@code ref}. */
    static Set<String> fileNamesSince(String ref, Path directory) {
        if (ref.startsWith("-")) {
            throw new RehearsalException(ErrorCode.INVALID_GIT_REF, "changedSince is '" + ref + "', which is not a "
                    + "git ref: name a branch, tag or commit, e.g. origin/main.");
        }
        if (run(directory, "rev-parse", "--is-inside-work-tree").exit() != 0) {
            throw new RehearsalException(ErrorCode.INVALID_GIT_REF, "changedSince needs the migrations in a git "
                    + "repository, and " + directory + " is not in one. Run from the repository's checkout, or name "
                    + "the pending migrations with pendingAfter instead.");
        }
        if (run(directory, "rev-parse", "--verify", "--quiet", ref + "^{commit}").exit() != 0) {
            throw new RehearsalException(ErrorCode.INVALID_GIT_REF, "changedSince names the git ref '" + ref
                    + "', which the repository at " + directory + " does not know. Name a branch, tag or commit "
                    + "it has (git branch -a), and fetch it first in a shallow CI checkout (git fetch origin main).");
        }
        Set<String> names = new TreeSet<>();
        names.addAll(fileNames(run(directory, "diff", "--name-only", "--diff-filter=AM", ref, "--", ".")));
        names.addAll(fileNames(run(directory, "ls-files", "--others", "--exclude-standard", "--", ".")));
        return names;
    }

    private static List<String> fileNames(Result result) {
        if (result.exit() != 0) {
            throw new RehearsalException(ErrorCode.INVALID_GIT_REF, "git could not list the changed migrations: "
                    + result.output().strip());
        }
        List<String> names = new ArrayList<>();
        result.output().lines().map(String::strip).filter(line -> !line.isEmpty())
                .forEach(line -> names.add(line.substring(line.lastIndexOf('/') + 1)));
        return names;
    }

    private record Result(int exit, String output) {
    }

    private static Result run(Path directory, String... arguments) {
        List<String> command = new ArrayList<>();
        command.add("git");
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true);
        builder.environment().put("GIT_TERMINAL_PROMPT", "0");
        try {
            Process process = builder.start();
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return new Result(process.waitFor(), output);
        } catch (IOException e) {
            throw new RehearsalException(ErrorCode.GIT_UNAVAILABLE, "changedSince reads the changed migrations with "
                    + "git, and git could not be run (" + e.getMessage() + "). Put git on the PATH, or name the "
                    + "pending migrations with pendingAfter instead.", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RehearsalException(ErrorCode.INTERRUPTED, "Interrupted while running git.", e);
        }
    }
}
