package dev.rehearsal.runner.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** The content of data-directory files, to show that nothing wrote to them. */
public final class FileDigests {

    private FileDigests() {
    }

    /** Each file directly under the directories (relative to {@code root}), by relative path, with its SHA-256. */
    public static Map<String, String> of(Path root, List<String> directories) throws IOException {
        Map<String, String> digests = new TreeMap<>();
        for (String directory : directories) {
            try (Stream<Path> files = Files.list(root.resolve(directory))) {
                for (Path file : files.toList()) {
                    digests.put(directory + "/" + file.getFileName(), sha256(Files.readAllBytes(file)));
                }
            }
        }
        return digests;
    }

    /** The files whose content differs between two readings (or that went away). */
    public static List<String> changed(Map<String, String> before, Map<String, String> after) {
        return before.keySet().stream().filter(file -> !before.get(file).equals(after.get(file))).toList();
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
