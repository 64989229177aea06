package dev.rehearsal.cli;

import dev.rehearsal.runner.core.BuildInfo;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * What the command-line jar knows about its own build: the commit and the time, when the build was given them
 * ({@code -Drehearsal.commit=…}); a build from a source tree without them shows the version alone.
 *
 * @param version the Rehearsal version
 * @param commit  the commit built, or empty
 * @param time    when the jar was built (UTC), or empty
 */
record CliBuild(String version, String commit, String time) {

    static CliBuild current() {
        Properties properties = new Properties();
        try (InputStream in = CliBuild.class.getResourceAsStream("cli-build.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new CliBuild(BuildInfo.rehearsalVersion(), known(properties.getProperty("commit")),
                known(properties.getProperty("time")));
    }

    /** e.g. {@code rehearse 0.1.0 (commit 1a2b3c4, built 2026-12-03T21:40:00Z)} */
    String line() {
        StringBuilder details = new StringBuilder();
        if (!commit.isEmpty()) {
            details.append("commit ").append(commit);
        }
        if (!time.isEmpty()) {
            details.append(details.isEmpty() ? "" : ", ").append("built ").append(time);
        }
        return "rehearse " + version + (details.isEmpty() ? "" : " (" + details + ")");
    }

    /** An unfiltered placeholder (a build that did not go through Maven's resource filtering) counts as unknown. */
    private static String known(String value) {
        return value == null || value.isBlank() || value.contains("${") ? "" : value.strip();
    }
}
