package dev.rehearsal.cli;

import dev.rehearsal.runner.core.BuildInfo;
import dev.rehearsal.runner.config.Server;
import java.util.Locale;

/**
 * Turns --provider, --postgres, --image, --jdbc-url and --allow-remote into the engine's {@link Server} value, refusing
 * contradictions in the command line's own words first.
 */
final class ProviderOptions {

    private ProviderOptions() {
    }

    static Server server(String name, Integer major, String image, String jdbcUrl, boolean allowRemote) {
        String chosen = name == null ? (jdbcUrl != null ? "external" : "embedded") : name.toLowerCase(Locale.ROOT);
        switch (chosen) {
            case "embedded" -> {
                refuse(jdbcUrl != null, "--jdbc-url needs --provider external (or no --provider)");
                refuse(image != null, "--image needs --provider testcontainers");
                if (major != null) {
                    BuildInfo.postgresBinariesVersion(major); // names the supported range
                }
                return new Server(Server.Kind.EMBEDDED, major, null, null, allowRemote);
            }
            case "testcontainers" -> {
                refuse(jdbcUrl != null, "--jdbc-url cannot be combined with --provider testcontainers, which "
                        + "starts its own server");
                refuse(image != null && major != null, "--postgres and --image both choose the version; give one: "
                        + "--image postgres:17");
                if (major != null) {
                    BuildInfo.postgresBinariesVersion(major); // names the supported range
                }
                return new Server(Server.Kind.TESTCONTAINERS, major, image, null, allowRemote);
            }
            case "external" -> {
                refuse(jdbcUrl == null, "--provider external needs --jdbc-url, e.g. "
                        + "--jdbc-url jdbc:postgresql://localhost:5432/postgres?user=me");
                refuse(major != null, "--postgres chooses the embedded server's version; it cannot be combined "
                        + "with --jdbc-url, whose server has its own version");
                refuse(image != null, "--image needs --provider testcontainers");
                return new Server(Server.Kind.EXTERNAL, null, null, jdbcUrl, allowRemote);
            }
            default -> throw CliErrors.invalid("--provider must be embedded, testcontainers or external, got '"
                    + name + "'");
        }
    }

    private static void refuse(boolean condition, String message) {
        if (condition) {
            throw CliErrors.invalid(message);
        }
    }
}
