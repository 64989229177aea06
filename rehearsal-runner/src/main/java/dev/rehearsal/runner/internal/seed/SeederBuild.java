package dev.rehearsal.runner.internal.seed;

import dev.rehearsal.runner.core.BuildInfo;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Which build of the seeder generates rows: rows kept between runs are reused only by the build that generated them,
 * since another one may generate other values. A release is told by its version; a development build (the same
 * SNAPSHOT version across changes) by the size and time of the jar or of the seeder's class files.
 */
public final class SeederBuild {

    private static final String IDENTITY = read();

    private SeederBuild() {
    }

    public static String identity() {
        return IDENTITY;
    }

    private static String read() {
        String version = BuildInfo.rehearsalVersion();
        try {
            Path code = Path.of(Seeder.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isRegularFile(code)) {
                return version + " " + Files.size(code) + " " + Files.getLastModifiedTime(code).toMillis();
            }
            Path classes = code.resolve(Seeder.class.getPackageName().replace('.', '/'));
            long size = 0;
            long newest = 0;
            try (Stream<Path> files = Files.list(classes)) {
                for (Path file : files.toList()) {
                    size += Files.size(file);
                    newest = Math.max(newest, Files.getLastModifiedTime(file).toMillis());
                }
            }
            return version + " " + size + " " + newest;
        } catch (IOException | URISyntaxException | RuntimeException unknown) {
            // not telling builds apart: never reuse rows across runs
            return version + " " + java.util.UUID.randomUUID();
        }
    }
}
