package dev.rehearsal.runner.internal.provision;

import dev.rehearsal.runner.core.ErrorCode;
import dev.rehearsal.runner.core.RehearsalException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;

/**
 * Fetches a file from a Maven repository into Rehearsal's cache, verified against the repository's SHA-1.
 * The repository is Maven Central unless {@code REHEARSAL_MAVEN_REPOSITORY} names a mirror.
 */
final class BinariesDownload {

    static final String CENTRAL = "https://repo.maven.apache.org/maven2/";

    private final Path cacheDirectory;
    private final String repository;

    BinariesDownload(Path cacheDirectory, String repository) {
        this.cacheDirectory = cacheDirectory;
        this.repository = repository.endsWith("/") ? repository : repository + "/";
    }

    static BinariesDownload into(Path cacheDirectory) {
        String mirror = System.getenv("REHEARSAL_MAVEN_REPOSITORY");
        return new BinariesDownload(cacheDirectory, mirror == null || mirror.isBlank() ? CENTRAL : mirror);
    }

    /** The cached file for a repository path, downloading it first when it is not cached yet. */
    Path fetch(String repositoryPath, String what) {
        Path target = cacheDirectory.resolve(repositoryPath.substring(repositoryPath.lastIndexOf('/') + 1));
        if (Files.isRegularFile(target)) {
            return target;
        }
        URI uri = URI.create(repository + repositoryPath);
        try {
            Files.createDirectories(cacheDirectory);
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(20))
                    .followRedirects(HttpClient.Redirect.NORMAL).build();
            String expectedSha1 = client.send(HttpRequest.newBuilder(URI.create(uri + ".sha1")).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.US_ASCII)).body().trim().split("\\s+")[0];
            Path partial = Files.createTempFile(cacheDirectory, ".download-", ".part");
            try {
                HttpResponse<InputStream> response = client.send(HttpRequest.newBuilder(uri).build(),
                        HttpResponse.BodyHandlers.ofInputStream());
                if (response.statusCode() != 200) {
                    throw new IOException("HTTP " + response.statusCode());
                }
                String actualSha1 = copyHashing(response.body(), partial);
                if (!actualSha1.equalsIgnoreCase(expectedSha1)) {
                    throw new IOException("SHA-1 mismatch: expected " + expectedSha1 + ", got " + actualSha1);
                }
                Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(partial);
            }
            return target;
        } catch (IOException e) {
            throw unavailable(what, uri, e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable(what, uri, "interrupted", e);
        }
    }

    private static String copyHashing(InputStream body, Path target) throws IOException {
        try (DigestInputStream in = new DigestInputStream(body, MessageDigest.getInstance("SHA-1"))) {
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            return HexFormat.of().formatHex(in.getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is part of every Java runtime", e);
        }
    }

    private static RehearsalException unavailable(String what, URI uri, String reason, Exception cause) {
        return new RehearsalException(ErrorCode.POSTGRES_BINARIES_UNAVAILABLE,
                "Could not download " + what + " from " + uri + " (" + reason + "). Check the network, point "
                        + "REHEARSAL_MAVEN_REPOSITORY at a reachable Maven mirror, or fetch it with Maven first: "
                        + "mvn dependency:get -Dartifact=" + coordinates(uri.getPath()), cause);
    }

    /** {@code group:artifact:version} from a repository path like {@code io/zonky/…/artifact/1.0/artifact-1.0.jar}. */
    static String coordinates(String path) {
        String[] parts = path.replaceFirst("^.*?/(io/zonky/)", "$1").split("/");
        int n = parts.length;
        if (n < 4) {
            return path;
        }
        String group = String.join(".", java.util.Arrays.copyOfRange(parts, 0, n - 3));
        return group + ":" + parts[n - 3] + ":" + parts[n - 2];
    }
}
